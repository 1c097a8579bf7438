import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { checkEmail, checkName, checkNewPassword, focusFirstInvalid } from '../../../lib/validation';
import { createFirstAccount, getSetupStatus } from '../api/auth-api';

type SetupState = 'checking' | 'needed' | 'done' | 'unknown';

/** First run: the holder of the one-time setup link creates the first facilitator account. */
export function SetupPage() {
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [status, setStatus] = useState<SetupState>('checking');

  useEffect(() => {
    let active = true;
    void getSetupStatus().then((result) => {
      if (!active) return;
      setStatus(result.ok ? (result.value.needed ? 'needed' : 'done') : 'unknown');
    });
    return () => {
      active = false;
    };
  }, []);

  if (status === 'checking') {
    return (
      <div className="loading" aria-busy="true">
        <p>Loading…</p>
      </div>
    );
  }
  if (status === 'done') {
    return (
      <PageLayout title="Hearth is already set up">
        <p>A facilitator account already exists. <Link href={PagePaths.signIn}>Go to sign in</Link>.</p>
      </PageLayout>
    );
  }
  if (token === '') {
    return (
      <PageLayout title="Set up Hearth">
        <p className="notice">
          This page needs the setup link that was printed when the server first started. Open that link to create the first account.
        </p>
      </PageLayout>
    );
  }
  return <SetupForm token={token} />;
}

function SetupForm({ token }: { token: string }) {
  const [, navigate] = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string | null>>>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      displayName: checkName(values.displayName),
      email: checkEmail(values.email),
      password: checkNewPassword(values.password),
    };
    setErrors(next);
    if (next.displayName || next.email || next.password) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await createFirstAccount({
      token,
      displayName: values.displayName.trim(),
      email: values.email.trim(),
      password: values.password,
    });
    setBusy(false);
    if (result.ok) navigate(PagePaths.dashboard);
    else setServerError(result.error);
  }

  return (
    <PageLayout title="Set up Hearth" intro={<p>Create the first facilitator account. You can run groups and invite members once it exists.</p>}>
      <form ref={formRef} className="form card" onSubmit={submit} noValidate>
        <Field label="Your name" autoComplete="name" value={values.displayName} onChange={update('displayName')}
          error={errors.displayName} hint="Members see this name in the room." required />
        <Field label="Email" type="email" autoComplete="username" value={values.email} onChange={update('email')}
          error={errors.email} required />
        <Field label="Password" type="password" autoComplete="new-password" value={values.password}
          onChange={update('password')} error={errors.password} hint="At least 10 characters." required />
        <FormError error={serverError} />
        <Button type="submit" variant="primary" disabled={busy}>
          Create account
        </Button>
      </form>
    </PageLayout>
  );
}
