import Type, { type TSchema } from 'typebox';
import { ApiErrorSchema } from './errors.js';
import { BackchannelMessageSchema, CaseHistorySchema, CaseMessageFactSchema, CaseMessageSchema, PrivateMessageSchema } from './conversations.js';
import { AcknowledgeDistressSchema, DistressAlertSchema, DistressSeenSchema, OpenDistressSchema, RaiseDistressSchema, UpdateDistressSchema } from './distress.js';
import { DisplayNameSchema, IdSchema, MediaAccessSchema, ParticipantSchema } from './entities.js';

/**
 * The one list of socket.io events. Commands go client -> server and are answered through the ack
 * with `{ ok: true, ...result }` or `{ ok: false, error }`. Facts go server -> client.
 * Both sides validate against these schemas at runtime; TypeScript types are derived from them.
 */

const Empty = Type.Object({}, { additionalProperties: false });
const Target = Type.Object({ participantId: IdSchema }, { additionalProperties: false });

export const ClientCommands = {
  /** Enter the room of the session the handshake credential belongs to. */
  'room:join': {
    payload: Type.Object(
      {
        displayName: Type.Optional(DisplayNameSchema),
        audio: Type.Boolean(),
        video: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    result: Type.Object({
      self: ParticipantSchema,
      participants: Type.Array(ParticipantSchema),
      session: Type.Object({ id: IdSchema, title: Type.String(), groupName: Type.String() }),
      media: MediaAccessSchema,
      /** The group's support details; `emergencyContacts` is null for anyone who is not a facilitator. */
      support: Type.Object({
        crisisResources: Type.Union([Type.String(), Type.Null()]),
        emergencyContacts: Type.Union([Type.String(), Type.Null()]),
      }),
    }),
  },
  'room:leave': { payload: Empty, result: Empty },
  /** The sender's own microphone and camera state. Only the participant can turn their own media on. */
  'media:state': {
    payload: Type.Object({ audio: Type.Boolean(), video: Type.Boolean() }, { additionalProperties: false }),
    result: Type.Object({ self: ParticipantSchema }),
  },
  /** Facilitators only. Mutes another participant; there is deliberately no unmute command. */
  'moderation:mute': { payload: Target, result: Type.Object({ participant: ParticipantSchema }) },
  /** Facilitators only. The participant leaves and their credential no longer works for this session. */
  'moderation:remove': { payload: Target, result: Empty },
  /**
   * Anyone in the room. Private: nobody but facilitators learns of it. The ack comes only after the
   * alert is stored, so "sent" on the member's screen means it cannot be lost.
   */
  'distress:raise': {
    payload: RaiseDistressSchema,
    result: Type.Object({
      alertId: IdSchema,
      raisedAt: Type.Number(),
      /** The group's crisis resources, shown to the member at once, privately. */
      crisisResources: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  /** Facilitators only. Marks the alert seen; the member is told quietly, other facilitators see who took it. */
  'distress:acknowledge': { payload: AcknowledgeDistressSchema, result: Type.Object({ alert: DistressAlertSchema }) },
  /** Facilitators only. A case about a member in the room; the member is not told. Others facilitators get `distress:alert`. */
  'distress:open': { payload: OpenDistressSchema, result: Type.Object({ alert: DistressAlertSchema }) },
  /** Facilitators only. Escalate or resolve a case; every facilitator receives `distress:updated`. */
  'distress:update': { payload: UpdateDistressSchema, result: Type.Object({ alert: DistressAlertSchema }) },
  /**
   * The member who raised the request, or a facilitator. A facilitator's first message acknowledges the
   * request if nobody had, and marks it in conversation.
   */
  'case:message': { payload: CaseMessageSchema, result: Type.Object({ message: PrivateMessageSchema }) },
  'case:history': { payload: CaseHistorySchema, result: Type.Object({ messages: Type.Array(PrivateMessageSchema) }) },
  /** Facilitators only: text among the session's facilitators and co-facilitators. */
  'backchannel:message': { payload: BackchannelMessageSchema, result: Type.Object({ message: PrivateMessageSchema }) },
  'backchannel:history': { payload: Empty, result: Type.Object({ messages: Type.Array(PrivateMessageSchema) }) },
} as const satisfies Record<string, { payload: TSchema; result: TSchema }>;

export const ServerFacts = {
  'participant:joined': ParticipantSchema,
  'participant:updated': ParticipantSchema,
  'participant:left': Type.Object({
    participantId: IdSchema,
    reason: Type.Union([Type.Literal('left'), Type.Literal('removed'), Type.Literal('disconnected')]),
  }),
  /** Sent only to the participant who was muted. */
  'moderation:muted': Type.Object({ by: Type.Object({ id: IdSchema, displayName: Type.String() }) }),
  /** Facilitators only: a new alert, or an unacknowledged one re-delivered when they (re)join. */
  'distress:alert': DistressAlertSchema,
  /** Facilitators only: an alert was acknowledged (by whom), so the others know it is in hand. */
  'distress:acknowledged': DistressAlertSchema,
  /**
   * Facilitators only, as the session ends: every case still open, so whoever carries on knows what to
   * follow up (the same list stays readable on the dashboard).
   */
  'distress:handover': Type.Object({ openCases: Type.Array(DistressAlertSchema) }),
  /** Facilitators only: a case was escalated or resolved. */
  'distress:updated': DistressAlertSchema,
  /** The member who raised the request and the session's facilitators. */
  'case:message': CaseMessageFactSchema,
  /** The session's facilitators and co-facilitators only. */
  'backchannel:message': PrivateMessageSchema,
  /** Only the member who raised the alert: a facilitator has seen it. */
  'distress:seen': DistressSeenSchema,
  /** Sent to a participant whose place in the room has ended; the server then disconnects them. */
  'room:closed': Type.Object({
    reason: Type.Union([Type.Literal('removed'), Type.Literal('session_ended'), Type.Literal('replaced')]),
    message: Type.String(),
  }),
} as const satisfies Record<string, TSchema>;

export type ClientCommandName = keyof typeof ClientCommands;
export type ServerFactName = keyof typeof ServerFacts;
export type CommandPayload<E extends ClientCommandName> = Type.Static<(typeof ClientCommands)[E]['payload']>;
export type CommandResult<E extends ClientCommandName> = Type.Static<(typeof ClientCommands)[E]['result']>;
export type FactPayload<E extends ServerFactName> = Type.Static<(typeof ServerFacts)[E]>;

export const AckFailSchema = Type.Object({ ok: Type.Literal(false), error: ApiErrorSchema });

export type CommandAck<E extends ClientCommandName> =
  | ({ ok: true } & CommandResult<E>)
  | { ok: false; error: Type.Static<typeof ApiErrorSchema> };

/** socket.io typing derived from the list above (no second source of truth). */
export type ClientToServerEvents = {
  [E in ClientCommandName]: (payload: CommandPayload<E>, ack: (result: CommandAck<E>) => void) => void;
};
export type ServerToClientEvents = {
  [E in ServerFactName]: (payload: FactPayload<E>) => void;
};

/** What the client puts in the socket.io handshake `auth` field. */
export const HandshakeAuthSchema = Type.Object({
  protocolVersion: Type.Integer(),
  /** The participant credential returned by invite redemption or by a facilitator entering. */
  token: Type.String({ minLength: 16, maxLength: 200 }),
});
export type HandshakeAuth = Type.Static<typeof HandshakeAuthSchema>;

/** `connect_error` data the server attaches when it refuses a handshake. */
export type HandshakeRefusal = Type.Static<typeof ApiErrorSchema>;
