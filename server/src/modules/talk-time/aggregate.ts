import { isFacilitatorRole, Role, type FacilitatorTalk, type MemberTalk } from '@hearth/shared';
import { merge, totalMs, type Interval } from './intervals.js';

/**
 * Pure figures for the facilitators' view and the summary (docs/spec.md TT3-TT5, TT8). Members and
 * facilitators are kept apart; the hidden supervisor publishes nothing and is left out. People are
 * listed in the order they first joined: never sorted by how much they spoke.
 */
export interface PersonRecord {
  id: string;
  displayName: string;
  role: Role;
  firstJoinedAt: number;
  /** When they were in the room (merged, any open period closed at the moment of the figures). */
  present: readonly Interval[];
  presentNow: boolean;
  /** Credited speech (merged). */
  talk: readonly Interval[];
}

export interface TalkFigures {
  members: MemberTalk[];
  facilitators: FacilitatorTalk[];
  memberTalkMs: number;
  balance: number | null;
  notSpokenYet: string[];
}

/**
 * [TT3] Fair share, time-weighted: at each moment when N > 0 members are present, each of them is due
 * 1/N of that moment. A member's fair share is what they were due, summed over the session, divided by
 * the time during which any member was present. The shares add up to 1 across all members who came; a
 * member present throughout with a steady N gets exactly 1/N, a late joiner or early leaver less.
 */
export function fairShares(members: readonly { id: string; present: readonly Interval[] }[]): Map<string, number> {
  const bounds = [...new Set(members.flatMap((m) => m.present.flatMap(([s, e]) => [s, e])))].sort((a, b) => a - b);
  const due = new Map<string, number>(members.map((m) => [m.id, 0]));
  let covered = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [s, e] = [bounds[k]!, bounds[k + 1]!];
    const here = members.filter((m) => m.present.some(([ps, pe]) => ps <= s && pe >= e));
    if (here.length === 0) continue;
    covered += e - s;
    for (const m of here) due.set(m.id, due.get(m.id)! + (e - s) / here.length);
  }
  return new Map([...due].map(([id, ms]) => [id, covered > 0 ? ms / covered : 0]));
}

/**
 * [TT4] Balance: the Shannon entropy of the members' shares, divided by its largest possible value
 * ln N, where N counts every member considered (those who have not spoken count, with share 0).
 * 1 = everyone has spoken equally; it falls towards 0 as fewer voices carry the talk. Null when it
 * cannot be said: fewer than two members, or no member has spoken yet.
 */
export function balance(talkMs: readonly number[]): number | null {
  const total = talkMs.reduce((a, b) => a + b, 0);
  if (talkMs.length < 2 || total <= 0) return null;
  const entropy = talkMs.reduce((h, ms) => (ms > 0 ? h - (ms / total) * Math.log(ms / total) : h), 0);
  return Math.min(1, Math.max(0, entropy / Math.log(talkMs.length)));
}

/**
 * [TT8] A turn is one stretch of someone's credited speech in which no pause is longer than
 * TURN_GAP_MS, lasting at least MIN_TURN_MS of speech in all ("mm-hm" and a cough are not turns).
 */
export const TURN_GAP_MS = 2_000;
export const MIN_TURN_MS = 1_000;

export function countTurns(talk: readonly Interval[]): number {
  let turns = 0;
  let runSpeech = 0;
  let runEnd = -Infinity;
  for (const [s, e] of merge(talk)) {
    if (s - runEnd > TURN_GAP_MS) {
      if (runSpeech >= MIN_TURN_MS) turns++;
      runSpeech = 0;
    }
    runSpeech += e - s;
    runEnd = e;
  }
  return runSpeech >= MIN_TURN_MS ? turns + 1 : turns;
}

/**
 * Everyone's figures at one moment. `ended`: the session is over, so the balance counts every member
 * who came (while live it counts the members present now: those the facilitator can still invite in).
 */
export function talkFigures(people: readonly PersonRecord[], ended = false): TalkFigures {
  const byJoin = [...people].sort((a, b) => a.firstJoinedAt - b.firstJoinedAt || a.id.localeCompare(b.id));
  const members = byJoin.filter((p) => p.role === Role.member);
  const memberTalkMs = members.reduce((sum, m) => sum + totalMs(m.talk), 0);
  const fair = fairShares(members);
  const counted = members.filter((m) => ended || m.presentNow);
  return {
    members: members.map((m) => ({
      participantId: m.id,
      displayName: m.displayName,
      talkMs: Math.round(totalMs(m.talk)),
      share: memberTalkMs > 0 ? totalMs(m.talk) / memberTalkMs : null,
      fairShare: fair.get(m.id) ?? 0,
      present: m.presentNow,
    })),
    facilitators: byJoin
      .filter((p) => isFacilitatorRole(p.role))
      .map((f) => ({ participantId: f.id, displayName: f.displayName, talkMs: Math.round(totalMs(f.talk)) })),
    memberTalkMs: Math.round(memberTalkMs),
    balance: balance(counted.map((m) => totalMs(m.talk))),
    notSpokenYet: members.filter((m) => m.presentNow && m.talk.length === 0).map((m) => m.id),
  };
}
