import type { Role, TalkReport } from '@hearth/shared';
import { talkFigures, type PersonRecord, type TalkFigures } from './aggregate.js';
import { clampReport, MAX_REACH_BACK_MS } from './clamp.js';
import { merge, subtract, totalMs, withOpen, type Interval } from './intervals.js';

/**
 * One session's talk-time ledger, in memory: who was present and audible when (from the room
 * registry's changes), and what speech is credited to whom. Pure: every method takes the time.
 * The service persists what must outlive the process and rebuilds a ledger with `restore`.
 */
export interface RoomState {
  displayName: string;
  role: Role;
  /** Microphone on and not muted by a facilitator, as the room knows it. */
  audible: boolean;
}

interface Person {
  id: string;
  displayName: string;
  role: Role;
  firstJoinedAt: number;
  present: Interval[];
  presentSince: number | null;
  /** Only recent history is kept: no report reaches back further than MAX_REACH_BACK_MS. */
  audible: Interval[];
  audibleSince: number | null;
  talk: Interval[];
}

export interface StoredPerson {
  id: string;
  displayName: string;
  role: Role;
  speech: Interval[];
  presence: Interval[];
}

export class SessionLedger {
  private readonly people = new Map<string, Person>();

  /** A participant's room state changed (joined, microphone, mute) or they left (`null`). */
  observe(participantId: string, state: RoomState | null, at: number): { presenceOpened: boolean; presenceClosed: Interval | null } {
    const person = state ? this.person(participantId, state, at) : this.people.get(participantId);
    if (!person) return { presenceOpened: false, presenceClosed: null };
    let presenceOpened = false;
    let presenceClosed: Interval | null = null;
    if (state) {
      person.displayName = state.displayName;
      if (person.presentSince === null) {
        person.presentSince = at;
        presenceOpened = true;
      }
      if (state.audible && person.audibleSince === null) person.audibleSince = at;
      if (!state.audible) this.closeAudible(person, at);
    } else {
      this.closeAudible(person, at);
      if (person.presentSince !== null) {
        presenceClosed = [person.presentSince, at];
        person.present = withOpen(person.present, person.presentSince, at);
        person.presentSince = null;
      }
    }
    return { presenceOpened, presenceClosed };
  }

  /** [TT1] Credits what the report may credit; returns the new pieces (merged) and whether a new stretch began. */
  credit(participantId: string, report: TalkReport, receivedAt: number): { pieces: Interval[]; startedSpeaking: boolean } {
    const person = this.people.get(participantId);
    if (!person) return { pieces: [], startedSpeaking: false };
    const audible = withOpen(person.audible, person.audibleSince, receivedAt);
    const pieces = clampReport({ report, receivedAt, audible, credited: person.talk });
    if (pieces.length === 0) return { pieces, startedSpeaking: false };
    const lastEnd = person.talk.at(-1)?.[1] ?? -Infinity;
    person.talk = merge([...person.talk, ...pieces]);
    // "Started speaking" for other modules (a raised hand lowers itself): speech after a real pause.
    return { pieces, startedSpeaking: pieces[0]![0] - lastEnd > 1_000 };
  }

  spokenMs(): Map<string, number> {
    return new Map([...this.people.values()].filter((p) => p.talk.length > 0).map((p) => [p.id, totalMs(p.talk)]));
  }

  talkOf(participantId: string): readonly Interval[] {
    return this.people.get(participantId)?.talk ?? [];
  }

  records(at: number): PersonRecord[] {
    return [...this.people.values()].map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      firstJoinedAt: p.firstJoinedAt,
      present: withOpen(p.present, p.presentSince, at),
      presentNow: p.presentSince !== null,
      talk: p.talk,
    }));
  }

  figures(at: number, ended = false): TalkFigures {
    return talkFigures(this.records(at), ended);
  }

  /** Adds what storage held from before a restart (merged with anything already seen since). */
  restore(stored: readonly StoredPerson[]): void {
    for (const s of stored) {
      const first = Math.min(...s.presence.map(([start]) => start), ...s.speech.map(([start]) => start));
      const person = this.person(s.id, { displayName: s.displayName, role: s.role, audible: false }, Number.isFinite(first) ? first : 0);
      person.firstJoinedAt = Math.min(person.firstJoinedAt, Number.isFinite(first) ? first : person.firstJoinedAt);
      person.talk = merge([...person.talk, ...s.speech]);
      // A stored period overlapping the live one (the same visit, stored open) must not count twice.
      const live: Interval[] = person.presentSince === null ? [] : [[person.presentSince, Infinity]];
      person.present = merge([...person.present, ...subtract(merge(s.presence), live)]);
    }
  }

  private person(id: string, state: RoomState, at: number): Person {
    let person = this.people.get(id);
    if (!person) {
      person = { id, displayName: state.displayName, role: state.role, firstJoinedAt: at, present: [], presentSince: null, audible: [], audibleSince: null, talk: [] };
      this.people.set(id, person);
    }
    return person;
  }

  private closeAudible(person: Person, at: number): void {
    person.audible = withOpen(person.audible, person.audibleSince, at).filter(([, end]) => end > at - MAX_REACH_BACK_MS);
    person.audibleSince = null;
  }
}
