import type { IceServer } from '@hearth/shared';
import type { RemoteMedia } from '../media-connection.js';
import { MeshPeer } from './mesh-peer.js';
import type { Kind } from './send-slots.js';
import type { IncomingSignal, SignalPayload } from './signalling-client.js';

/**
 * The private peer connection of a pull-aside: a second MeshPeer to the one other person, separate
 * from the group's peer to them, signalled on the `aside` channel (the server relays that channel
 * only between the two people of an active aside).
 *
 * The two hear `aside:started` over socket.io and the first aside offer over the signalling socket,
 * in no guaranteed order, so signals that arrive before startAside() wait in AsideBacklog.
 */

/** Aside signals held until startAside() names their sender; older ones are stale. */
const BACKLOG_TTL_MS = 15_000;
const MAX_BACKLOG = 200;
const MAX_REPLACEMENTS = 3;

export class AsideBacklog {
  private held: { at: number; message: IncomingSignal }[] = [];

  hold(message: IncomingSignal, now = Date.now()): void {
    this.held = this.held.filter((h) => now - h.at < BACKLOG_TTL_MS);
    if (this.held.length < MAX_BACKLOG) this.held.push({ at: now, message });
  }

  /** Everything held from `from`, in arrival order; the rest is dropped (it belongs to no aside). */
  take(from: string, now = Date.now()): IncomingSignal[] {
    const taken = this.held.filter((h) => h.message.from === from && now - h.at < BACKLOG_TTL_MS).map((h) => h.message);
    this.held = [];
    return taken;
  }

  clear(): void {
    this.held = [];
  }
}

export interface AsideLinkOptions {
  selfId: string;
  participantId: string;
  iceServers: readonly IceServer[];
  /** What to send to the other person now (this person's own devices, as they set them). */
  tracks(): Record<Kind, MediaStreamTrack | null>;
  send(payload: SignalPayload): void;
  onChange(): void;
}

export class AsideLink {
  readonly participantId: string;
  private peer: MeshPeer;
  private replacements = 0;
  private closed = false;

  constructor(
    private readonly options: AsideLinkOptions,
    backlog: readonly IncomingSignal[],
  ) {
    this.participantId = options.participantId;
    const offered = backlog.some((m) => m.description?.type === 'offer');
    this.peer = this.openPeer(offered);
    for (const message of backlog) this.receive(message);
  }

  receive(message: IncomingSignal): void {
    if (!this.closed) this.peer.receive(message);
  }

  replaceTrack(kind: Kind, track: MediaStreamTrack | null): Promise<void> {
    return this.peer.replaceTrack(kind, track);
  }

  sampleFlow(): Promise<void> {
    return this.peer.sampleFlow();
  }

  get audioTrack(): MediaStreamTrack | null {
    return this.peer.audioTrack;
  }

  remote(speaking: boolean): RemoteMedia {
    const { peer } = this;
    return { participantId: this.participantId, stream: peer.stream, hasAudio: peer.hasAudio, hasVideo: peer.hasVideo, speaking, connection: peer.connection };
  }

  close(): void {
    this.closed = true;
    this.peer.close();
  }

  private openPeer(answering: boolean): MeshPeer {
    const { selfId, participantId } = this.options;
    const peer: MeshPeer = new MeshPeer(
      {
        participantId,
        // The same rule as the group's peers: exactly one polite side per pair.
        polite: selfId < participantId,
        iceServers: this.options.iceServers,
        tracks: this.options.tracks(),
        audioAllowed: true,
        answering,
      },
      {
        send: (payload) => {
          if (this.peer === peer && !this.closed) this.options.send(payload);
        },
        onChange: () => {
          if (this.peer === peer) this.options.onChange();
        },
        onRemoteRestart: (offer) => {
          if (this.peer !== peer || this.closed) return;
          this.replace(true).receive(offer);
        },
        onStuck: () => {
          if (this.peer !== peer || this.closed || ++this.replacements > MAX_REPLACEMENTS) return;
          this.replace(false);
        },
      },
    );
    return peer;
  }

  private replace(answering: boolean): MeshPeer {
    this.peer.close();
    this.peer = this.openPeer(answering);
    this.options.onChange();
    return this.peer;
  }
}
