// What the load generator records while the mix runs, and the judgement afterwards: alert delivery
// latency to each facilitator, lost alerts and lost private messages (case conversations, backchannel),
// and anything private that reached the wrong socket.
import { isFacilitatorRole } from '@hearth/shared';
import type { BenchClient } from './clients.js';
import { LatencyBuckets } from './timeline.js';

/** An alert or message counts as lost if an expected recipient has not received it this long after sending. */
export const LOST_AFTER_MS = 5000;

export interface RaiseRecord {
  room: number;
  raiserId: string;
  sentAt: number;
  /** Date.now() at sending, to compare with the server's own `raisedAt` stamp (same machine clock). */
  sentWall: number;
  /** The server's Date.now() when it handled the raise, from the ack. */
  raisedAt?: number;
  /** Facilitators of the room who were in it when the member pressed the button. */
  expected: string[];
  alertId?: string;
  ackedAt?: number;
  failed?: string;
}

type PrivateFact = 'distress:alert' | 'distress:acknowledged' | 'distress:updated' | 'distress:seen';

/** One private text message: a case conversation message or a backchannel message. */
export interface MessageRecord {
  kind: 'case' | 'backchannel';
  /** Room of the sender; for a case, the member who raised it (who may receive it). */
  room: number;
  raiserId?: string;
  sentAt: number;
  /** Everyone who should receive it, decided when it was sent: facilitators in the room and, for a case, its member. */
  expected: string[];
  messageId?: string;
  failed?: string;
}

interface MessageArrival {
  receiver: BenchClient;
  at: number;
}

interface Receipt {
  event: PrivateFact;
  alertId: string;
  /** From the payload where it names the raiser (alert and acknowledged); seen names only the alert. */
  raiserId: string | undefined;
  receiver: BenchClient;
  at: number;
  wall: number;
}

export class Metrics {
  readonly raises: RaiseRecord[] = [];
  readonly messages: MessageRecord[] = [];
  /** messageId -> every arrival of it, at whichever socket. */
  readonly messageArrivals = new Map<string, MessageArrival[]>();
  readonly receipts: Receipt[] = [];
  /** alertId -> facilitator participantId -> when `distress:alert` first arrived there. */
  readonly alertArrivals = new Map<string, Map<string, { at: number; wall: number }>>();
  duplicateAlerts = 0;
  readonly commandMs: Record<'media' | 'mute' | 'acknowledge' | 'resolve' | 'message', number[]> = { media: [], mute: [], acknowledge: [], resolve: [], message: [] };
  readonly buckets = new LatencyBuckets();
  /** `<command>:<code>` -> how many times a command's ack said no or never came. */
  readonly commandFailures = new Map<string, number>();
  participantUpdates = 0;
  /** socket.io disconnect reason -> how many, for sockets that left while the mix was running. */
  readonly unexpectedDisconnects = new Map<string, number>();

  receipt(event: PrivateFact, alertId: string, raiserId: string | undefined, receiver: BenchClient, at: number): void {
    const wall = Date.now();
    this.receipts.push({ event, alertId, raiserId, receiver, at, wall });
    if (event !== 'distress:alert') return;
    const arrivals = this.alertArrivals.get(alertId) ?? new Map<string, { at: number; wall: number }>();
    if (arrivals.has(receiver.participantId)) this.duplicateAlerts++;
    else arrivals.set(receiver.participantId, { at, wall });
    this.alertArrivals.set(alertId, arrivals);
  }

  messageReceipt(messageId: string, receiver: BenchClient, at: number): void {
    const arrivals = this.messageArrivals.get(messageId) ?? [];
    arrivals.push({ receiver, at });
    this.messageArrivals.set(messageId, arrivals);
  }

  timed(command: keyof Metrics['commandMs'], startedAt: number, ms: number): void {
    this.commandMs[command].push(ms);
    this.buckets.observe(startedAt, ms);
  }

  failed(command: string, code: string): void {
    const key = `${command}:${code}`;
    this.commandFailures.set(key, (this.commandFailures.get(key) ?? 0) + 1);
  }

  /** True once every raise has an answer and every acked alert reached its facilitators or ran out of time. */
  settled(now: number): boolean {
    const messagesSettled = this.messages.every((m) => {
      if (m.failed !== undefined) return true;
      if (m.messageId === undefined) return false;
      if (now - m.sentAt > LOST_AFTER_MS) return true;
      const got = new Set(this.messageArrivals.get(m.messageId)?.map((a) => a.receiver.participantId));
      return m.expected.every((id) => got.has(id));
    });
    return messagesSettled && this.raises.every((r) => {
      if (r.failed !== undefined) return true;
      if (r.alertId === undefined) return false;
      if (now - r.sentAt > LOST_AFTER_MS) return true;
      const arrivals = this.alertArrivals.get(r.alertId);
      return r.expected.every((id) => arrivals?.has(id));
    });
  }
}

export interface AlertVerdict {
  sent: number;
  acked: number;
  raiseFailures: number;
  /** One entry per (alert, expected facilitator) pair that arrived within LOST_AFTER_MS. */
  deliveryMs: number[];
  /** One entry per alert that reached every expected facilitator: raise until the LAST of them had it. */
  allReachedMs: number[];
  raiseAckMs: number[];
  /** Delivery split at the server's `raisedAt` stamp (1 ms resolution): member -> server handler, and on to the facilitator. */
  toServerMs: number[];
  serverToFacilitatorMs: number[];
  /** Acked alerts that did not reach every expected facilitator in time (and such deliveries). */
  lost: number;
  lostDeliveries: number;
  /** Acked alerts whose room had no facilitator in it to receive them (not lost, nobody to tell). */
  unwatched: number;
  misdelivered: number;
}

/**
 * [DS2] in load: `distress:alert` and `distress:acknowledged` may reach only facilitators of the raiser's
 * room, never the raiser; `distress:seen` only the member who raised that alert.
 */
export function judgeAlerts(metrics: Metrics, roomOf: Map<string, number>): AlertVerdict {
  const verdict: AlertVerdict = { sent: metrics.raises.length, acked: 0, raiseFailures: 0, deliveryMs: [], allReachedMs: [], raiseAckMs: [], toServerMs: [], serverToFacilitatorMs: [], lost: 0, lostDeliveries: 0, unwatched: 0, misdelivered: 0 };
  const raiserOf = new Map<string, string>();
  for (const r of metrics.receipts) if (r.raiserId !== undefined) raiserOf.set(r.alertId, r.raiserId);
  for (const raise of metrics.raises) {
    if (raise.alertId === undefined || raise.ackedAt === undefined) {
      verdict.raiseFailures++;
      continue;
    }
    verdict.acked++;
    raiserOf.set(raise.alertId, raise.raiserId);
    verdict.raiseAckMs.push(raise.ackedAt - raise.sentAt);
    if (raise.raisedAt !== undefined) verdict.toServerMs.push(raise.raisedAt - raise.sentWall);
    if (raise.expected.length === 0) verdict.unwatched++;
    const arrivals = metrics.alertArrivals.get(raise.alertId);
    let missed = 0;
    for (const facilitatorId of raise.expected) {
      const arrival = arrivals?.get(facilitatorId);
      if (arrival === undefined || arrival.at - raise.sentAt > LOST_AFTER_MS) {
        missed++;
        continue;
      }
      verdict.deliveryMs.push(arrival.at - raise.sentAt);
      metrics.buckets.observe(raise.sentAt, arrival.at - raise.sentAt);
      if (raise.raisedAt !== undefined) verdict.serverToFacilitatorMs.push(arrival.wall - raise.raisedAt);
    }
    verdict.lostDeliveries += missed;
    if (missed > 0) verdict.lost++;
    else if (raise.expected.length > 0) {
      verdict.allReachedMs.push(Math.max(...raise.expected.map((id) => (arrivals?.get(id)?.at ?? raise.sentAt) - raise.sentAt)));
    }
  }
  for (const r of metrics.receipts) {
    const raiserId = r.raiserId ?? raiserOf.get(r.alertId);
    const legitimate =
      r.event === 'distress:seen'
        ? raiserId !== undefined && r.receiver.participantId === raiserId
        : raiserId !== undefined && isFacilitatorRole(r.receiver.role) && r.receiver.participantId !== raiserId && roomOf.get(raiserId) === r.receiver.room;
    if (!legitimate) verdict.misdelivered++;
  }
  return verdict;
}

export interface MessageVerdict {
  sent: number;
  failures: number;
  /** One entry per (message, expected recipient) that arrived within LOST_AFTER_MS. */
  deliveryMs: number[];
  /** Acked messages that did not reach every expected recipient in time. */
  lost: number;
  /** Arrivals at a socket that must not see that message (another room, a member on the backchannel, another member's case). */
  misdelivered: number;
  /** Arrivals of messages whose send was never acked (so their id is unknown here): not judged. */
  unmatched: number;
}

/** [PC1][PC2] in load: every expected recipient gets each acked message once, nobody else gets it. */
export function judgeMessages(metrics: Metrics): MessageVerdict {
  const verdict: MessageVerdict = { sent: metrics.messages.length, failures: 0, deliveryMs: [], lost: 0, misdelivered: 0, unmatched: 0 };
  const byId = new Map<string, MessageRecord>();
  for (const m of metrics.messages) {
    if (m.messageId === undefined) {
      verdict.failures++;
      continue;
    }
    byId.set(m.messageId, m);
    const arrivals = metrics.messageArrivals.get(m.messageId) ?? [];
    let missed = false;
    for (const id of m.expected) {
      const arrival = arrivals.find((a) => a.receiver.participantId === id);
      if (arrival === undefined || arrival.at - m.sentAt > LOST_AFTER_MS) missed = true;
      else {
        verdict.deliveryMs.push(arrival.at - m.sentAt);
        metrics.buckets.observe(m.sentAt, arrival.at - m.sentAt);
      }
    }
    if (missed) verdict.lost++;
  }
  for (const [messageId, arrivals] of metrics.messageArrivals) {
    const m = byId.get(messageId);
    if (m === undefined) {
      verdict.unmatched += arrivals.length;
      continue;
    }
    for (const { receiver } of arrivals) {
      const facilitatorHere = isFacilitatorRole(receiver.role) && receiver.room === m.room;
      const legitimate = facilitatorHere || (m.kind === 'case' && receiver.participantId === m.raiserId);
      if (!legitimate) verdict.misdelivered++;
    }
  }
  return verdict;
}
