import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * Session structure: each group has an agenda, an ordered list of phases (by default the five the
 * practice uses). In a live session a facilitator moves through them; everyone in the room sees the
 * current one, and a phase marked `opensRules` opens the ground-rules panel for everyone.
 * See docs/spec.md (AG rules).
 */
export const PhaseNameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });

export const AgendaPhaseSchema = Type.Object({
  /** Stable while the agenda is edited, so a renamed phase stays the current one. */
  id: IdSchema,
  name: Type.String(),
  /** Entering this phase opens the ground-rules panel for everyone in the room. */
  opensRules: Type.Boolean(),
});
export type AgendaPhase = Type.Static<typeof AgendaPhaseSchema>;

/** Where a live session is in its agenda. `currentPhaseId` is null until a facilitator starts it. */
export const SessionAgendaSchema = Type.Object({
  phases: Type.Array(AgendaPhaseSchema),
  currentPhaseId: Type.Union([IdSchema, Type.Null()]),
  changedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type SessionAgenda = Type.Static<typeof SessionAgendaSchema>;

/**
 * Facilitators only: a step (`next`/`previous`, decided by the server from where the session really is,
 * so two facilitators pressing "Next" at once move one phase each, never past the end) or a named phase.
 */
export const MovePhaseSchema = Type.Union([
  Type.Object({ step: Type.Union([Type.Literal('next'), Type.Literal('previous')]) }, { additionalProperties: false }),
  Type.Object({ phaseId: IdSchema }, { additionalProperties: false }),
]);
export type MovePhase = Type.Static<typeof MovePhaseSchema>;
