import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * The private distress channel. A member's alert reaches facilitators only; it is persisted before
 * the member is told it was received, and delivered again to every facilitator who (re)joins until one
 * acknowledges it. See docs/spec.md (DS rules).
 */
export const DistressLevelSchema = Type.Union([
  Type.Literal('struggling'),
  Type.Literal('talk_privately'),
  Type.Literal('not_safe'),
]);
export type DistressLevel = Type.Static<typeof DistressLevelSchema>;

export const DistressNoteSchema = Type.String({ minLength: 1, maxLength: 280 });

/** What facilitators see. Members never receive this shape, not even for their own alert. */
export const DistressAlertSchema = Type.Object({
  id: IdSchema,
  participantId: IdSchema,
  displayName: Type.String(),
  level: DistressLevelSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  raisedAt: Type.Number(),
  acknowledgedAt: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedBy: Type.Union([Type.Object({ id: IdSchema, displayName: Type.String() }), Type.Null()]),
});
export type DistressAlert = Type.Static<typeof DistressAlertSchema>;

export const RaiseDistressSchema = Type.Object(
  { level: DistressLevelSchema, note: Type.Optional(DistressNoteSchema) },
  { additionalProperties: false },
);

export const AcknowledgeDistressSchema = Type.Object({ alertId: IdSchema }, { additionalProperties: false });

/** The only thing the member who raised an alert hears back, privately: that a facilitator has seen it. */
export const DistressSeenSchema = Type.Object({ alertId: IdSchema, at: Type.Number() });
