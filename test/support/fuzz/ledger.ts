import type { Outgoing } from './payloads.js';
import { CANARY, type Connection, type Person } from './actor.js';

/**
 * Everything the fuzz run saw, counted, and the deliveries to members' sockets that break a rule:
 * - an event only facilitators (or staff) may receive;
 * - anything carrying the canary (facilitators' backchannel, notes on cases, the hidden supervisor's name,
 *   the group's emergency contacts);
 * - a room fact on a connection that never asked to join (a waiting person is not in the room, RM1).
 * Deliveries that are right only for one member (their case's messages, "seen", "closed") are kept and
 * checked against the database once the run is over (see records.ts).
 */

/** Facts the protocol sends to facilitators, co-facilitators or staff only (shared/src/protocol/events.ts). */
export const staffOnlyFacts = new Set([
  'distress:alert', 'distress:acknowledged', 'distress:handover', 'distress:updated', 'backchannel:message',
  'rules:revisit-requested', 'talk:stats', 'floor:queue', 'waiting:updated', 'moderation:unmute-answered', 'nudge:answered',
]);

/** What a connection that has not asked to join may receive: the waiting room's own facts and goodbyes. */
export const beforeJoinFacts = new Set(['waiting:message', 'waiting:decided', 'room:closed', 'server:restarting']);

export interface MemberDelivery {
  event: 'case:message' | 'distress:seen' | 'distress:closed';
  recipient: string;
  alertId: string;
  messageId?: string;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

export class FuzzLedger {
  readonly sentByKind: Record<string, number> = {};
  readonly sentByMutation: Record<string, number> = {};
  readonly sentByRole: Record<string, number> = {};
  readonly answers: Record<string, number> = {};
  readonly disconnects: Record<string, number> = {};
  readonly handshakes: Record<string, number> = {};
  readonly rejoins: Record<string, number> = {};
  readonly malformedFacts: Record<string, number> = {};
  readonly forbidden: Record<string, number> = {};
  readonly forbiddenExamples: string[] = [];
  /** Answers that are neither a typed ack nor a closed connection: a crash, a hang, or an off-schema result. */
  readonly untyped: string[] = [];
  readonly memberDeliveries: MemberDelivery[] = [];
  /** What the server said it stored: table and id, to find again afterwards. */
  readonly acked: { table: 'distress_alerts' | 'private_messages'; id: string; command: string }[] = [];
  sent = 0;
  factsToMembers = 0;

  command(person: Person, outgoing: Outgoing, kind: string, code: string, typed: boolean, answer: unknown): void {
    this.sent += 1;
    bump(this.sentByKind, kind);
    bump(this.sentByMutation, outgoing.mutation);
    bump(this.sentByRole, person.kind);
    bump(this.answers, code);
    if (!typed) this.untyped.push(`${person.kind} ${outgoing.event} (${outgoing.mutation}): ${code}`);
    if (code === 'ok') this.storedByAck(outgoing.event, answer);
    if (person.role === 'member' && answer !== null && typeof answer === 'object') this.scan(person, `ack of ${outgoing.event}`, answer);
  }

  private storedByAck(event: string, answer: unknown): void {
    const a = answer as { alertId?: string; alert?: { id?: string }; message?: { id?: string } };
    if (event === 'distress:raise' && a.alertId) this.acked.push({ table: 'distress_alerts', id: a.alertId, command: event });
    if (event === 'distress:open' && a.alert?.id) this.acked.push({ table: 'distress_alerts', id: a.alert.id, command: event });
    if ((event === 'case:message' || event === 'backchannel:message') && a.message?.id) {
      this.acked.push({ table: 'private_messages', id: a.message.id, command: event });
    }
  }

  memberReceived(person: Person, connection: Connection, event: string, payload: unknown): void {
    this.factsToMembers += 1;
    const context = { payload, recipient: person.participantId, socketId: connection.socket.id, connection: connection.log };
    if (staffOnlyFacts.has(event)) this.violation(`staff-only fact ${event}`, person, context);
    if (!connection.joining && !beforeJoinFacts.has(event)) this.violation(`room fact before joining: ${event}`, person, context);
    if (JSON.stringify(payload)?.includes(CANARY)) this.violation(`canary in ${event}`, person, context);
    const p = payload as { alertId?: string; message?: { id?: string } };
    if ((event === 'case:message' || event === 'distress:seen' || event === 'distress:closed') && p?.alertId) {
      this.memberDeliveries.push({ event, recipient: person.participantId, alertId: p.alertId, ...(p.message?.id ? { messageId: p.message.id } : {}) });
    }
  }

  private scan(person: Person, what: string, payload: unknown): void {
    if (JSON.stringify(payload)?.includes(CANARY)) this.violation(`canary in ${what}`, person, payload);
  }

  violation(rule: string, person: Pick<Person, 'kind'> | undefined, payload: unknown): void {
    bump(this.forbidden, rule);
    if (this.forbiddenExamples.length < 10) this.forbiddenExamples.push(`${person?.kind ?? ''} ${rule}: ${JSON.stringify(payload).slice(0, process.env.FUZZ_LOG ? 1e6 : 600)}`);
  }

  malformedFact(event: string): void {
    bump(this.malformedFacts, event);
  }

  /** Set once the run is over: the run's own goodbyes (closing every socket, stopping the server) are not counted. */
  frozen = false;

  disconnect(reason: string): void {
    if (!this.frozen) bump(this.disconnects, reason);
  }

  handshake(kind: string, result: string): void {
    bump(this.handshakes, `${kind}: ${result}`);
  }

  rejoin(code: string): void {
    bump(this.rejoins, code);
  }

  forbiddenTotal(): number {
    return Object.values(this.forbidden).reduce((a, b) => a + b, 0);
  }
}
