import type { Participant } from '@hearth/shared';
import type { MediaSnapshot } from '../../../media';
import { audioAllowed } from '../model/room-state';
import type { MediaFlags } from '../hooks/use-room-socket';
import { VideoTile } from './video-tile';

export interface VideoGridProps {
  self: Participant;
  others: Participant[];
  local: MediaFlags & { stream: MediaStream | null; speaking: boolean };
  remotes: MediaSnapshot['remotes'];
}

/** Everyone's tile, self first; the grid reflows from one column at 320px to several on wide screens. */
export function VideoGrid({ self, others, local, remotes }: VideoGridProps) {
  return (
    <section className="stage" aria-label="Video">
      <div className={`tiles tiles--${Math.min(others.length + 1, 4)}`}>
        <VideoTile participant={self} isSelf stream={local.stream} audioOn={local.audio} videoOn={local.video}
          speaking={local.speaking} />
        {others.map((participant) => {
          const remote = remotes.get(participant.id);
          return (
            <VideoTile key={participant.id} participant={participant} isSelf={false} stream={remote?.stream ?? null}
              audioOn={participant.audio} videoOn={participant.video} speaking={remote?.speaking ?? false}
              audioAllowed={audioAllowed(participant)} connection={remote?.connection} hasVideo={remote?.hasVideo ?? false} />
          );
        })}
      </div>
    </section>
  );
}
