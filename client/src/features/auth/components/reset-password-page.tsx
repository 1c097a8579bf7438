import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { checkNewPassword, focusFirstInvalid } from '../../../lib/validation';
import { resetPassword } from '../api/auth-api';

/** The token from `#token=…`: in the fragment so it is never sent in a request line or kept in a server log. */
export function tokenFromFragment(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** Links that will never work again: the page offers a new one rather than the form. */
const DEAD_LINK = new Set(['reset_link_invalid', 'reset_link_expired', 'reset_link_used']);

/** [AC5] The page a one-time reset link (emailed, or printed by the operator) opens. */
export function ResetPasswordPage() {
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<{ password?: string | null; confirm?: string | null }>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      password: checkNewPassword(values.password),
      confirm: values.confirm === values.password ? null : 'The two passwords are not the same.',
    };
    setErrors(next);
    if (next.password || next.confirm) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await resetPassword({ token, password: values.password });
    setBusy(false);
    if (result.ok) setDone(true);
    else setServerError(result.error);
  }

  if (token === '') {
    return (
      <PageLayout title="Choose a new password">
        <p className="notice">This page needs the whole reset link, including the part after #. Open the link again, or ask for a new one.</p>
        <p><Link href={PagePaths.forgotPassword}>Ask for a reset link</Link></p>
      </PageLayout>
    );
  }
  if (done) {
    return (
      <PageLayout title="Your password is set">
        <p className="notice" role="status">Your new password is saved, and you are signed out everywhere you were signed in. Sign in with the new password.</p>
        <p><Link href={PagePaths.signIn}>Go to sign in</Link></p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title="Choose a new password" intro={<p>This link works once. Setting a password signs you out everywhere else.</p>}>
      <form ref={formRef} className="form card" onSubmit={submit} noValidate>
        <Field label="New password" type="password" autoComplete="new-password" value={values.password}
          onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))} error={errors.password} hint="At least 10 characters." required />
        <Field label="New password again" type="password" autoComplete="new-password" value={values.confirm}
          onChange={(e) => setValues((v) => ({ ...v, confirm: e.target.value }))} error={errors.confirm} required />
        <FormError error={serverError} />
        {serverError && DEAD_LINK.has(serverError.code) ? <p><Link href={PagePaths.forgotPassword}>Ask for a new reset link</Link></p> : null}
        <Button type="submit" variant="primary" disabled={busy}>
          Set new password
        </Button>
      </form>
    </PageLayout>
  );
}
