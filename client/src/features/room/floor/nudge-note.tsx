import type { NudgeAnswer, NudgeReceived } from '@hearth/shared';
import { Button } from '../../../components/ui/button';

/**
 * A private note from a facilitator, seen by this person alone. An invitation can be accepted (their
 * hand goes up) or declined; a note making space can be acknowledged or dismissed. Only the facilitator
 * who sent it learns the answer.
 */
export function NudgeNote({ nudge, onAnswer }: { nudge: NudgeReceived; onAnswer: (answer: NudgeAnswer) => void }) {
  const invite = nudge.kind === 'invite';
  return (
    <section className="floor__nudge" aria-label={`Private note from ${nudge.from.displayName}`}>
      <p className="floor__subheading">Private note from {nudge.from.displayName} (only you can see this)</p>
      <p className="floor__prompt">{nudge.text}</p>
      <div className="floor__actions">
        <Button variant="primary" onClick={() => onAnswer('accept')}>{invite ? 'Raise my hand' : 'Okay'}</Button>
        <Button variant="quiet" onClick={() => onAnswer('decline')}>{invite ? 'Not now' : 'Dismiss'}</Button>
      </div>
    </section>
  );
}
