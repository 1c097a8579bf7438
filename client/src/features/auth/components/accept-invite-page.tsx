import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { checkName, checkNewPassword, focusFirstInvalid } from '../../../lib/validation';
import { acceptFacilitatorInvite } from '../api/auth-api';
import { tokenFromFragment } from './reset-password-page';

/** Links that will never work: the page says to ask for a new one or to sign in. */
const DEAD_LINK = new Set(['invite_invalid', 'invite_expired', 'invite_revoked', 'invite_used_up', 'conflict']);

/**
 * [CF2] The page a facilitator invite opens (`/accept-invite#token=`): the invitee chooses the name members will
 * see and a password, and is signed in to their dashboard. The token is in the fragment, never sent in a URL.
 */
export function AcceptInvitePage() {
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [, navigate] = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string | null>>>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      displayName: checkName(values.displayName),
      password: checkNewPassword(values.password),
      confirm: values.confirm === values.password ? null : 'The two passwords are not the same.',
    };
    setErrors(next);
    if (next.displayName || next.password || next.confirm) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await acceptFacilitatorInvite({ token, displayName: values.displayName.trim(), password: values.password });
    setBusy(false);
    // Signed in by the answer: the dashboard greets them by the name they chose.
    if (result.ok) navigate(PagePaths.dashboard);
    else setServerError(result.error);
  }

  if (token === '') {
    return (
      <PageLayout title="Join Hearth as a facilitator">
        <p className="notice">This page needs the whole invite link, including the part after #. Open the link again, or ask the person who invited you for a new one.</p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title="Join Hearth as a facilitator" intro={<p>You were invited to facilitate on Hearth. Choose the name members will see and a password. This link works once.</p>}>
      <form ref={formRef} className="form card" onSubmit={submit} noValidate>
        <Field label="Your name" autoComplete="name" value={values.displayName} onChange={update('displayName')}
          error={errors.displayName} hint="Members see this name in the room." required />
        <Field label="Password" type="password" autoComplete="new-password" value={values.password}
          onChange={update('password')} error={errors.password} hint="At least 10 characters." required />
        <Field label="Password again" type="password" autoComplete="new-password" value={values.confirm}
          onChange={update('confirm')} error={errors.confirm} required />
        <FormError error={serverError} />
        {serverError && DEAD_LINK.has(serverError.code) ? <p><Link href={PagePaths.signIn}>Go to sign in</Link></p> : null}
        <Button type="submit" variant="primary" disabled={busy}>
          Create my account
        </Button>
      </form>
    </PageLayout>
  );
}
