import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * Hands, the floor, go-rounds and private nudges (docs/spec.md, FL rules). Balancing is led by the
 * facilitator and kept private:
 * - facilitators see the queue of raised hands, in first-come or fair order, with each hand's waiting
 *   time and talk time (`floor:queue`); a member sees only their own hand and their own place (`hand:mine`);
 * - everyone sees who holds the floor and whose turn it is in a round (`floor:state`): in a circle
 *   that is public, like someone speaking;
 * - a nudge goes to its one recipient and its answer to the facilitator who sent it; nobody else learns of it.
 */

export const HandOrderSchema = Type.Union([Type.Literal('first_come'), Type.Literal('fair')]);
export type HandOrder = Type.Static<typeof HandOrderSchema>;

/** A raised hand as facilitators see it. Durations, not clock times, so the client's clock need not agree. */
export const QueuedHandSchema = Type.Object({
  participantId: IdSchema,
  displayName: Type.String(),
  /** How long the hand had been up when this was sent. */
  waitedMs: Type.Integer({ minimum: 0 }),
  /** Talk time credited to them this session when this was sent. */
  spokenMs: Type.Integer({ minimum: 0 }),
});
export type QueuedHand = Type.Static<typeof QueuedHandSchema>;

/** Facilitators only: the raised hands (in the order they were raised) and the order chosen. */
export const HandQueueSchema = Type.Object({ order: HandOrderSchema, hands: Type.Array(QueuedHandSchema) });
export type HandQueue = Type.Static<typeof HandQueueSchema>;

/** Only the hand's owner: whether it is up and their place in the queue (1 = next), nothing about anyone else. */
export const MyHandSchema = Type.Object({
  raised: Type.Boolean(),
  place: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Why it went down, when it did: they lowered it, a facilitator did, or they started speaking with the floor. */
  lowered: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('facilitator'), Type.Literal('spoke')])),
});
export type MyHand = Type.Static<typeof MyHandSchema>;

export const RoundKindSchema = Type.Union([Type.Literal('check_in'), Type.Literal('check_out'), Type.Literal('other')]);
export type RoundKind = Type.Static<typeof RoundKindSchema>;
export const RoundOrderSchema = Type.Union([Type.Literal('queue'), Type.Literal('join'), Type.Literal('shuffled')]);
export type RoundOrder = Type.Static<typeof RoundOrderSchema>;

export const StartRoundSchema = Type.Object(
  {
    kind: RoundKindSchema,
    prompt: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    /** `queue`: raised hands first (in the queue's order), then everyone else by join order. */
    order: RoundOrderSchema,
    /** The soft timer per turn; absent: no timer. Never mutes anyone by itself. */
    turnSeconds: Type.Optional(Type.Integer({ minimum: 15, maximum: 900 })),
    /** Others are muted during each turn (by the server; LiveKit permissions in LiveKit mode). */
    floorControl: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type StartRound = Type.Static<typeof StartRoundSchema>;

/** A go-round as the room sees it. */
export const RoundViewSchema = Type.Object({
  id: IdSchema,
  kind: RoundKindSchema,
  prompt: Type.Union([Type.String(), Type.Null()]),
  /** Whose turn it is (null between turns: never for long). */
  currentId: Type.Union([IdSchema, Type.Null()]),
  /** Whether the current speaker is being offered the floor again after passing earlier. */
  again: Type.Boolean(),
  /** Still to speak, in order; those who passed are offered the floor again after them. */
  upcoming: Type.Array(IdSchema),
  /** Those who passed and will be offered the floor again at the end (in that order). */
  returning: Type.Array(IdSchema),
  turnSeconds: Type.Union([Type.Integer(), Type.Null()]),
  /** Time left on the current turn's soft timer when this was sent (negative: over time). */
  turnLeftMs: Type.Union([Type.Integer(), Type.Null()]),
});
export type RoundView = Type.Static<typeof RoundViewSchema>;

/** Everyone in the room: who holds the floor, whether floor control is on, and the round if one is running. */
export const FloorStateSchema = Type.Object({
  holderId: Type.Union([IdSchema, Type.Null()]),
  floorControl: Type.Boolean(),
  round: Type.Union([RoundViewSchema, Type.Null()]),
});
export type FloorState = Type.Static<typeof FloorStateSchema>;

export const ReorderRoundSchema = Type.Object(
  { participantIds: Type.Array(IdSchema, { minItems: 1, maxItems: 64 }) },
  { additionalProperties: false },
);

export const NudgeKindSchema = Type.Union([
  /** To someone who has spoken a lot: kindly making space for others. */
  Type.Literal('make_space'),
  /** To someone quiet: an invitation to share, which they may accept (their hand goes up) or decline. */
  Type.Literal('invite'),
]);
export type NudgeKind = Type.Static<typeof NudgeKindSchema>;

export const NudgeTextSchema = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });

export const SendNudgeSchema = Type.Object(
  { participantId: IdSchema, kind: NudgeKindSchema, text: Type.Optional(NudgeTextSchema) },
  { additionalProperties: false },
);

export const NudgeWordingSchema = Type.Object({ makeSpace: NudgeTextSchema, invite: NudgeTextSchema }, { additionalProperties: false });
export type NudgeWording = Type.Static<typeof NudgeWordingSchema>;

export const DefaultNudgeWording: NudgeWording = {
  makeSpace: "We've heard a lot from you today — thank you. I'd like to make some space for others now.",
  invite: "We'd love to hear from you if you'd like to share. No pressure — you can pass.",
};

/** Only the recipient. `from` is the facilitator who sent it; no one else is told. */
export const NudgeReceivedSchema = Type.Object({
  nudgeId: IdSchema,
  kind: NudgeKindSchema,
  text: Type.String(),
  from: Type.Object({ id: IdSchema, displayName: Type.String() }),
});
export type NudgeReceived = Type.Static<typeof NudgeReceivedSchema>;

export const NudgeAnswerSchema = Type.Union([Type.Literal('accept'), Type.Literal('decline')]);
export type NudgeAnswer = Type.Static<typeof NudgeAnswerSchema>;

export const AnswerNudgeSchema = Type.Object({ nudgeId: IdSchema, answer: NudgeAnswerSchema }, { additionalProperties: false });

/** Only the facilitator who sent the nudge. */
export const NudgeAnsweredSchema = Type.Object({
  nudgeId: IdSchema,
  participantId: IdSchema,
  kind: NudgeKindSchema,
  answer: NudgeAnswerSchema,
});
export type NudgeAnswered = Type.Static<typeof NudgeAnsweredSchema>;
