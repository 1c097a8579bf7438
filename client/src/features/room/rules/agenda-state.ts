import type { SessionAgenda } from '@hearth/shared';

/**
 * The session's agenda as the room shows it: the phases, the current one, and what to say to screen
 * readers when it changes. Pure, so the transitions are tested alone.
 */
export interface AgendaState {
  agenda: SessionAgenda | null;
  /** A fresh object each time, so the same text said twice is read twice. */
  announcement: { text: string; id: number } | null;
}

export const initialAgendaState: AgendaState = { agenda: null, announcement: null };

export type AgendaAction =
  | { type: 'loaded'; agenda: SessionAgenda }
  | { type: 'moved'; agenda: SessionAgenda }
  | { type: 'announce'; text: string };

let nextId = 1;
const announce = (text: string) => ({ text, id: nextId++ });

/** "Ground rules (phase 2 of 5)", or null before the agenda starts. */
export function describePhase(agenda: SessionAgenda | null): { name: string; position: string } | null {
  if (!agenda) return null;
  const index = agenda.phases.findIndex((p) => p.id === agenda.currentPhaseId);
  const phase = agenda.phases[index];
  return phase ? { name: phase.name, position: `phase ${index + 1} of ${agenda.phases.length}` } : null;
}

/** Whether this change enters a phase that opens the ground rules (staying in it does not reopen them). */
export function entersRulesPhase(before: SessionAgenda | null, after: SessionAgenda): boolean {
  if (before?.currentPhaseId === after.currentPhaseId) return false;
  return after.phases.find((p) => p.id === after.currentPhaseId)?.opensRules === true;
}

export function agendaReducer(state: AgendaState, action: AgendaAction): AgendaState {
  switch (action.type) {
    case 'loaded':
      // Joining: shown, not announced (the room has just been announced).
      return { ...state, agenda: action.agenda };
    case 'moved': {
      if (state.agenda?.currentPhaseId === action.agenda.currentPhaseId) return { ...state, agenda: action.agenda };
      const now = describePhase(action.agenda);
      return { agenda: action.agenda, announcement: now ? announce(`Now: ${now.name}, ${now.position}.`) : state.announcement };
    }
    case 'announce':
      return { ...state, announcement: announce(action.text) };
  }
}
