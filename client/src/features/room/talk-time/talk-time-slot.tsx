import { isFacilitatorRole } from '@hearth/shared';
import { useRoomCall } from '../session';
import { OwnShareMeter } from './own-share-meter';
import { useTalkTime } from './talk-time-context';
import { TalkTimeControl } from './talk-time-panel';

/** Talk time in the call: the facilitators' panel (T), or a member's own meter when the group allows it. */
export function TalkTime() {
  const { self } = useRoomCall();
  const talkTime = useTalkTime();
  return isFacilitatorRole(self.role) ? <TalkTimeControl talkTime={talkTime} /> : <OwnShareMeter own={talkTime.state.own} />;
}
