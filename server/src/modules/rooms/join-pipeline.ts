import type { CommandPayload, Fail, MediaAccess, Participant } from '@hearth/shared';
import type { HearthSocket, SocketIdentity } from '../../realtime/index.js';

/**
 * `room:join` as a pipeline. rooms owns the order; the capabilities that have a say provide the gates
 * and subscribe to the facts, and the composition root (realtime-wiring.ts) hands them over, so rooms
 * imports none of them. The order, each first refusal winning:
 *   1. standing [AU6] (participants): not removed or banned, session not ended, link not withdrawn;
 *   2. the session is live (rooms itself, which also reads what the join result shows of it);
 *   3. consent [GR5] (rules): a member has agreed to the current ground rules;
 *   4. admission [MD15] [MD9]-[MD12] (waiting-room): bans, the lock and the waiting room;
 *   5. the name (participants): a member may not take a facilitator's name;
 *   6. media access [LK6] (livekit): the join token, minted before admission; mesh when none;
 *   7. capacity [RM3] (rooms itself, atomically in the registry as the person is admitted).
 * A gate may ask for a step once the person is in (admission records the first entry).
 */
export interface JoinAttempt {
  identity: SocketIdentity;
  payload: CommandPayload<'room:join'>;
}

export type GatePass = { ok: true; afterJoin?: () => Promise<void> };
export type JoinGate = (attempt: JoinAttempt) => Promise<Fail | GatePass>;

/** null: this server has no media server, so the room uses the mesh. */
export type MediaGate = (attempt: JoinAttempt, self: Participant) => Promise<Fail | { ok: true; access: MediaAccess | null }>;

/** Someone joined (after their ack, so the client has its room state before these arrive). */
export type JoinedListener = (socket: HearthSocket) => Promise<void> | void;

export interface JoinPipeline {
  standing: JoinGate;
  consent: JoinGate;
  admission: JoinGate;
  name: JoinGate;
  media: MediaGate;
  /** [FL5] Whether turning one's microphone on is refused (floor control), asked by `media:state`. */
  unmuteRefusal: (identity: SocketIdentity) => Fail | undefined;
  /** In order: open cases [DS3] (distress), who is away (aside), the floor (floor). */
  joined: readonly { name: string; listener: JoinedListener }[];
}

export const pass: GatePass = { ok: true };

/** Runs gates in order; the first refusal is the answer, else the steps to take once in. */
export async function runGates(gates: readonly JoinGate[], attempt: JoinAttempt): Promise<Fail | { ok: true; afterJoin: (() => Promise<void>)[] }> {
  const afterJoin: (() => Promise<void>)[] = [];
  for (const gate of gates) {
    const verdict = await gate(attempt);
    if (!verdict.ok) return verdict;
    if (verdict.afterJoin) afterJoin.push(verdict.afterJoin);
  }
  return { ok: true, afterJoin };
}
