import { useRoomMedia } from '../media';
import { VideoGrid } from '../media';
import { ReactionBadge } from '../reactions';
import { useRoomCall } from '../session';
import { useAside } from './aside-context';
import { AsidePanel } from './aside-panel';

/** The call's stage: the group's tiles, or, while this person is in a pull-aside, the private panel instead. */
export function Stage() {
  const { self, others } = useRoomCall();
  const { local, snapshot } = useRoomMedia();
  const aside = useAside();
  const mine = aside.state.mine;
  if (mine) {
    return (
      <AsidePanel aside={mine} self={self} partner={others.find((p) => p.id === mine.with.id)} local={local}
        remote={snapshot.aside ?? null} returning={aside.pending === 'end'} onReturn={() => void aside.end()} />
    );
  }
  return <VideoGrid self={self} others={others} local={local} remotes={snapshot.remotes} away={aside.state.away}
    reactionFor={(participantId) => <ReactionBadge participantId={participantId} />} />;
}
