/**
 * Peer-to-peer mesh implementation of MediaConnection: one RTCPeerConnection per other participant,
 * signalled over the `/api/signal` WebSocket.
 *
 * Owns: the signalling socket, one MeshPeer per remote, this client's microphone and camera tracks
 * after connect(), and one AudioContext for speaking detection.
 * Invariants:
 * - Peers exist only for ids named by the last setParticipants(), plus, briefly, ids whose offer
 *   arrived before the room told us about them (closed after UNCONFIRMED_PEER_GRACE_MS if never named).
 * - Every peer sends exactly the local tracks that are on; a device that is off sends nothing.
 * - During a pull-aside (startAside) the group's peers send nothing and play no audio; only the aside
 *   peer sends, and it sends exactly the local tracks that are on. Local device state is never changed
 *   by an aside, so returning to the group cannot turn a microphone or camera on.
 * - In each pair the impolite side offers first and the polite side answers on the offered
 *   transceivers, so both sides offering at once (glare) is the exception (mesh-peer.ts).
 * - When signalling stops on its own, status becomes 'closed' with a closeReason, but peers already
 *   connected keep their media until close(): the UI rejoins without cutting anyone off.
 * - The snapshot is replaced, never mutated, and replaced only when something visible changed.
 * - After close() nothing is captured, sent or received, and no callback publishes again.
 */
import type { MeshMediaAccess } from '@hearth/shared';
import type { MediaCloseReason, MediaConnection, MediaSnapshot } from '../media-connection.js';
import { SpeakingMonitor } from '../speaking/speaking-monitor.js';
import { AsideBacklog, AsideLink } from './aside-link.js';
import { LocalMedia } from './local-media.js';
import { FLOW_SAMPLE_INTERVAL_MS } from './media-flow.js';
import { MeshPeer } from './mesh-peer.js';
import { KINDS, type Kind } from './send-slots.js';
import { SignallingClient, SignallingRefused, signallingUrl } from './signalling-client.js';
import type { IncomingSignal } from './signalling-client.js';
import { SnapshotStore } from './snapshot.js';

/** How long a peer opened by an unexpected offer waits to be named by setParticipants(). */
const UNCONFIRMED_PEER_GRACE_MS = 15_000;
const MAX_STUCK_REPLACEMENTS = 3;
/** The speaking monitor's key for the aside peer (participant ids are the group's peers). */
const ASIDE_KEY = 'aside';

export function createMeshConnection(access: MeshMediaAccess, selfId: string): MediaConnection {
  return new MeshConnection(access, selfId);
}

class MeshConnection implements MediaConnection {
  readonly mode = 'mesh' as const;
  private readonly store = new SnapshotStore();
  private status: MediaSnapshot['status'] = 'idle';
  private closeReason: MediaCloseReason | undefined;
  private signalling: SignallingClient | null = null;
  private local: LocalMedia | null = null;
  private readonly peers = new Map<string, MeshPeer>();
  /** Ids named by the last setParticipants() (without our own). */
  private listed = new Set<string>();
  private readonly graceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly audioDisallowed = new Set<string>();
  private readonly stuckReplacements = new Map<string, number>();
  private readonly speaking = new SpeakingMonitor(() => this.publish());
  /** Device changes run one after another, so a fast on/off/on ends in the last state asked for. */
  private deviceChanges: Promise<void> = Promise.resolve();
  /** close() was called (status may also be 'closed' because signalling stopped on its own). */
  private disposed = false;
  private flowTimer: ReturnType<typeof setInterval> | null = null;
  /** Who the pull-aside is with (from startAside until endAside), and its peer once signalling is up. */
  private asideWith: string | null = null;
  private aside: AsideLink | null = null;
  private readonly asideBacklog = new AsideBacklog();

  constructor(
    private readonly access: MeshMediaAccess,
    private readonly selfId: string,
  ) {}

  async connect(localStream: MediaStream, initial: { audio: boolean; video: boolean }): Promise<void> {
    if (this.status !== 'idle') throw new Error('connect() may be called once per connection');
    this.local = new LocalMedia(localStream, initial);
    this.speaking.watch(this.selfId, this.local.microphone);
    this.status = 'connecting';
    this.publish();

    let signalling: SignallingClient;
    try {
      signalling = await SignallingClient.open(signallingUrl(this.access.signallingTicket), {
        onSignal: (message) => this.onSignal(message),
        onClose: (reason) => this.stopSignalling(reason),
      });
    } catch (error) {
      if (this.disposed) return; // close() was called while we waited
      this.stopSignalling(error instanceof SignallingRefused ? error.reason : 'signalling_lost');
      throw error;
    }
    if (this.disposed) return signalling.close();
    this.signalling = signalling;
    this.status = 'connected';
    this.flowTimer = setInterval(() => {
      for (const peer of this.peers.values()) void peer.sampleFlow().catch(() => undefined);
      void this.aside?.sampleFlow().catch(() => undefined);
    }, FLOW_SAMPLE_INTERVAL_MS);
    for (const id of this.listed) this.openPeer(id);
    this.openAside();
    this.publish();
  }

  setParticipants(participantIds: readonly string[]): void {
    this.listed = new Set(participantIds.filter((id) => id !== this.selfId));
    for (const id of [...this.peers.keys()]) {
      // A peer opened by an early offer and still unnamed keeps its grace period: the room event
      // naming it may simply not have arrived yet.
      if (!this.listed.has(id) && !this.graceTimers.has(id)) this.closePeer(id);
    }
    for (const id of this.listed) {
      this.clearGrace(id);
      if (this.signalling && !this.peers.has(id)) this.openPeer(id);
    }
    this.publish();
  }

  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    await this.changeDevice('audio', enabled);
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    await this.changeDevice('video', enabled);
  }

  setRemoteAudioAllowed(participantId: string, allowed: boolean): void {
    if (allowed) this.audioDisallowed.delete(participantId);
    else this.audioDisallowed.add(participantId);
    this.peers.get(participantId)?.setAudioAllowed(this.groupAudioAllowed(participantId));
  }

  startAside(participantId: string): void {
    if (this.disposed || participantId === this.selfId || this.asideWith === participantId) return;
    if (this.asideWith !== null) this.endAside();
    this.asideWith = participantId;
    this.openAside();
    for (const [id, peer] of this.peers) peer.setAudioAllowed(this.groupAudioAllowed(id));
    void this.route().catch((error: unknown) => console.warn('[media] could not leave the group for the aside', error));
    this.publish();
  }

  /** The mesh has no session key: DTLS-SRTP keys are per pair of browsers. */
  setMediaKey(): void {}

  endAside(): void {
    if (this.asideWith === null) return;
    this.asideWith = null;
    this.asideBacklog.clear();
    this.speaking.unwatch(ASIDE_KEY);
    this.aside?.close();
    this.aside = null;
    if (this.disposed) return;
    for (const [id, peer] of this.peers) peer.setAudioAllowed(this.groupAudioAllowed(id));
    void this.route().catch((error: unknown) => console.warn('[media] could not return to the group', error));
    this.publish();
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  getSnapshot(): MediaSnapshot {
    return this.store.get();
  }

  close(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.status = 'closed';
    this.signalling?.close();
    this.signalling = null;
    for (const id of [...this.peers.keys()]) this.closePeer(id);
    this.aside?.close();
    this.aside = null;
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    if (this.flowTimer !== null) clearInterval(this.flowTimer);
    this.local?.stop();
    this.local = null;
    this.speaking.close();
    this.publish();
    this.store.forgetListeners();
  }

  private changeDevice(kind: Kind, enabled: boolean): Promise<void> {
    const run = async () => {
      const local = this.local;
      if (!local) throw new Error('connect() first: the connection has no local media yet');
      if ((kind === 'audio' ? local.audioOn : local.videoOn) === enabled) return;
      // Detach before a device goes off, so nothing more is sent from it.
      if (!enabled) await this.sendToAll(kind, null);
      await (kind === 'audio' ? local.setMicrophone(enabled) : local.setCamera(enabled));
      if (this.local !== local) return; // closed meanwhile
      await this.sendTo(kind);
      if (kind === 'audio') this.speaking.watch(this.selfId, local.microphone);
      this.publish();
    };
    const result = this.deviceChanges.then(run);
    this.deviceChanges = result.catch(() => undefined);
    return result;
  }

  private async sendToAll(kind: Kind, track: MediaStreamTrack | null): Promise<void> {
    await Promise.all([...this.peers.values(), ...(this.aside ? [this.aside] : [])].map((peer) => peer.replaceTrack(kind, track)));
  }

  /** Sends `kind` where it belongs now: to the aside peer during an aside, else to the group. */
  private async sendTo(kind: Kind): Promise<void> {
    const track = this.local?.sending(kind) ?? null;
    const toGroup = this.asideWith === null ? track : null;
    await Promise.all([
      ...[...this.peers.values()].map((peer) => peer.replaceTrack(kind, toGroup)),
      this.aside?.replaceTrack(kind, track),
    ]);
  }

  /** Re-routes every device after joining or leaving an aside, in turn with device changes. */
  private route(): Promise<void> {
    const result = this.deviceChanges.then(async () => {
      for (const kind of KINDS) await this.sendTo(kind);
    });
    this.deviceChanges = result.catch(() => undefined);
    return result;
  }

  private groupAudioAllowed(id: string): boolean {
    return this.asideWith === null && !this.audioDisallowed.has(id);
  }

  /** Opens the aside's peer once both the aside and signalling exist, with what arrived early. */
  private openAside(): void {
    const partner = this.asideWith;
    if (partner === null || this.aside || !this.signalling) return;
    const link: AsideLink = new AsideLink(
      {
        selfId: this.selfId,
        participantId: partner,
        iceServers: this.access.iceServers,
        tracks: () => ({ audio: this.local?.sending('audio') ?? null, video: this.local?.sending('video') ?? null }),
        send: (payload) => this.signalling?.send(partner, payload, 'aside'),
        onChange: () => {
          if (this.aside !== link) return;
          this.speaking.watch(ASIDE_KEY, link.audioTrack);
          this.publish();
        },
      },
      this.asideBacklog.take(partner),
    );
    this.aside = link;
  }

  private onSignal(message: IncomingSignal): void {
    if (message.channel === 'aside') {
      if (this.aside && message.from === this.aside.participantId) this.aside.receive(message);
      else this.asideBacklog.hold(message);
      return;
    }
    const peer = this.peers.get(message.from);
    if (peer) return peer.receive(message);
    // Someone we have not heard of offers: they joined and the room event is still on its way.
    // Anything else from an unknown id (late candidates of a peer we closed) is stale.
    if (message.description?.type !== 'offer' || message.from === this.selfId) return;
    this.openPeer(message.from, true).receive(message);
    if (!this.listed.has(message.from)) this.startGrace(message.from);
    this.publish();
  }

  private openPeer(id: string, answering = false): MeshPeer {
    const peer = new MeshPeer(
      {
        participantId: id,
        // Perfect negotiation needs exactly one polite side per pair; both sides compute the same.
        polite: this.selfId < id,
        iceServers: this.access.iceServers,
        // Someone who joins during our aside gets nothing from us until we return.
        tracks: this.asideWith !== null ? { audio: null, video: null } : { audio: this.local?.sending('audio') ?? null, video: this.local?.sending('video') ?? null },
        audioAllowed: this.groupAudioAllowed(id),
        answering,
      },
      {
        send: (payload) => this.signalling?.send(id, payload),
        onChange: () => {
          if (this.peers.get(id) !== peer) return;
          this.speaking.watch(id, peer.audioTrack);
          this.publish();
        },
        onRemoteRestart: (offer) => {
          if (this.peers.get(id) !== peer) return;
          this.replacePeer(id, true).receive(offer);
        },
        onStuck: () => {
          if (this.peers.get(id) !== peer) return;
          // Bounded: a peer that keeps wedging is left as it is rather than replaced forever.
          const count = (this.stuckReplacements.get(id) ?? 0) + 1;
          this.stuckReplacements.set(id, count);
          if (count <= MAX_STUCK_REPLACEMENTS) this.replacePeer(id);
        },
      },
    );
    this.peers.set(id, peer);
    return peer;
  }

  /** A fresh peer for `id`; the remote notices our new certificate and starts over too. */
  private replacePeer(id: string, answering = false): MeshPeer {
    const wasGrace = this.graceTimers.has(id);
    this.closePeer(id);
    const peer = this.openPeer(id, answering);
    if (wasGrace) this.startGrace(id);
    this.publish();
    return peer;
  }

  private closePeer(id: string): void {
    this.clearGrace(id);
    this.speaking.unwatch(id);
    this.peers.get(id)?.close();
    this.peers.delete(id);
  }

  private startGrace(id: string): void {
    this.clearGrace(id);
    this.graceTimers.set(
      id,
      setTimeout(() => {
        this.graceTimers.delete(id);
        if (!this.listed.has(id)) {
          this.closePeer(id);
          this.publish();
        }
      }, UNCONFIRMED_PEER_GRACE_MS),
    );
  }

  private clearGrace(id: string): void {
    const timer = this.graceTimers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.graceTimers.delete(id);
  }

  /** Signalling is gone for good (refused or dropped); peers already connected keep their media. */
  private stopSignalling(reason: MediaCloseReason): void {
    this.signalling = null;
    this.status = 'closed';
    this.closeReason = reason;
    this.publish();
  }

  private publish(): void {
    const local = this.local;
    this.store.update({
      status: this.status,
      closeReason: this.closeReason,
      local: {
        stream: local?.stream ?? null,
        audio: local?.audioOn ?? false,
        video: local?.videoOn ?? false,
        speaking: (local?.audioOn ?? false) && this.speaking.isSpeaking(this.selfId),
      },
      remotes: [...this.peers.values()].map((peer) => ({
        participantId: peer.participantId,
        stream: peer.stream,
        hasVideo: peer.hasVideo,
        hasAudio: peer.hasAudio,
        speaking: this.speaking.isSpeaking(peer.participantId),
        connection: peer.connection,
      })),
      aside: this.aside?.remote(this.speaking.isSpeaking(ASIDE_KEY)) ?? null,
    });
  }
}
