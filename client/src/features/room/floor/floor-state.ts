import type { FloorState, HandQueue, MyHand, NudgeAnswered, NudgeReceived, Participant } from '@hearth/shared';

/**
 * Hands, the floor, rounds and nudges as this person's room shows them. Pure, so transitions and what is
 * said to screen readers are tested alone. What reaches this state is already limited by the server:
 * a member never holds the queue, only their own hand; facilitators hold the queue and nudge answers.
 * Durations from the server are turned into moments on this browser's clock when they arrive.
 */
export interface FloorView {
  floor: FloorState;
  /** When (this clock) the floor state arrived: the round's timer counts down from it. */
  floorAt: number;
  /** Facilitators only. */
  queue: HandQueue | null;
  queueAt: number;
  mine: MyHand;
  /** Private notes to this person not yet answered (normally at most one). */
  nudges: NudgeReceived[];
  /** Facilitators: answers to the nudges they sent, newest last. */
  answers: NudgeAnswered[];
  /** A fresh object each time, so the same text said twice is read twice. */
  announcement: { text: string; id: number } | null;
}

export const initialFloorView: FloorView = {
  floor: { holderId: null, floorControl: false, round: null },
  floorAt: 0,
  queue: null,
  queueAt: 0,
  mine: { raised: false, place: null },
  nudges: [],
  answers: [],
  announcement: null,
};

export type FloorAction =
  | { type: 'floor'; floor: FloorState; at: number; selfId: string | null; names: ReadonlyMap<string, string> }
  | { type: 'queue'; queue: HandQueue; at: number }
  | { type: 'mine'; hand: MyHand }
  | { type: 'nudge'; nudge: NudgeReceived }
  | { type: 'nudge-answered-by-me'; nudgeId: string }
  | { type: 'answered'; answer: NudgeAnswered; name: string }
  | { type: 'announce'; text: string }
  | { type: 'reset' };

let nextId = 1;
const say = (text: string) => ({ text, id: nextId++ });

const roundNames = { check_in: 'Check-in round', check_out: 'Check-out round', other: 'Round' } as const;
export const roundName = (kind: keyof typeof roundNames) => roundNames[kind];

/** "1st", "2nd", "3rd", "4th"… for the member's own place. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

export function describeMyHand(hand: MyHand): string {
  if (!hand.raised) return 'Your hand is down.';
  return hand.place === 1 ? 'Your hand is up. You are next.' : `Your hand is up. You are ${ordinal(hand.place ?? 0)} in the queue.`;
}

/** What a change of the floor means to this person, in words (null: nothing worth interrupting for). */
export function floorChange(before: FloorState, after: FloorState, selfId: string | null, names: ReadonlyMap<string, string>): string | null {
  const name = (id: string) => (id === selfId ? 'you' : (names.get(id) ?? 'someone'));
  if (!before.round && after.round) {
    const first = after.round.currentId === selfId ? 'You go first' : `${name(after.round.currentId ?? '')} goes first`;
    return `${roundName(after.round.kind)} started${after.round.prompt ? `: ${after.round.prompt}` : ''}. ${first}.`;
  }
  if (before.round && !after.round) return 'The round has ended.';
  if (after.round && after.round.currentId !== before.round?.currentId && after.round.currentId) {
    if (after.round.currentId === selfId) return after.round.again ? 'You are offered the floor again. Share now, or pass.' : 'It is your turn.';
    return `${name(after.round.currentId)}'s turn.`;
  }
  if (!after.round && after.holderId !== before.holderId) {
    if (after.holderId === selfId) return 'You have the floor.';
    if (after.holderId) return `${name(after.holderId)} has the floor.`;
  }
  if (after.floorControl !== before.floorControl) return after.floorControl ? 'Floor control is on: only the person with the floor can speak.' : 'Floor control is off.';
  return null;
}

export function floorReducer(state: FloorView, action: FloorAction): FloorView {
  switch (action.type) {
    case 'floor': {
      const text = floorChange(state.floor, action.floor, action.selfId, action.names);
      return { ...state, floor: action.floor, floorAt: action.at, announcement: text ? say(text) : state.announcement };
    }
    case 'queue':
      return { ...state, queue: action.queue, queueAt: action.at };
    case 'mine': {
      // Joining says "down" to everyone: nothing changed, nothing to announce.
      if (!action.hand.raised && !state.mine.raised && !action.hand.lowered) return { ...state, mine: action.hand };
      const lowered = { self: 'Your hand is down.', facilitator: 'A facilitator lowered your hand.', spoke: 'Your hand went down as you started speaking.' };
      const text = action.hand.raised ? describeMyHand(action.hand) : lowered[action.hand.lowered ?? 'self'];
      return { ...state, mine: action.hand, announcement: say(text) };
    }
    case 'nudge':
      return {
        ...state,
        nudges: [...state.nudges.filter((n) => n.nudgeId !== action.nudge.nudgeId), action.nudge],
        announcement: say(`A private note from ${action.nudge.from.displayName}: ${action.nudge.text}`),
      };
    case 'nudge-answered-by-me':
      return { ...state, nudges: state.nudges.filter((n) => n.nudgeId !== action.nudgeId) };
    case 'answered': {
      const what = action.answer.kind === 'invite'
        ? (action.answer.answer === 'accept' ? 'accepted your invitation; their hand is up' : 'declined your invitation, privately')
        : (action.answer.answer === 'accept' ? 'read your note' : 'dismissed your note');
      return { ...state, answers: [...state.answers, action.answer].slice(-10), announcement: say(`${action.name} ${what}.`) };
    }
    case 'announce':
      return { ...state, announcement: say(action.text) };
    case 'reset':
      // Out of the room: nothing here is current any more (the server sends it again after rejoining).
      return initialFloorView;
  }
}

/** Display names by id, for announcing whose turn it is. */
export function namesOf(self: Participant | null, others: Iterable<Participant>): Map<string, string> {
  return new Map([...(self ? [self] : []), ...others].map((p) => [p.id, p.displayName]));
}

/** "1:05 left", or over time "Time's up" — the soft timer's words. */
export function timerWords(leftMs: number): string {
  if (leftMs <= 0) return "Time's up — finish when you're ready";
  const seconds = Math.ceil(leftMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left`;
}
