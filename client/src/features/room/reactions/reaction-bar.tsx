import { isFacilitatorRole, ReactionKinds } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { isObserver } from '../media';
import { useRoomCall } from '../session';
import { useReactions } from './reactions-context';
import { reactionWords } from './reactions-state';

/**
 * [RX1] The four quiet reactions, and (facilitators) the group's setting. The hidden supervisor gets
 * nothing here: a reaction would show someone the members cannot see.
 */
export function ReactionBar() {
  const { self, others } = useRoomCall();
  const { state, send, setEnabled, error } = useReactions();
  if (isObserver(self.role) || state.enabled === null) return null;
  const facilitator = isFacilitatorRole(self.role);
  // For screen readers: the newest reaction, said once, politely.
  const newest = Object.entries(state.shown).find(([, shown]) => shown.serial === state.serial);
  const who = newest && [self, ...others].find((p) => p.id === newest[0]);
  const said = newest && who ? `${who.id === self.id ? 'You' : who.displayName}: ${reactionWords[newest[1].kind]}` : '';
  return (
    <section className="reactions" aria-label="Reactions">
      {state.enabled ? (
        <div role="group" aria-label="Send a reaction" className="reactions__buttons">
          {ReactionKinds.map((kind) => (
            <Button key={kind} variant="quiet" onClick={() => void send(kind)}>{reactionWords[kind]}</Button>
          ))}
        </div>
      ) : (
        <p className="reactions__off">Reactions are off for this group.</p>
      )}
      {facilitator ? (
        <label className="reactions__setting">
          <input type="checkbox" checked={state.enabled} onChange={(event) => void setEnabled(event.target.checked)} />
          Allow reactions
        </label>
      ) : null}
      <p role="status" className="visually-hidden">{said}</p>
      {error ? <p role="alert" className="reactions__error">{error}</p> : null}
    </section>
  );
}

/** [RX2] What is shown beside one person, for their tile; null when nothing is. */
export function ReactionBadge({ participantId }: { participantId: string }) {
  const { state } = useReactions();
  const shown = state.shown[participantId];
  if (!shown) return null;
  return <span className="tile__reaction" key={shown.serial}>{reactionWords[shown.kind]}</span>;
}
