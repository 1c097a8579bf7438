import { useEffect, useState } from 'react';
import { orderHands, type HandOrder, type HandQueue as Queue } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';

interface Props {
  queue: Queue;
  /** When (this clock) the queue arrived: waiting times are counted on from it. */
  at: number;
  holderId: string | null;
  onOrder: (order: HandOrder) => void;
  onGive: (participantId: string) => void;
  onLower: (participantId?: string) => void;
}

/**
 * Facilitators: the raised hands in the chosen order, each with the reason for its place in words
 * ("waiting 2 min · has spoken least"), recomputed every 15 s so the words stay true. No score is shown.
 */
export function HandQueue({ queue, at, holderId, onOrder, onGive, onLower }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const ordered = orderHands(queue.hands.map((h) => ({ ...h, raisedAt: at - h.waitedMs })), queue.order, Math.max(now, at));
  return (
    <section className="floor__queue" aria-label="Raised hands">
      <h3 className="floor__heading">Raised hands</h3>
      <SelectField label="Queue order" value={queue.order} onChange={(event) => onOrder(event.target.value as HandOrder)}
        options={[{ value: 'first_come', label: 'First come' }, { value: 'fair', label: 'Fair (waiting time and who has spoken less)' }]} />
      {ordered.length === 0 ? <p className="floor__note">No hands are up.</p> : (
        <>
          <ol className="floor__list">
            {ordered.map(({ hand, reason }) => (
              <li key={hand.participantId} className="floor__item">
                <span><strong>{hand.displayName}</strong> <span className="floor__reason">{reason}</span></span>
                <span className="floor__actions">
                  {holderId === hand.participantId ? <span className="floor__note">Has the floor</span> : (
                    <Button variant="primary" onClick={() => onGive(hand.participantId)} aria-label={`Give the floor to ${hand.displayName}`}>Give the floor</Button>
                  )}
                  <Button variant="quiet" onClick={() => onLower(hand.participantId)} aria-label={`Lower ${hand.displayName}'s hand`}>Lower</Button>
                </span>
              </li>
            ))}
          </ol>
          <Button variant="quiet" onClick={() => onLower()}>Lower all hands</Button>
        </>
      )}
    </section>
  );
}
