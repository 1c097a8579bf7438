import type { MyHand } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { describeMyHand } from './floor-state';

/**
 * Raise or lower one's own hand (also the R key). A member sees only their own hand and place, never
 * anyone else's: balancing is the facilitator's, and private.
 */
export function HandControl({ hand, onToggle }: { hand: MyHand; onToggle: () => void }) {
  return (
    <div className="floor__hand">
      <Button variant={hand.raised ? 'secondary' : 'primary'} aria-pressed={hand.raised} onClick={onToggle}>
        {hand.raised ? 'Lower my hand' : 'Raise hand'}
      </Button>
      {hand.raised ? <p className="floor__note">{describeMyHand(hand)}</p> : null}
    </div>
  );
}
