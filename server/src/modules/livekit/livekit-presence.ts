import type { FastifyBaseLogger } from 'fastify';
import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Services } from '../../services.js';
import { livekitRepository } from './livekit.repository.js';

/**
 * [LR12] Keeps the SFU's room to the people Hearth holds present. Hearth's presence follows its own
 * socket; a LiveKit connection can outlive it (a killed browser is listed by LiveKit until its own
 * timeout; a client that left Hearth's room, or whose session ended, but kept its LiveKit connection
 * would go on receiving the group). So:
 * - when someone's place in a Hearth room ends (left, disconnected, removed, session ended), and they
 *   are still not back after a short grace (a reload comes straight back), they are removed from the SFU;
 * - `reconcile(room)` asks LiveKit who is there (listParticipants) and removes at once anyone removed or
 *   banned, and after the same grace anyone Hearth does not hold present (after a LiveKit restart, or a
 *   participant_joined for someone not in the room).
 * Removing someone already gone is success (the gateway treats not_found so).
 */
export const ABSENCE_GRACE_MS = 3_000;

export class LiveKitPresence {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repository;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly services: Services,
    private readonly client: RoomServiceClient,
    private readonly log: FastifyBaseLogger,
    private readonly graceMs = ABSENCE_GRACE_MS,
  ) {
    this.repository = livekitRepository(services.db);
    this.unsubscribe = services.rooms.onDeparture((room, identity) => this.removeIfStillAbsent(room, identity));
  }

  /** Asks LiveKit who is in the media room now and takes out whoever must not be there. */
  async reconcile(room: string): Promise<void> {
    const listed = (await this.client.listParticipants(room)).map((p) => p.identity);
    const refused = await this.repository.refusedAmong(room, listed);
    for (const identity of refused) await this.services.mediaGateway.remove(room, identity);
    for (const identity of listed) if (!refused.has(identity)) this.removeIfStillAbsent(room, identity);
  }

  /** After the grace, removes `identity` from the SFU room unless Hearth holds them present again. */
  removeIfStillAbsent(room: string, identity: string): void {
    if (this.services.rooms.get(room, identity)) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.services.rooms.get(room, identity)) return;
      this.services.mediaGateway.remove(room, identity).catch((err: unknown) => {
        // LiveKit unreachable: the next reconcile (a later webhook, or LiveKit's own timeout) catches up.
        this.log.warn({ err }, 'could not remove an absent participant from the media room');
      });
    }, this.graceMs);
    this.timers.add(timer);
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
