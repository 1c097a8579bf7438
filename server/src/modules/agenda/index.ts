/**
 * Front door of `agenda`: a group's session agenda (phases, pure rules in agenda.ts) and where each live
 * session is in it (memory only, carried over a graceful restart [RS4]).
 */
export { defaultPhases, entersRulesPhase, movePhase, phasesFromSave, SessionPhases, type MoveOutcome } from './agenda.js';
