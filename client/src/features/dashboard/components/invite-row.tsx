import { useRef, useState } from 'react';
import type { Invite } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { formatDateTime, inviteStatusLabel, roleLabel } from '../../../lib/format';
import { revokeInvite } from '../api/dashboard-api';

export function InviteRow({ invite, onChange }: { invite: Invite; onChange: (invite: Invite) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `${window.location.origin}${invite.path}`;
  const active = invite.status === 'active';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(statusMessage('Copied'));
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): select the text instead.
      inputRef.current?.select();
      inputRef.current?.focus();
      setStatus(statusMessage('The link is selected: copy it with Ctrl+C (or Cmd+C).'));
    }
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await revokeInvite(invite.id);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onChange(result.value);
    setStatus(statusMessage('Link revoked'));
    // The Revoke button disappears with the link; keep focus on this row, whose text now says Revoked.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  return (
    <li className={`invite invite--${invite.status}`}>
      <p ref={summaryRef} tabIndex={-1} className="invite__summary">
        <span className="badge">{roleLabel(invite.role)}</span>
        {invite.label ? <span className="invite__label">{invite.label}</span> : null}
        <span className={`invite__status invite__status--${invite.status}`}>{inviteStatusLabel(invite.status)}</span>
        <span className="muted">
          {invite.status === 'expired' ? 'Expired' : 'Expires'} {formatDateTime(invite.expiresAt)}
        </span>
        <span className="muted">
          {invite.uses} of {invite.maxUses} used
        </span>
      </p>
      {active ? (
        <div className="invite__link">
          <Field ref={inputRef} label="Invite link" readOnly value={url} onFocus={(e) => e.currentTarget.select()}
            className="invite__field" />
          <div className="invite__actions">
            <Button onClick={copy}>Copy link</Button>
            <Button variant="quiet-danger" onClick={revoke} disabled={busy}>
              Revoke
            </Button>
          </div>
        </div>
      ) : null}
      <FormError error={error} />
      <StatusText message={status} className="invite__status-text" />
    </li>
  );
}
