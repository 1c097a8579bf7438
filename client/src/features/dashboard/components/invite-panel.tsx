import { useState } from 'react';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import { FormError } from '../../../components/ui/form-error';
import { Button } from '../../../components/ui/button';
import { useRemoteList } from '../../../lib/use-remote-list';
import { listInvites } from '../api/dashboard-api';
import { InviteForm } from './invite-form';
import { InviteRow } from './invite-row';

/** Invite links for one live session: a form to make one and the list of those already made. */
export function InvitePanel({ sessionId }: { sessionId: string }) {
  const invites = useRemoteList(() => listInvites(sessionId), `invites:${sessionId}`);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  return (
    // No aria-labelledby here on purpose: a container named "Invite links" would also answer to the
    // label "Invite link" that each row's text field has.
    <div className="invites">
      <h4>Invite links</h4>
      <InviteForm
        sessionId={sessionId}
        onCreated={(invite) => {
          invites.upsert(invite);
          setStatus(statusMessage('Invite link created'));
        }}
      />
      <StatusText message={status} className="invites__status" />
      {invites.error ? (
        <div className="stack">
          <FormError error={invites.error} />
          <Button onClick={invites.retry}>Try again</Button>
        </div>
      ) : null}
      {invites.items !== null && invites.items.length === 0 ? <p className="muted">No invite links yet.</p> : null}
      {invites.items && invites.items.length > 0 ? (
        <ul className="invite-list">
          {invites.items.map((invite) => (
            <InviteRow key={invite.id} invite={invite} onChange={invites.upsert} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
