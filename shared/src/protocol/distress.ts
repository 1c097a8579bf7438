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

export const DistressCaseStatusSchema = Type.Union([
  Type.Literal('raised'),
  Type.Literal('acknowledged'),
  Type.Literal('in_conversation'),
  Type.Literal('escalated'),
  Type.Literal('resolved'),
]);
export type DistressCaseStatus = Type.Static<typeof DistressCaseStatusSchema>;

const ByWhom = Type.Object({ id: IdSchema, displayName: Type.String() });

/** One step in a case's timeline: when, what, and (for facilitators' actions) who. */
export const DistressTimelineEntrySchema = Type.Object({
  at: Type.Number(),
  kind: Type.Union([
    Type.Literal('raised'),
    Type.Literal('re_alerted'),
    Type.Literal('acknowledged'),
    Type.Literal('in_conversation'),
    Type.Literal('escalated'),
    Type.Literal('resolved'),
  ]),
  by: Type.Union([ByWhom, Type.Null()]),
});
export type DistressTimelineEntry = Type.Static<typeof DistressTimelineEntrySchema>;

/** What facilitators see. Members never receive this shape, not even for their own alert. */
export const DistressAlertSchema = Type.Object({
  id: IdSchema,
  participantId: IdSchema,
  displayName: Type.String(),
  level: DistressLevelSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  raisedAt: Type.Number(),
  acknowledgedAt: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedBy: Type.Union([ByWhom, Type.Null()]),
  /** Set when a facilitator opened the case about a member they were concerned about (the member is not told). */
  openedBy: Type.Union([ByWhom, Type.Null()]),
  /**
   * [DS14] When the member was brought into the case's conversation: from the start for a request they
   * raised; null while a case opened about them is staff-only (they are not told of it, and see nothing
   * written before they were brought in).
   */
  memberIncludedAt: Type.Union([Type.Number(), Type.Null()]),
  /** Where the case stands; `acknowledgedBy` is the facilitator handling it. */
  status: DistressCaseStatusSchema,
  /** How many times it was sent again because nobody acknowledged it in time. */
  reAlerts: Type.Integer({ minimum: 0 }),
  timeline: Type.Array(DistressTimelineEntrySchema),
});
export type DistressAlert = Type.Static<typeof DistressAlertSchema>;

export const RaiseDistressSchema = Type.Object(
  { level: DistressLevelSchema, note: Type.Optional(DistressNoteSchema) },
  { additionalProperties: false },
);

/**
 * [DS15] After the one-tap request: the member who raised it adds how they are and/or a note, while it is open.
 * At least one of the two (the handler refuses neither with invalid_payload); an empty note is not sent.
 */
export const AmendDistressSchema = Type.Object(
  { alertId: IdSchema, level: Type.Optional(DistressLevelSchema), note: Type.Optional(DistressNoteSchema) },
  { additionalProperties: false },
);

export const AcknowledgeDistressSchema = Type.Object({ alertId: IdSchema }, { additionalProperties: false });

/** A facilitator opens a case about a member who is in the room; it starts acknowledged by them. */
export const OpenDistressSchema = Type.Object(
  { participantId: IdSchema, level: DistressLevelSchema, note: Type.Optional(DistressNoteSchema) },
  { additionalProperties: false },
);

/** Facilitators only: bring the member of a case opened about them into its conversation (DS14). */
export const BringInSchema = Type.Object({ alertId: IdSchema }, { additionalProperties: false });

/** A facilitator moves a case on: escalate (e.g. called the on-call contact) or resolve. */
export const UpdateDistressSchema = Type.Object(
  { alertId: IdSchema, action: Type.Union([Type.Literal('escalate'), Type.Literal('resolve')]) },
  { additionalProperties: false },
);

/** The only thing the member who raised an alert hears back, privately: that a facilitator has seen it. */
export const DistressSeenSchema = Type.Object({ alertId: IdSchema, at: Type.Number() });

/** [DS13] To the member who raised a request: a facilitator closed it (nothing about who or why). */
export const DistressClosedSchema = Type.Object({ alertId: IdSchema, at: Type.Number() });
