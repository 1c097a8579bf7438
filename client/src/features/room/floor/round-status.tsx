import type { Participant, RoundView } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { roundName } from './floor-state';
import { RoundTimer } from './round-timer';

interface Props {
  round: RoundView;
  at: number;
  self: Participant;
  facilitator: boolean;
  floorControl: boolean;
  names: ReadonlyMap<string, string>;
  onPass: () => void;
  onDone: () => void;
  onNext: () => void;
  onSkip: () => void;
  onReorder: (participantIds: string[]) => void;
  onEnd: () => void;
}

/**
 * A go-round as everyone sees it: the prompt, whose turn it is, who is still to come, the soft timer.
 * The speaker may pass (offered the floor again at the end, once) or say they are done; facilitators
 * move on, skip, reorder and end.
 */
export function RoundStatus({ round, at, self, facilitator, floorControl, names, ...on }: Props) {
  const name = (id: string) => (id === self.id ? 'You' : (names.get(id) ?? 'Someone'));
  const mine = round.currentId === self.id;
  const upcoming = [...round.upcoming, ...round.returning];
  const move = (index: number, by: -1 | 1) => {
    const order = [...round.upcoming];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    on.onReorder(order);
  };
  return (
    <section className="floor__round" aria-label={roundName(round.kind)}>
      <h3 className="floor__heading">{roundName(round.kind)}</h3>
      {round.prompt ? <p className="floor__prompt">{round.prompt}</p> : null}
      {round.currentId ? (
        <p className="floor__turn">
          {mine ? (round.again ? 'You passed earlier: you are offered the floor again.' : 'It is your turn.') : `Now speaking: ${name(round.currentId)}`}
        </p>
      ) : null}
      {mine && floorControl ? <p className="floor__note">Others are muted during your turn. Turn your microphone on when you are ready.</p> : null}
      {round.turnLeftMs !== null && round.currentId ? <RoundTimer key={`${round.currentId}-${at}`} leftMs={round.turnLeftMs} at={at} cue={mine} /> : null}
      {mine ? (
        <div className="floor__actions">
          <Button variant="primary" onClick={on.onDone}>I'm done</Button>
          <Button onClick={on.onPass}>{round.again ? 'Pass again' : 'Pass for now'}</Button>
        </div>
      ) : null}
      {upcoming.length > 0 ? (
        <div>
          <h4 className="floor__subheading">Still to come</h4>
          <ol className="floor__list">
            {round.upcoming.map((id, index) => (
              <li key={id} className="floor__item">
                <span>{name(id)}</span>
                {facilitator ? (
                  <span className="floor__actions">
                    {index > 0 ? <Button variant="quiet" onClick={() => move(index, -1)} aria-label={`Move ${name(id)} earlier`}>Earlier</Button> : null}
                    {index < round.upcoming.length - 1 ? <Button variant="quiet" onClick={() => move(index, 1)} aria-label={`Move ${name(id)} later`}>Later</Button> : null}
                  </span>
                ) : null}
              </li>
            ))}
            {round.returning.map((id) => <li key={id} className="floor__item">{name(id)} <span className="floor__reason">(offered again at the end)</span></li>)}
          </ol>
        </div>
      ) : null}
      {facilitator ? (
        <div className="floor__actions">
          <Button onClick={on.onNext}>Next speaker</Button>
          <Button variant="quiet" onClick={on.onSkip}>Skip</Button>
          <Button variant="quiet-danger" onClick={on.onEnd}>End round</Button>
        </div>
      ) : null}
    </section>
  );
}
