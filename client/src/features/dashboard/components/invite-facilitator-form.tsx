import { useId, useRef, useState, type FormEvent } from 'react';
import type { FacilitatorInvite } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useRemoteList } from '../../../lib/use-remote-list';
import { checkEmail, focusFirstInvalid } from '../../../lib/validation';
import { createFacilitatorInvite, listFacilitatorInvites, revokeFacilitatorInvite } from '../api/dashboard-api';

const STATUS_LABEL: Record<FacilitatorInvite['status'], string> = { open: 'Not used yet', used: 'Accepted', expired: 'Expired', revoked: 'Withdrawn' };

/**
 * [CF1] Invite another facilitator: a one-time link for the email given, shown once here to copy and send
 * privately (Hearth sends no email). The invites made so far are listed, an open one with Withdraw.
 */
export function InviteFacilitatorForm({ accountId }: { accountId: string }) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const invites = useRemoteList(listFacilitatorInvites, `facilitator-invites:${accountId}`);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [made, setMade] = useState<{ email: string; link: string } | null>(null);
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkEmail(email);
    setEmailError(problem);
    if (problem) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await createFacilitatorInvite({ email: email.trim() });
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    invites.upsert(result.value.invite);
    setMade({ email: result.value.invite.email, link: result.value.link });
    setEmail('');
    setStatus(statusMessage(`Invite link made for ${result.value.invite.email}. Copy it and send it to them privately.`));
    requestAnimationFrame(() => linkRef.current?.focus());
  }

  async function copy() {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.link);
      setStatus(statusMessage('Copied'));
    } catch {
      linkRef.current?.select();
      linkRef.current?.focus();
      setStatus(statusMessage('The link is selected: copy it with Ctrl+C (or Cmd+C).'));
    }
  }

  async function withdraw(invite: FacilitatorInvite) {
    setServerError(null);
    const result = await revokeFacilitatorInvite(invite.id);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    invites.upsert(result.value);
    setStatus(statusMessage(`The invite for ${invite.email} is withdrawn: its link no longer works.`));
  }

  return (
    <section className="card facilitator-invite" aria-labelledby={headingId}>
      <h2 id={headingId}>Invite a facilitator</h2>
      <p className="muted">They get their own account. Once they have accepted, you can add them to a group as a co-facilitator.</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <Field label="Their email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={emailError} required />
        <FormError error={serverError} />
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            Make invite link
          </Button>
        </div>
      </form>
      {made ? (
        <div className="invite__link">
          <Field ref={linkRef} label={`Invite link for ${made.email}`} readOnly value={made.link} onFocus={(e) => e.currentTarget.select()}
            hint="Shown only now. It works once, for 7 days." className="invite__field" />
          <div className="invite__actions">
            <Button onClick={copy}>Copy invite link</Button>
          </div>
        </div>
      ) : null}
      <StatusText message={status} />
      {invites.items && invites.items.length > 0 ? (
        <>
          <h3>Invites you made</h3>
          <ul className="past-sessions__list">
            {invites.items.map((invite) => (
              <li key={invite.id}>
                {invite.email}: {STATUS_LABEL[invite.status]}
                {invite.status === 'open' ? (
                  <>
                    {' '}
                    <span className="muted">(until {formatDateTime(invite.expiresAt)})</span>{' '}
                    <Button variant="quiet-danger" onClick={() => void withdraw(invite)} aria-label={`Withdraw the invite for ${invite.email}`}>
                      Withdraw
                    </Button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
