import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Moderation } from './use-moderation';
import { WaitingList } from './waiting-list';
import '../../../styles/moderation.css';

/**
 * Facilitators' session controls: the waiting room switch, the lock, mute everyone (with a
 * confirmation), and who is waiting. The server checks the role again; this only decides what to show.
 */
export function ModerationPanel({ moderation }: { moderation: Moderation }) {
  const headingId = useId();
  const [confirmMuteAll, setConfirmMuteAll] = useState(false);
  const { settings, pending } = moderation;
  // The switch shows what the facilitator asked for while the server answers, and falls back to
  // the server's settings once it has (so a refusal puts it back).
  const [askedWaitingRoom, setAskedWaitingRoom] = useState<boolean | null>(null);
  const waitingRoomShown = pending === 'waiting-room' && askedWaitingRoom !== null ? askedWaitingRoom : settings.waitingRoom;

  return (
    <section className="moderation" aria-labelledby={headingId}>
      <h2 id={headingId} className="moderation__title">Session controls</h2>
      <div className="moderation__row">
        <label className="moderation__switch">
          <input type="checkbox" checked={waitingRoomShown} aria-busy={pending === 'waiting-room'}
            disabled={pending === 'waiting-room'}
            onChange={(event) => {
              const enabled = event.target.checked;
              setAskedWaitingRoom(enabled);
              void moderation.setWaitingRoom(enabled).finally(() => setAskedWaitingRoom(null));
            }} />
          {' '}Members wait to be admitted
        </label>
        <Button variant="secondary" disabled={pending === 'lock'} onClick={() => void moderation.setLocked(!settings.locked)}>
          {settings.locked ? 'Unlock session' : 'Lock session'}
        </Button>
        <Button variant="secondary" disabled={pending === 'mute-all'} onClick={() => setConfirmMuteAll(true)}>
          Mute everyone
        </Button>
      </div>
      <p className="moderation__state">
        {settings.locked ? 'Locked: nobody new can join. People already here can come back if their connection drops.' : 'Open to people with an invite link.'}
      </p>
      <WaitingList moderation={moderation} />
      {confirmMuteAll ? (
        <ConfirmDialog title="Mute everyone except the facilitators?" confirmLabel="Mute everyone" busy={pending === 'mute-all'}
          onConfirm={() => {
            void moderation.muteAll().then(() => setConfirmMuteAll(false));
          }}
          onCancel={() => setConfirmMuteAll(false)}>
          <p>Each member is told you muted everyone. Nobody can be unmuted by you: they unmute themselves when they are ready.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
