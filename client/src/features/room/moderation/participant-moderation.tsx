import { useState } from 'react';
import { mayPutOut, type Participant, type Role } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Moderation } from './use-moderation';

/**
 * The extra actions on another participant's row, for facilitators: ask to unmute (never unmute),
 * stop video, and ban (with a confirmation). The supervisor's row gets none of these.
 */
export function ParticipantModeration({ participant, selfRole, moderation }: { participant: Participant; selfRole: Role; moderation: Moderation }) {
  const [confirmBan, setConfirmBan] = useState(false);
  const name = participant.displayName;
  const busy = moderation.pending === participant.id;
  if (participant.role === 'supervisor') return null;
  return (
    <>
      {!participant.audio && participant.role === 'member' ? (
        <Button variant="quiet" disabled={busy} onClick={() => void moderation.askUnmute(participant)}>
          Ask to unmute<span className="visually-hidden"> {name}</span>
        </Button>
      ) : null}
      {participant.video ? (
        <Button variant="quiet" disabled={busy} onClick={() => void moderation.stopVideo(participant)}>
          Stop video<span className="visually-hidden"> of {name}</span>
        </Button>
      ) : null}
      {mayPutOut(selfRole, participant.role) ? (
        <Button variant="quiet-danger" disabled={busy} onClick={() => setConfirmBan(true)}>
          Ban<span className="visually-hidden"> {name}</span>
        </Button>
      ) : null}
      {confirmBan ? (
        <ConfirmDialog title={`Ban ${name} from this session?`} confirmLabel="Ban" busy={busy}
          onConfirm={() => {
            void moderation.ban(participant).then((ack) => {
              if (!ack.ok) setConfirmBan(false);
            });
          }}
          onCancel={() => setConfirmBan(false)}>
          <p>They leave straight away and cannot rejoin this session, with this link or their place. This cannot be undone for this session.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
