import { useId, type ReactNode } from 'react';
import type { Participant } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { roleLabel } from '../../../lib/format';
import { mutedText } from '../media';

export interface ParticipantItemProps {
  participant: Participant;
  isSelf: boolean;
  /** Own microphone state for the self row (local truth); others use the server's. */
  audioOn: boolean;
  canModerate: boolean;
  busy: boolean;
  onMute: (participant: Participant) => void;
  /** Given only where this person may remove them (mayPutOut): a co-facilitator is not offered staff. */
  onRemove?: ((participant: Participant) => void) | undefined;
  /** Facilitators only, on a member's row: open a private support case about them. */
  onConcern?: ((participant: Participant) => void) | undefined;
  /** More moderation actions for this row (facilitators only). */
  extraActions?: ReactNode;
}

export function ParticipantItem({ participant, isSelf, audioOn, canModerate, busy, onMute, onRemove, onConcern, extraActions }: ParticipantItemProps) {
  const explainId = useId();
  const name = participant.displayName;
  const muted = mutedText(participant, audioOn);
  const alreadyMuted = !audioOn;

  return (
    <li className="participant">
      <div className="participant__info">
        <span className="participant__name">
          {name}
          {isSelf ? ' (you)' : ''}
        </span>
        <span className="participant__meta">
          {roleLabel(participant.role)}
          {participant.organisation ? ` · ${participant.organisation}` : ''}
          {' · '}
          {muted ?? 'Microphone on'}
        </span>
      </div>
      {canModerate && !isSelf ? (
        <div className="participant__actions">
          {/* The visible word is short; the accessible name carries the person's name. */}
          <Button variant="secondary" onClick={() => onMute(participant)} disabled={alreadyMuted || busy}
            aria-describedby={alreadyMuted ? explainId : undefined}>
            Mute<span className="visually-hidden"> {name}</span>
          </Button>
          {onRemove ? (
            <Button variant="quiet-danger" onClick={() => onRemove(participant)} disabled={busy}>
              Remove<span className="visually-hidden"> {name}</span>
            </Button>
          ) : null}
          {onConcern && participant.role === 'member' ? (
            <Button variant="quiet" onClick={() => onConcern(participant)} disabled={busy}>
              Concerned<span className="visually-hidden"> about {name}</span>
            </Button>
          ) : null}
          {extraActions}
          {alreadyMuted ? (
            <span id={explainId} className="participant__explain">
              {participant.mutedBy ? 'Already muted' : 'Their microphone is already off'}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
