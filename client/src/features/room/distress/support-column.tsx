import { isObserver } from '../media';
import { useRoomCall } from '../session';
import { useConversations, useDistress } from './distress-context';
import { ObserverPanel } from './observer-panel';
import { PrivateSupport } from './private-support';

/**
 * The side column of private support, before the call in reading order so a facilitator reaches a
 * request first; the hidden supervisor's read-only view instead for them.
 */
export function SupportColumn() {
  const { self, support } = useRoomCall();
  const distress = useDistress();
  const conversations = useConversations();
  return isObserver(self.role)
    ? <ObserverPanel self={self} alerts={distress.state.alerts} conversations={conversations} />
    : <PrivateSupport self={self} distress={distress} conversations={conversations} support={support} />;
}
