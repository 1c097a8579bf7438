import type { IceServer } from '@hearth/shared';
import type { RemoteMedia } from '../media-connection.js';
import { packetsByTrack, sameSet, stalledTracks } from './media-flow.js';
import { SendSlots } from './send-slots.js';
import type { Kind } from './send-slots.js';
import type { IncomingSignal, SignalPayload } from './signalling-client.js';

/**
 * One RTCPeerConnection to one remote participant, negotiated with the W3C "perfect negotiation"
 * pattern: either side may offer at any time; on a collision the polite side (the one whose id sorts
 * first) rolls back its own offer and answers, the impolite side ignores the other's offer.
 *
 * To make collisions rare in the first place, the impolite side offers at once and the polite side
 * first waits POLITE_OFFER_DELAY_MS for that offer (see send-slots.ts for why glare hurts).
 */

export type { Kind } from './send-slots.js';

export interface PeerHandlers {
  send(payload: SignalPayload): void;
  /** Received tracks, their mute state or the connection state changed. */
  onChange(): void;
  /** The remote side started a new RTCPeerConnection (e.g. reloaded): this one can't follow it. */
  onRemoteRestart(offer: IncomingSignal): void;
  /** Negotiation finished but ICE never started (see STUCK_AFTER_MS): replace this peer. */
  onStuck(): void;
}

export interface PeerOptions {
  participantId: string;
  polite: boolean;
  iceServers: readonly IceServer[];
  tracks: Record<Kind, MediaStreamTrack | null>;
  audioAllowed: boolean;
  /** The peer is opened to answer an offer already in hand: it should not offer first itself. */
  answering: boolean;
}

/** ICE restarts to try after a failure before reporting the peer as failed for good. */
const MAX_ICE_RESTARTS = 2;
/**
 * How long the polite side waits for the other side's first offer before offering itself. The other
 * side offers as soon as it knows about us (the server holds the offer until our socket is open), so
 * this only runs out when it does not know about us yet, or reloaded and kept no peer for us.
 */
const POLITE_OFFER_DELAY_MS = 1_500;
/**
 * After negotiation, ICE leaves 'new' within milliseconds (host candidates need no network). Still
 * 'new' after this long means the connection is wedged (seen after an ill-timed rollback in
 * Chromium); a fresh RTCPeerConnection is the only reliable cure.
 */
const STUCK_AFTER_MS = 4_000;

export class MeshPeer {
  readonly participantId: string;
  /** Remote tracks as they arrive; one stream for the life of the peer so media elements keep it. */
  readonly stream = new MediaStream();
  private readonly pc: RTCPeerConnection;
  private readonly polite: boolean;
  private readonly slots: SendSlots;
  private politeOfferTimer: ReturnType<typeof setTimeout> | undefined;
  private stuckTimer: ReturnType<typeof setTimeout> | undefined;
  private makingOffer = false;
  private ignoreOffer = false;
  private isSettingRemoteAnswerPending = false;
  /** Between reading a remote offer and sending our answer. */
  private applyingOffer = false;
  /** Incoming signals are applied one at a time, in arrival order (see receive()). */
  private incoming: Promise<void> = Promise.resolve();
  private remoteFingerprint: string | null = null;
  private audioAllowed: boolean;
  private iceRestarts = 0;
  private closed = false;
  /** Received packets per track at the last sample, and the tracks that got none since the one before. */
  private packets = new Map<string, number>();
  private stalled: ReadonlySet<string> = new Set();

  constructor(options: PeerOptions, private readonly handlers: PeerHandlers) {
    this.participantId = options.participantId;
    this.polite = options.polite;
    this.audioAllowed = options.audioAllowed;
    this.pc = new RTCPeerConnection({ iceServers: options.iceServers.map((s) => ({ ...s })) });
    const pc = this.pc;
    this.slots = new SendSlots(pc, { ...options.tracks });
    if (!this.polite && !options.answering) this.slots.addOwn();
    else this.politeOfferTimer = setTimeout(() => this.offerIfNobodyDid(), POLITE_OFFER_DELAY_MS);

    pc.onnegotiationneeded = async () => {
      // Chromium can fire this just after a rollback, while the colliding remote offer is still
      // queued; offering then means a second rollback in a few ms, which we saw leave ICE gathering
      // dead for good. The event fires again once we are back in 'stable' if still needed.
      if (pc.signalingState !== 'stable' || this.applyingOffer) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.sendLocalDescription();
      } catch (error) {
        console.warn('[media] could not make an offer', this.participantId, error);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate: c }) => {
      // A null candidate only means "gathering finished"; the remote needs nothing for it.
      if (!c) return;
      this.handlers.send({
        candidate: { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment },
      });
    };
    pc.ontrack = ({ track }) => this.addRemoteTrack(track);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') this.iceRestarts = 0;
      this.handlers.onChange();
    };
    pc.onsignalingstatechange = () => {
      if (pc.signalingState !== 'stable' || !pc.remoteDescription || this.stuckTimer !== undefined) return;
      this.stuckTimer = setTimeout(() => {
        if (!this.closed && pc.connectionState === 'new') this.handlers.onStuck();
      }, STUCK_AFTER_MS);
    };
    pc.oniceconnectionstatechange = () => {
      // A network change can break the chosen path; new candidates often find another one. The
      // impolite side restarts; the polite side only if that restart did not come (no glare).
      if (pc.iceConnectionState !== 'failed' || this.iceRestarts >= MAX_ICE_RESTARTS) return;
      const restart = () => {
        if (this.closed || pc.iceConnectionState !== 'failed' || pc.signalingState !== 'stable') return;
        this.iceRestarts++;
        pc.restartIce();
      };
      if (this.polite) setTimeout(restart, POLITE_OFFER_DELAY_MS);
      else restart();
    };
  }

  get connection(): RemoteMedia['connection'] {
    switch (this.pc.connectionState) {
      case 'connected':
        return 'connected';
      case 'failed':
      case 'closed':
        return 'failed';
      default:
        // 'disconnected' is usually transient (ICE recovers by itself), so it counts as connecting.
        return 'connecting';
    }
  }

  get hasAudio(): boolean {
    return this.stream.getAudioTracks().some((track) => this.isFlowing(track));
  }

  get hasVideo(): boolean {
    return this.stream.getVideoTracks().some((track) => this.isFlowing(track));
  }

  /** Reads the packet counters (see media-flow.ts); reports a change when a track stops or resumes. */
  async sampleFlow(): Promise<void> {
    if (this.closed || this.stream.getTracks().length === 0) return;
    const packets = packetsByTrack(await this.pc.getStats());
    if (this.closed) return;
    const stalled = stalledTracks(this.packets, packets);
    this.packets = packets;
    if (sameSet(stalled, this.stalled)) return;
    this.stalled = stalled;
    this.handlers.onChange();
  }

  /** The received audio track, for level metering. */
  get audioTrack(): MediaStreamTrack | null {
    return this.stream.getAudioTracks()[0] ?? null;
  }

  /**
   * Queues a signal. Applying them strictly in order matters: an ICE candidate must not reach
   * addIceCandidate between a rollback and the setRemoteDescription of the offer it belongs to.
   */
  receive(message: IncomingSignal): void {
    if (this.closed) return;
    const { description } = message;
    const fingerprint = description?.type === 'offer' && description.sdp ? fingerprintOf(description.sdp) : null;
    if (fingerprint && this.remoteFingerprint && fingerprint !== this.remoteFingerprint) {
      // A new DTLS certificate means a new remote RTCPeerConnection (the other side reloaded or
      // rejoined): our m-lines cannot match its offer. Decided here, synchronously, so that the
      // candidates following the offer already go to the peer that replaces this one.
      this.handlers.onRemoteRestart(message);
      return;
    }
    this.incoming = this.incoming
      .then(() => this.apply(message))
      .catch((error: unknown) => console.warn('[media] could not apply a signal from', this.participantId, error));
  }

  async replaceTrack(kind: Kind, track: MediaStreamTrack | null): Promise<void> {
    if (this.closed) return;
    await this.slots.replaceTrack(kind, track);
  }

  /** While false, received audio is disabled here: this client plays (and meters) silence. */
  setAudioAllowed(allowed: boolean): void {
    this.audioAllowed = allowed;
    for (const track of this.stream.getAudioTracks()) track.enabled = allowed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.politeOfferTimer);
    clearTimeout(this.stuckTimer);
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = null;
    this.pc.onconnectionstatechange = this.pc.oniceconnectionstatechange = this.pc.onsignalingstatechange = null;
    this.pc.close();
  }

  private async apply({ description, candidate }: IncomingSignal): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if (description) {
      // Only offers and answers take part in negotiation; a remote has no reason to send others.
      if (description.type !== 'offer' && description.type !== 'answer') return;
      const fingerprint = description.sdp ? fingerprintOf(description.sdp) : null;
      // Ready for an offer unless we are making one or are mid-way through our own exchange. The
      // answer check is defensive: with serialised signals an answer is applied before we read on.
      const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.isSettingRemoteAnswerPending);
      const offerCollision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.polite && offerCollision;
      if (this.ignoreOffer) return;

      this.applyingOffer = description.type === 'offer';
      try {
        if (offerCollision) await pc.setLocalDescription({ type: 'rollback' });
        this.isSettingRemoteAnswerPending = description.type === 'answer';
        try {
          await pc.setRemoteDescription(description);
        } finally {
          this.isSettingRemoteAnswerPending = false;
        }
        if (fingerprint) this.remoteFingerprint = fingerprint;
        if (description.type === 'offer') {
          // Answer on the offered transceivers rather than adding ours (see send-slots.ts); a kind
          // the offer lacks gets our own transceiver, negotiated once this exchange is done.
          await this.slots.adoptOffered();
          clearTimeout(this.politeOfferTimer);
          if (!this.slots.complete) this.slots.addOwn();
          await pc.setLocalDescription();
          this.sendLocalDescription();
        }
      } finally {
        this.applyingOffer = false;
      }
    } else if (candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        // Candidates for an offer we ignored cannot be applied; that is expected, not an error.
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  /** The polite side's fallback when no offer came: offer our own slots (see POLITE_OFFER_DELAY_MS). */
  private offerIfNobodyDid(): void {
    if (this.closed || this.slots.complete || this.applyingOffer) return;
    this.slots.addOwn();
  }

  private sendLocalDescription(): void {
    const description = this.pc.localDescription;
    if (!description || this.closed) return;
    this.handlers.send({ description: { type: description.type, sdp: description.sdp } });
  }

  private isFlowing(track: MediaStreamTrack): boolean {
    return track.readyState === 'live' && !track.muted && !this.stalled.has(track.id);
  }

  private addRemoteTrack(track: MediaStreamTrack): void {
    if (this.stream.getTrackById(track.id)) return;
    if (track.kind === 'audio') track.enabled = this.audioAllowed;
    this.stream.addTrack(track);
    // A remote track is muted until its first packet; later stops are caught by sampleFlow().
    const changed = () => this.handlers.onChange();
    track.addEventListener('mute', changed);
    track.addEventListener('unmute', changed);
    track.addEventListener('ended', changed);
    this.handlers.onChange();
  }
}

/** The first DTLS fingerprint in the SDP (all m-lines share one): one per RTCPeerConnection. */
export function fingerprintOf(sdp: string): string | null {
  const match = /^a=fingerprint:(.+)$/m.exec(sdp);
  return match?.[1]?.trim() ?? null;
}
