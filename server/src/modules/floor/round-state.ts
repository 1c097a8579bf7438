import type { RoundKind, RoundOrder, RoundView } from '@hearth/shared';

/**
 * A go-round (check-in, check-out, or another round) as pure transitions with the clock passed in.
 * Invariants, tested by id (docs/spec.md):
 * - [FL6] everyone in the round is offered one turn, in the chosen order; whoever passes is offered the
 *   floor once more after everyone else, and passing then ends their part (no one is asked a third time);
 * - [FL7] the facilitator may skip the current speaker (not offered again), reorder who is still to come
 *   (the same people, in a new order) or end the round at any time; someone leaving the room leaves the round;
 * - [FL8] the turn timer is soft: it only reports the time left (negative once over); nothing here mutes.
 */
export interface Round {
  id: string;
  kind: RoundKind;
  prompt: string | null;
  floorControl: boolean;
  turnSeconds: number | null;
  currentId: string | null;
  turnStartedAt: number;
  /** The current speaker passed earlier and is being offered the floor again. */
  again: boolean;
  upcoming: string[];
  /** Passed in the first pass: offered again once `upcoming` is done. */
  returning: string[];
  /** Set once the round works through those who passed (so a second pass ends their part). */
  secondPass: boolean;
  /** How many turns were offered (the first offer and each offer again); kept for the session summary. */
  turnsGiven: number;
  startedAt: number;
}

export type RoundStep = { ok: true; round: Round; ended: boolean } | { ok: false; code: 'conflict' | 'invalid_payload'; message: string };

export interface RoundSettings {
  id: string;
  kind: RoundKind;
  prompt: string | null;
  floorControl: boolean;
  turnSeconds: number | null;
}

export function startRound(settings: RoundSettings, speakers: readonly string[], now: number): RoundStep {
  const [first, ...rest] = speakers;
  if (first === undefined) return { ok: false, code: 'conflict', message: 'There is nobody in the room to go round.' };
  return {
    ok: true,
    ended: false,
    round: { ...settings, currentId: first, turnStartedAt: now, again: false, upcoming: rest, returning: [], secondPass: false, turnsGiven: 1, startedAt: now },
  };
}

/** The current speaker is done (they said so, or the facilitator moved on). */
export function finishTurn(round: Round, now: number): RoundStep {
  return advance(round, now);
}

/** The current speaker passes: the first time, they are offered the floor again at the end. */
export function passTurn(round: Round, now: number): RoundStep {
  if (round.currentId === null) return { ok: false, code: 'conflict', message: 'Nobody has the turn.' };
  const returning = round.secondPass ? round.returning : [...round.returning, round.currentId];
  return advance({ ...round, returning }, now);
}

/** The facilitator skips the current speaker: not offered again. */
export function skipTurn(round: Round, now: number): RoundStep {
  return advance(round, now);
}

/** A new order for those still to come; it must name exactly the same people. */
export function reorderRound(round: Round, participantIds: readonly string[]): RoundStep {
  const same = participantIds.length === round.upcoming.length && new Set(participantIds).size === participantIds.length
    && participantIds.every((id) => round.upcoming.includes(id));
  if (!same) return { ok: false, code: 'invalid_payload', message: 'The new order must list exactly the people still to speak.' };
  return { ok: true, ended: false, round: { ...round, upcoming: [...participantIds] } };
}

/** Someone left the room: out of the round; if it was their turn, the next person's begins. */
export function withoutParticipant(round: Round, participantId: string, now: number): RoundStep {
  const rest = { ...round, upcoming: round.upcoming.filter((id) => id !== participantId), returning: round.returning.filter((id) => id !== participantId) };
  return round.currentId === participantId ? advance(rest, now) : { ok: true, ended: false, round: rest };
}

/** Soft timer: milliseconds left on the current turn (negative once over), or null without a timer. */
export function turnLeftMs(round: Round, now: number): number | null {
  if (round.turnSeconds === null || round.currentId === null) return null;
  return round.turnStartedAt + round.turnSeconds * 1000 - now;
}

export function roundView(round: Round, now: number): RoundView {
  return {
    id: round.id,
    kind: round.kind,
    prompt: round.prompt,
    currentId: round.currentId,
    again: round.again,
    upcoming: [...round.upcoming],
    returning: [...round.returning],
    turnSeconds: round.turnSeconds,
    turnLeftMs: turnLeftMs(round, now),
  };
}

/**
 * Who speaks in what order: members only (the facilitator leads the round). `queue` puts raised hands
 * first in the queue's order, then everyone else by join order; `shuffled` uses the random source given.
 */
export function roundSpeakers(order: RoundOrder, byJoin: readonly string[], queue: readonly string[], random: () => number): string[] {
  if (order === 'queue') return [...queue.filter((id) => byJoin.includes(id)), ...byJoin.filter((id) => !queue.includes(id))];
  if (order === 'join') return [...byJoin];
  const shuffled = [...byJoin];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

function advance(round: Round, now: number): RoundStep {
  const [next, ...rest] = round.upcoming;
  if (next !== undefined) {
    return { ok: true, ended: false, round: { ...round, currentId: next, turnStartedAt: now, upcoming: rest, again: round.secondPass, turnsGiven: round.turnsGiven + 1 } };
  }
  if (!round.secondPass && round.returning.length > 0) {
    return advance({ ...round, secondPass: true, upcoming: round.returning, returning: [] }, now);
  }
  return { ok: true, ended: true, round: { ...round, currentId: null, again: false, upcoming: [], returning: [] } };
}
