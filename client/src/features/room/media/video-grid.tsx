import type { ReactNode } from 'react';
import type { Participant } from '@hearth/shared';
import type { MediaSnapshot } from '../../../media';
import { isObserver, tileParticipants } from './observer';
import { audioAllowed } from '../session';
import type { MediaFlags } from '../session';
import { VideoTile } from './video-tile';

export interface VideoGridProps {
  self: Participant;
  others: Participant[];
  local: MediaFlags & { stream: MediaStream | null; speaking: boolean };
  remotes: MediaSnapshot['remotes'];
  /** Who is away for a moment (in a pull-aside); their tiles say so and nothing more. */
  away?: ReadonlySet<string>;
  /** [RX2] What to show beside a person for a moment (their reaction), if anything. */
  reactionFor?: (participantId: string) => ReactNode;
}

/** Everyone's tile, self first; the grid reflows from one column at 320px to several on wide screens. */
export function VideoGrid({ self, others, local, remotes, away, reactionFor }: VideoGridProps) {
  // [SV3] The supervisor sends nothing, so has no tile: not their own, and not on staff's screens.
  const showSelf = !isObserver(self.role);
  const shown = tileParticipants(others);
  return (
    <section className="stage" aria-label="Video">
      <div className={`tiles tiles--${Math.max(1, Math.min(shown.length + (showSelf ? 1 : 0), 4))}`}>
        {showSelf ? (
          <VideoTile participant={self} isSelf stream={local.stream} audioOn={local.audio} videoOn={local.video}
            speaking={local.speaking} reaction={reactionFor?.(self.id)} />
        ) : null}
        {shown.map((participant) => {
          const remote = remotes.get(participant.id);
          return (
            <VideoTile key={participant.id} participant={participant} isSelf={false} stream={remote?.stream ?? null}
              audioOn={participant.audio} videoOn={participant.video} speaking={remote?.speaking ?? false}
              audioAllowed={audioAllowed(participant)} connection={remote?.connection} hasVideo={remote?.hasVideo ?? false}
              away={away?.has(participant.id) ?? false} reaction={reactionFor?.(participant.id)} />
          );
        })}
      </div>
    </section>
  );
}
