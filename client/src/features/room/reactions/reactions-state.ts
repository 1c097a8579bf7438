import type { ReactionKind } from '@hearth/shared';

/** [RX2] How long a reaction stays beside the person: long enough to notice, short enough to stay quiet. */
export const REACTION_SHOWN_MS = 4000;

export const reactionWords: Record<ReactionKind, string> = {
  thanks: 'Thank you',
  'me-too': 'Me too',
  support: 'Sending support',
  concern: 'Raise a concern',
};

export interface ShownReaction {
  kind: ReactionKind;
  /** Tells a newer reaction from the one its timer was set for. */
  serial: number;
}

export interface ReactionsState {
  /** The group's setting; null until the server has said (right after joining). */
  enabled: boolean | null;
  /** The one reaction shown beside each person, if any: a newer one replaces it. */
  shown: Readonly<Record<string, ShownReaction>>;
  serial: number;
}

export type ReactionsAction =
  | { type: 'settings'; enabled: boolean }
  | { type: 'shown'; participantId: string; kind: ReactionKind }
  | { type: 'expired'; participantId: string; serial: number };

export const initialReactionsState: ReactionsState = { enabled: null, shown: {}, serial: 0 };

/** Pure: the reactions on screen. Nothing is counted or kept once it has faded. */
export function reactionsReducer(state: ReactionsState, action: ReactionsAction): ReactionsState {
  switch (action.type) {
    case 'settings':
      // Turning reactions off clears what is on screen at once.
      return { ...state, enabled: action.enabled, shown: action.enabled ? state.shown : {} };
    case 'shown': {
      const serial = state.serial + 1;
      return { ...state, serial, shown: { ...state.shown, [action.participantId]: { kind: action.kind, serial } } };
    }
    case 'expired': {
      if (state.shown[action.participantId]?.serial !== action.serial) return state;
      const { [action.participantId]: _gone, ...rest } = state.shown;
      return { ...state, shown: rest };
    }
  }
}
