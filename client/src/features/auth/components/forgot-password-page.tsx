import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { checkEmail, focusFirstInvalid } from '../../../lib/validation';
import { askForResetLink } from '../api/auth-api';

/**
 * [AC5] "Forgot password": the answer is the same whether or not the email has an account, so this page says
 * what happens in both cases and where else a link comes from (the person who runs Hearth).
 */
export function ForgotPasswordPage() {
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkEmail(email);
    setError(problem);
    if (problem) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await askForResetLink({ email: email.trim() });
    setBusy(false);
    if (result.ok) setSent(true);
    else setServerError(result.error);
  }

  if (sent) {
    return (
      <PageLayout title="Check your email">
        <div className="notice" role="status">
          <p>If {email.trim()} belongs to a facilitator account and this Hearth can send email, a reset link is on its way. It works once, for an hour.</p>
          <p>No email after a few minutes? Ask the person who runs Hearth for a reset link.</p>
        </div>
        <p><Link href={PagePaths.signIn}>Back to sign in</Link></p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title="Forgot your password?" intro={<p>Enter the email you sign in with. We send a link to choose a new password.</p>}>
      <form ref={formRef} className="form card" onSubmit={submit} noValidate>
        <Field label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={error} required />
        <FormError error={serverError} />
        <Button type="submit" variant="primary" disabled={busy}>
          Send reset link
        </Button>
      </form>
      <p className="muted">This Hearth may not send email. The person who runs it can also give you a reset link.</p>
      <p><Link href={PagePaths.signIn}>Back to sign in</Link></p>
    </PageLayout>
  );
}
