import { useRoomCall } from '../session';
import { useDistress } from './distress-context';
import { canAskForSupport } from './distress-state';
import { SupportRequestControl } from './support-request-control';

/** "I need support" in the header, for everyone who may ask (not the facilitator, not the supervisor). */
export function SupportRequestButton() {
  const { self, support } = useRoomCall();
  const distress = useDistress();
  if (!canAskForSupport(self.role)) return null;
  return (
    <SupportRequestControl member={distress.state.member} crisisResources={support.crisisResources} onTap={distress.tap}
      onClose={distress.closePanel} onDraftChange={distress.changeDraft} onSubmit={distress.submit} />
  );
}
