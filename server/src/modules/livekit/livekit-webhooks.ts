import type { FastifyBaseLogger } from 'fastify';
import type { WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import type { Services } from '../../services.js';
import type { LiveKitPresence } from './livekit-presence.js';
import { livekitRepository } from './livekit.repository.js';
import { parseAsideRoom } from './livekit-tokens.js';
import { RecentIds } from './recent-ids.js';

/**
 * What Hearth does with LiveKit's webhooks. LiveKit promises no delivery and no order, so events are
 * treated as hints and the SFU's own list as the truth:
 * - [LW1] only events signed with our key and secret over the exact body are acted on;
 * - [LW2] an event id is processed once (redeliveries are acknowledged and ignored);
 * - [LW3] a removed or banned identity seen joining is removed again at once;
 * - [LW4] a `participant_left` for someone Hearth thinks present is checked against listParticipants
 *   (a late "left" must not undo a later "joined"), and anyone refused found there is removed;
 * - [LR12] a `participant_joined` for someone Hearth does not hold present, and a `room_started` (the
 *   first connection to a room, again after a LiveKit restart), go through the same reconciliation:
 *   whoever is not in Hearth's room is removed from the SFU after a short grace (livekit-presence.ts);
 * - [LR16] a pull-aside's room (`<session>.aside.<aside>`) holds only the two people of that live aside:
 *   anyone else seen joining it is removed at once (its room has no Hearth presence to reconcile with).
 */
export type WebhookOutcome = { kind: 'processed'; event: string } | { kind: 'duplicate' } | { kind: 'refused'; reason: string };

export class LiveKitWebhooks {
  private readonly seen = new RecentIds();
  private readonly repository;

  constructor(
    private readonly services: Pick<Services, 'asides' | 'db' | 'mediaGateway' | 'now' | 'rooms'>,
    private readonly receiver: WebhookReceiver,
    private readonly presence: LiveKitPresence,
    private readonly log: FastifyBaseLogger,
  ) {
    this.repository = livekitRepository(services.db);
  }

  async receive(body: string, authorization: string | undefined): Promise<WebhookOutcome> {
    let event: WebhookEvent;
    try {
      event = await this.receiver.receive(body, authorization);
    } catch (err) {
      return { kind: 'refused', reason: err instanceof Error ? err.message : 'not verified' };
    }
    const id = event.id;
    if (id && !this.seen.firstTime(id, this.services.now())) return { kind: 'duplicate' };
    try {
      await this.act(event);
    } catch (err) {
      // Let LiveKit's redelivery (if any) try again rather than remembering a half-handled event.
      if (id) this.seen.forget(id);
      throw err;
    }
    return { kind: 'processed', event: event.event };
  }

  private async act(event: WebhookEvent): Promise<void> {
    const room = event.room?.name ?? '';
    const identity = event.participant?.identity ?? '';
    if (!room) return;
    const asideRoom = parseAsideRoom(room);
    if (asideRoom) {
      if (event.event !== 'participant_joined' || !identity) return;
      if (this.services.asides.of(asideRoom.sessionId, identity)?.id === asideRoom.asideId) return;
      this.log.info({ event: event.event }, 'someone not in the private conversation joined its media room; removing them');
      await this.services.mediaGateway.remove(room, identity);
      return;
    }
    switch (event.event) {
      case 'participant_joined': {
        if (!identity) return;
        const refused = await this.repository.refusedAmong(room, [identity]);
        if (refused.has(identity)) {
          this.log.info({ event: event.event }, 'refused identity joined the media room; removing it again');
          await this.services.mediaGateway.remove(room, identity);
        } else {
          this.presence.removeIfStillAbsent(room, identity);
        }
        return;
      }
      case 'room_started':
        await this.presence.reconcile(room);
        return;
      case 'participant_left':
      case 'participant_connection_aborted':
        if (identity && this.services.rooms.get(room, identity)) await this.reconcile(room);
        return;
      default:
        return;
    }
  }

  /** Asks LiveKit who is in the media room now and takes out whoever must not be there ([LW4], [LR12]). */
  reconcile(room: string): Promise<void> {
    return this.presence.reconcile(room);
  }
}
