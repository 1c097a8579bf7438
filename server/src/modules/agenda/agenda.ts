import type { AgendaPhase, MovePhase, SaveAgendaBody } from '@hearth/shared';

/**
 * Agenda logic, pure: the default phases, turning an editor's save into phases, and moving through
 * them. [AG1] A group that never saved an agenda uses the default; [AG3] moves are decided from where
 * the session really is, never from where a client thinks it is.
 */
export const defaultPhases: readonly AgendaPhase[] = [
  { id: 'welcome', name: 'Welcome and check-in', opensRules: false },
  { id: 'ground-rules', name: 'Ground rules', opensRules: true },
  { id: 'main', name: 'Main discussion or activity', opensRules: false },
  { id: 'sharing', name: 'Sharing and feedback', opensRules: false },
  { id: 'closing', name: 'Closing', opensRules: false },
];

/**
 * A phase keeps its id when renamed or moved (so a live session stays in it); any id the agenda does
 * not have, or a repeated one, gets a new id, so a client cannot choose ids of its own.
 */
export function phasesFromSave(current: readonly AgendaPhase[], body: SaveAgendaBody, newPhaseId: () => string): AgendaPhase[] {
  const known = new Set(current.map((p) => p.id));
  const used = new Set<string>();
  return body.phases.map(({ id, name, opensRules }) => {
    const phaseId = id !== undefined && known.has(id) && !used.has(id) ? id : newPhaseId();
    used.add(phaseId);
    return { id: phaseId, name: name.trim(), opensRules };
  });
}

export type MoveOutcome = { ok: true; phase: AgendaPhase } | { ok: false; code: 'not_found' | 'conflict'; message: string };

/** Where a move lands. Before the agenda starts, "next" enters the first phase; "previous" has nowhere to go. */
export function movePhase(phases: readonly AgendaPhase[], currentPhaseId: string | null, move: MovePhase): MoveOutcome {
  if ('phaseId' in move) {
    const phase = phases.find((p) => p.id === move.phaseId);
    return phase ? { ok: true, phase } : { ok: false, code: 'not_found', message: 'That phase is not in the agenda.' };
  }
  // A current phase that was removed from the agenda counts as not started.
  const at = phases.findIndex((p) => p.id === currentPhaseId);
  const target = move.step === 'next' ? at + 1 : at === -1 ? -1 : at - 1;
  const phase = phases[target];
  if (!phase) {
    const message = move.step === 'next' ? 'This is already the last phase.' : 'This is already the first phase.';
    return { ok: false, code: 'conflict', message };
  }
  return { ok: true, phase };
}

/** Whether everyone's ground-rules panel should open: only on entering such a phase, not on staying in it. */
export function entersRulesPhase(phases: readonly AgendaPhase[], fromPhaseId: string | null, toPhaseId: string | null): boolean {
  if (fromPhaseId === toPhaseId) return false;
  return phases.find((p) => p.id === toPhaseId)?.opensRules === true;
}

/**
 * Where each live session is in its agenda, in memory; a graceful restart carries it over (RS4), a crash
 * returns the room to "not started".
 */
export interface CurrentPhase {
  phaseId: string;
  at: number;
}

/**
 * Where each live session is in its agenda. In one process it is this memory (SessionPhases); with several
 * nodes it is Redis (phases-redis.ts) [ND10]. A move is a compare-and-set, so two facilitators pressing "Next"
 * together on two nodes each move one step.
 */
export interface PhaseBoard {
  current(sessionId: string): Promise<CurrentPhase | null>;
  /** Sets `next` only if the session is still at `expected`; false when another move came first. */
  replace(sessionId: string, expected: CurrentPhase | null, next: CurrentPhase): Promise<boolean>;
  /** The session ended: nothing of it stays. */
  forget(sessionId: string): void;
  /** [RS4] What a graceful stop saves, and what a start takes back (memory only: Redis keeps its own). */
  entries(): [string, CurrentPhase][];
  set(sessionId: string, phaseId: string, at: number): void;
}

export class SessionPhases implements PhaseBoard {
  private readonly bySession = new Map<string, CurrentPhase>();

  get(sessionId: string): CurrentPhase | null {
    return this.bySession.get(sessionId) ?? null;
  }

  async current(sessionId: string): Promise<CurrentPhase | null> {
    return this.get(sessionId);
  }

  async replace(sessionId: string, expected: CurrentPhase | null, next: CurrentPhase): Promise<boolean> {
    const now = this.get(sessionId);
    if (now?.phaseId !== expected?.phaseId || now?.at !== expected?.at) return false;
    this.bySession.set(sessionId, next);
    return true;
  }

  /** The session ended: nothing of it stays in memory. */
  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  set(sessionId: string, phaseId: string, at: number): void {
    this.bySession.set(sessionId, { phaseId, at });
  }

  entries(): [string, CurrentPhase][] {
    return [...this.bySession.entries()];
  }
}
