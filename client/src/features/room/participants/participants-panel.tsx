import { useRef, useState } from 'react';
import { isFacilitatorRole, mayPutOut, type DistressLevel, type Participant } from '@hearth/shared';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { OpenCaseDialog, useDistress } from '../distress';
import { useRoomMedia } from '../media';
import { ParticipantModeration, useModeration } from '../moderation';
import { useRoomCall, useRoomSession } from '../session';
import { ParticipantItem } from './participant-item';

/**
 * Who is here. Facilitators and co-facilitators also get Mute and Remove for each other person, a
 * private support case about a member (Concerned) and the rest of the moderation set on each row;
 * the server checks the role again, this only decides what to show.
 */
export function ParticipantsPanel() {
  const { self, others } = useRoomCall();
  const { notify } = useRoomSession();
  const selfAudio = useRoomMedia().local.audio;
  const moderation = useModeration();
  const { openCase: onOpenCase } = useDistress();
  const canModerate = isFacilitatorRole(self.role);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [concernedAbout, setConcernedAbout] = useState<Participant | null>(null);

  async function openCase(level: DistressLevel, note: string) {
    if (!concernedAbout) return null;
    const ack = await onOpenCase(concernedAbout.id, level, note);
    if (!ack.ok) return ack.error;
    notify(`Support case opened for ${concernedAbout.displayName}; only facilitators can see it`);
    return null;
  }

  async function mute(participant: Participant) {
    setPending(participant.id);
    const ack = await moderation.mute(participant.id);
    setPending(null);
    notify(ack.ok ? `${participant.displayName} is muted` : ack.error.message);
  }

  async function confirmRemove() {
    if (!removing) return;
    const participant = removing;
    setPending(participant.id);
    const ack = await moderation.remove(participant.id);
    setPending(null);
    setRemoving(null);
    notify(ack.ok ? `${participant.displayName} was removed` : ack.error.message);
    // Their row (and the button that opened the dialog) is gone: keep focus in the panel.
    if (ack.ok) requestAnimationFrame(() => headingRef.current?.focus());
  }

  return (
    <aside className="participants" aria-label="Participants">
      <h2 ref={headingRef} tabIndex={-1} className="participants__title">
        Participants <span className="participants__count">({others.length + 1})</span>
      </h2>
      <ul className="participants__list">
        {[self, ...others].map((participant) => (
          <ParticipantItem
            key={participant.id}
            participant={participant}
            isSelf={participant.id === self.id}
            audioOn={participant.id === self.id ? selfAudio : participant.audio}
            canModerate={canModerate}
            busy={pending === participant.id}
            onMute={mute}
            onRemove={mayPutOut(self.role, participant.role) ? (p) => setRemoving(p) : undefined}
            onConcern={canModerate ? setConcernedAbout : undefined}
            extraActions={canModerate ? <ParticipantModeration participant={participant} selfRole={self.role} moderation={moderation} /> : undefined}
          />
        ))}
      </ul>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.displayName}?`}
          confirmLabel="Remove"
          busy={pending === removing.id}
          onConfirm={confirmRemove}
          onCancel={() => setRemoving(null)}
        >
          <p>They will leave the session straight away and their invite link will stop working.</p>
        </ConfirmDialog>
      ) : null}
      {concernedAbout ? (
        <OpenCaseDialog member={concernedAbout} onOpen={openCase} onClose={() => setConcernedAbout(null)} />
      ) : null}
    </aside>
  );
}
