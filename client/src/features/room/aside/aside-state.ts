/**
 * The pull-aside as this client knows it, built only from what the server said: the aside this person
 * is in (only the two in it are told, `aside:started`/`aside:ended`) and who is away for a moment
 * (`aside:away`, everyone). Pure: a reducer, tested without sockets or React.
 * Invariants: `mine` changes only on a server fact (never on a button press alone), so the media layer
 * leaves the group only when the server has made the aside; a lost connection forgets everything
 * (the server ends an aside whose person disconnects, and sends the away list again on rejoin).
 */
import type { FactPayload } from '@hearth/shared';

export type AsideStarted = FactPayload<'aside:started'>;
export type AsideEndReason = FactPayload<'aside:ended'>['reason'];

export interface AsideState {
  mine: AsideStarted | null;
  away: ReadonlySet<string>;
  /** What to say politely after the last change of `mine`, with the name of the other person. */
  announcement: string | null;
}

export type AsideAction =
  | { type: 'started'; aside: AsideStarted }
  | { type: 'ended'; asideId: string; reason: AsideEndReason }
  | { type: 'away'; participantIds: readonly string[] }
  | { type: 'reset' };

export const initialAsideState: AsideState = { mine: null, away: new Set(), announcement: null };

export function asideReducer(state: AsideState, action: AsideAction): AsideState {
  switch (action.type) {
    case 'started':
      if (state.mine?.asideId === action.aside.asideId) return state; // the ack and the fact both say so
      return { ...state, mine: action.aside, announcement: `Private conversation with ${action.aside.with.displayName} started. The group can't hear you.` };
    case 'ended': {
      if (state.mine?.asideId !== action.asideId) return state;
      const who = state.mine.with.displayName;
      const text = action.reason === 'left' ? `${who} left the private conversation. You're back with the group.` : "You're back with the group.";
      return { ...state, mine: null, announcement: text };
    }
    case 'away':
      return sameIds(state.away, action.participantIds) ? state : { ...state, away: new Set(action.participantIds) };
    case 'reset':
      return state.mine === null && state.away.size === 0 ? state : initialAsideState;
  }
}

function sameIds(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((id) => a.has(id));
}
