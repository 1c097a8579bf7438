import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { checkEmail, focusFirstInvalid } from '../../../lib/validation';
import { getSetupStatus, signIn } from '../api/auth-api';

export function SignInPage() {
  const [, navigate] = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | null; password?: string | null }>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [setupNeeded, setSetupNeeded] = useState(false);
  // [AC6] Arriving from "Sign out everywhere" on the dashboard: say that it worked.
  const signedOutEverywhere = new URLSearchParams(useSearch()).get('signed-out') === 'everywhere';

  // A fresh install has no account yet: say where the setup link is instead of failing sign-in.
  useEffect(() => {
    let active = true;
    void getSetupStatus().then((result) => {
      if (active && result.ok) setSetupNeeded(result.value.needed);
    });
    return () => {
      active = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = { email: checkEmail(email), password: password === '' ? 'Please enter your password.' : null };
    setErrors(next);
    if (next.email || next.password) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await signIn({ email: email.trim(), password });
    setBusy(false);
    if (result.ok) navigate(PagePaths.dashboard);
    else setServerError(result.error);
  }

  return (
    <PageLayout title="Sign in" intro={<p>Facilitators sign in here to run their groups. Members join from the invite link they were sent.</p>}>
      {setupNeeded ? (
        <p className="notice">
          This Hearth has no facilitator account yet. Open the setup link that was printed when the server first started.
        </p>
      ) : null}
      {signedOutEverywhere ? (
        <p className="notice" role="status">
          You are signed out everywhere: on this device and every other one.
        </p>
      ) : null}
      <form ref={formRef} className="form card" onSubmit={submit} noValidate>
        <Field label="Email" type="email" autoComplete="username" value={email}
          onChange={(e) => setEmail(e.target.value)} error={errors.email} required />
        <Field label="Password" type="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.password} required />
        <FormError error={serverError} />
        <Button type="submit" variant="primary" disabled={busy}>
          Sign in
        </Button>
      </form>
      <p>
        <Link href={PagePaths.forgotPassword}>Forgot password?</Link>
      </p>
    </PageLayout>
  );
}
