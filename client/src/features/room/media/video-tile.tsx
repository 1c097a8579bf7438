import type { ReactNode } from 'react';
import type { Participant } from '@hearth/shared';
import type { RemoteMedia } from '../../../media';
import { MicOffIcon } from '../../../components/ui/icons';
import { roleLabel } from '../../../lib/format';
import { useSteadyFlag } from './use-steady-flag';
import { StreamAudio, StreamVideo } from './media-elements';

export interface VideoTileProps {
  participant: Participant;
  isSelf: boolean;
  stream: MediaStream | null;
  /** Own tile: the local devices; others: what the server says they have on. */
  audioOn: boolean;
  videoOn: boolean;
  speaking: boolean;
  /** Remote tiles only: whether their audio may be played here. */
  audioAllowed?: boolean;
  connection?: RemoteMedia['connection'] | undefined;
  hasVideo?: boolean;
  /** In a pull-aside with someone else: neither seen nor heard by the group for now (no reason given). */
  away?: boolean;
  /** [RX2] A reaction shown beside the person for a few seconds (the reactions part renders it). */
  reaction?: ReactNode;
}

export function mutedText(participant: Participant, audioOn: boolean): string | null {
  if (participant.mutedBy) return `Muted by ${participant.mutedBy.displayName}`;
  return audioOn ? null : 'Muted';
}

function placeholderText(props: VideoTileProps): string | null {
  if (props.away) return 'Away for a moment';
  if (!props.videoOn) return 'Camera off';
  if (props.isSelf) return null;
  if (props.connection === 'failed') return "Can't reach their video";
  if (!props.hasVideo) return 'Connecting…';
  return null;
}

export function VideoTile(props: VideoTileProps) {
  const { participant, isSelf, stream, audioOn, audioAllowed } = props;
  const speaking = useSteadyFlag(props.speaking && audioOn);
  const name = isSelf ? `${participant.displayName} (you)` : participant.displayName;
  const placeholder = placeholderText(props);
  const muted = mutedText(participant, audioOn);
  const initial = participant.displayName.trim().charAt(0).toUpperCase();

  return (
    <figure role="group" aria-label={name} className={`tile${isSelf ? ' tile--self' : ''}${speaking ? ' tile--speaking' : ''}`}>
      <StreamVideo stream={stream} hidden={placeholder !== null} />
      {placeholder ? (
        <div className="tile__placeholder">
          <span className="tile__initial" aria-hidden="true">{initial}</span>
          <span className="tile__placeholder-text">{placeholder}</span>
        </div>
      ) : null}
      {props.reaction}
      {!isSelf ? <StreamAudio stream={stream} muted={!audioAllowed} /> : null}
      <figcaption className="tile__caption">
        <span className="tile__name">{name}</span>
        {participant.role !== 'member' ? <span className="badge badge--role">{roleLabel(participant.role)}</span> : null}
        {muted ? (
          <span className="tile__muted">
            <MicOffIcon />
            {muted}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
