import { isFacilitatorRole, Role } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { useRoomCall } from '../session';
import { useFloor } from './floor-context';
import { namesOf } from './floor-state';
import { HandControl } from './hand-control';
import { HandQueue } from './hand-queue';
import { NudgeComposer } from './nudge-composer';
import { NudgeNote } from './nudge-note';
import { RoundStatus } from './round-status';
import { StartRoundForm } from './start-round-form';
import '../../../styles/floor.css';

/**
 * Hands, the floor, go-rounds and private notes. Everyone sees who holds the floor and the round; a
 * member sees their own hand and place only, never the queue or anyone's talk time; facilitators see
 * the queue and the controls. One polite live region, always present, announces each change to the
 * person it concerns (the server sends each person only what they may know).
 */
export function FloorPanel() {
  const { self, others } = useRoomCall();
  const floor = useFloor();
  const { state } = floor;
  const facilitator = isFacilitatorRole(self.role);
  const names = namesOf(self, others);
  const { holderId, floorControl, round } = state.floor;
  const holderName = holderId === self.id ? 'You have' : `${names.get(holderId ?? '') ?? 'Someone'} has`;
  const members = others.filter((p) => p.role === Role.member);
  return (
    <section className="floor" aria-label="Hands and rounds">
      <p role="status" className="visually-hidden">{state.announcement?.text ?? ''}</p>
      {state.nudges.map((nudge) => <NudgeNote key={nudge.nudgeId} nudge={nudge} onAnswer={(answer) => void floor.answerNudge(nudge.nudgeId, answer)} />)}
      {self.role === Role.supervisor ? null : <HandControl hand={state.mine} onToggle={() => void floor.toggleHand()} />}
      {!round && holderId ? (
        <div className="floor__holder">
          <p className="floor__turn">{holderName} the floor.</p>
          {holderId === self.id || facilitator ? (
            <Button variant="quiet" onClick={() => void floor.release()}>{holderId === self.id ? 'Hand back the floor' : 'Take the floor back'}</Button>
          ) : null}
        </div>
      ) : null}
      {floorControl && !facilitator && holderId !== self.id ? <p className="floor__note">Only the person with the floor can speak right now.</p> : null}
      {round ? (
        <RoundStatus round={round} at={state.floorAt} self={self} facilitator={facilitator} floorControl={floorControl} names={names}
          onPass={() => void floor.pass()} onDone={() => void floor.done()} onNext={() => void floor.done()} onSkip={() => void floor.skip()}
          onReorder={(ids) => void floor.reorder(ids)} onEnd={() => void floor.endRound()} />
      ) : null}
      {facilitator ? (
        <details className="floor__facilitator" open>
          <summary>Facilitate: hands, rounds and private notes</summary>
          {state.queue ? <HandQueue queue={state.queue} at={state.queueAt} holderId={holderId} onOrder={(o) => void floor.setOrder(o)}
            onGive={(id) => void floor.give(id)} onLower={(id) => void floor.lowerHand(id)} /> : null}
          {round ? null : (
            <label className="floor__check">
              <input type="checkbox" checked={floorControl} onChange={(e) => void floor.setControl(e.target.checked)} />
              Floor control: only the person with the floor may unmute
            </label>
          )}
          {round ? null : <StartRoundForm onStart={(r) => void floor.startRound(r)} />}
          {members.length > 0 ? <NudgeComposer members={members} floor={floor} /> : null}
        </details>
      ) : null}
    </section>
  );
}
