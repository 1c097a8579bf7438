/**
 * The audio and video "slots" (transceivers) this client sends on, one per kind, for one peer.
 *
 * Every slot is negotiated sendrecv up front, with or without a track, so that turning a device on
 * or off later is `replaceTrack` on an existing slot and never needs renegotiation.
 *
 * Slots come from one of two places. The side that offers first adds its own transceivers. The side
 * that answers first takes over the transceivers the offer created (turning them sendrecv) instead
 * of adding its own: two m-lines per pair instead of four, and, more importantly, no second offer
 * racing the first. (Both sides offering at once is "glare"; Chromium 156 sometimes never gathers
 * ICE candidates again after the polite side rolls back an offer whose gathering had just started.)
 */
export type Kind = 'audio' | 'video';
export const KINDS: readonly Kind[] = ['audio', 'video'];

export class SendSlots {
  private readonly senders: Partial<Record<Kind, RTCRtpSender>> = {};

  constructor(
    private readonly pc: RTCPeerConnection,
    /** What each slot should send now; kept even before the slot exists. */
    private readonly tracks: Record<Kind, MediaStreamTrack | null>,
  ) {}

  get complete(): boolean {
    return KINDS.every((kind) => this.senders[kind] !== undefined);
  }

  /** Adds a transceiver for every kind without a slot yet (this fires negotiationneeded). */
  addOwn(): void {
    for (const kind of KINDS) {
      if (this.senders[kind]) continue;
      this.senders[kind] = this.pc.addTransceiver(this.tracks[kind] ?? kind, { direction: 'sendrecv' }).sender;
    }
  }

  /**
   * After setRemoteDescription(offer), before answering: takes over the transceivers the offer just
   * created for kinds that have no slot yet. Returns when their tracks are attached.
   */
  async adoptOffered(): Promise<void> {
    const attaching: Promise<void>[] = [];
    for (const kind of KINDS) {
      if (this.senders[kind]) continue;
      // Created by this offer: receive-only so far and never negotiated.
      const transceiver = this.pc
        .getTransceivers()
        .find((t) => t.receiver.track.kind === kind && t.direction === 'recvonly' && t.currentDirection === null && t.mid !== null);
      if (!transceiver) continue;
      transceiver.direction = 'sendrecv';
      this.senders[kind] = transceiver.sender;
      attaching.push(transceiver.sender.replaceTrack(this.tracks[kind]));
    }
    await Promise.all(attaching);
  }

  async replaceTrack(kind: Kind, track: MediaStreamTrack | null): Promise<void> {
    this.tracks[kind] = track;
    await this.senders[kind]?.replaceTrack(track);
  }
}
