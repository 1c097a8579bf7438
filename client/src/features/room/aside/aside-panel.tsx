import { useEffect, useId, useRef } from 'react';
import type { Participant } from '@hearth/shared';
import type { RemoteMedia } from '../../../media';
import { Button } from '../../../components/ui/button';
import type { AsideStarted } from './aside-state';
import { audioAllowed } from '../session';
import type { MediaFlags } from '../session';
import { VideoTile } from '../media';

export interface AsidePanelProps {
  aside: AsideStarted;
  self: Participant;
  /** The other person as the room knows them (their microphone and camera state). */
  partner: Participant | undefined;
  local: MediaFlags & { stream: MediaStream | null; speaking: boolean };
  /** The private connection to them; null until the media layer has it. */
  remote: RemoteMedia | null;
  returning: boolean;
  onReturn: () => void;
}

/**
 * What the two people in a pull-aside see instead of the group: each other, a plain statement that
 * the group can't hear them, and the way back. It takes focus when it opens, so keyboard and screen
 * reader users land in it; the change is also announced in the room's status line.
 */
export function AsidePanel({ aside, self, partner, local, remote, returning, onReturn }: AsidePanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [aside.asideId]);
  const other: Participant = partner ?? {
    id: aside.with.id, displayName: aside.with.displayName, role: aside.with.role, organisation: null,
    audio: true, video: true, mutedBy: null, joinedAt: aside.startedAt,
  };
  return (
    <section className="stage aside-panel" aria-labelledby={headingId}>
      <div className="aside-panel__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="aside-panel__title">
          Private conversation with {aside.with.displayName}
        </h2>
        <p className="aside-panel__note">The group can't hear you, and you can't hear the group.</p>
      </div>
      <div className="tiles tiles--2">
        <VideoTile participant={self} isSelf stream={local.stream} audioOn={local.audio} videoOn={local.video} speaking={local.speaking} />
        <VideoTile participant={other} isSelf={false} stream={remote?.stream ?? null} audioOn={other.audio} videoOn={other.video}
          speaking={remote?.speaking ?? false} audioAllowed={audioAllowed(other)} connection={remote?.connection}
          hasVideo={remote?.hasVideo ?? false} />
      </div>
      <Button variant="primary" className="aside-panel__return" aria-disabled={returning || undefined}
        onClick={() => { if (!returning) onReturn(); }}>
        Return to the group
      </Button>
    </section>
  );
}
