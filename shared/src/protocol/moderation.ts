import Type from 'typebox';
import { IdSchema, RoleSchema } from './entities.js';

/**
 * The moderation set beyond mute and remove: the waiting room, mute everyone, ask to unmute, stop a
 * member's video, ban and the session lock. Commands carry only what the facilitator chose; who is
 * acted on, who is told and who may act always come from the server's records.
 * [MD1] No schema here can turn anyone's microphone or camera on: asking is all a facilitator can do.
 */

const strict = { additionalProperties: false } as const;

/** Who took an action, as the person it happened to is told ("Fran muted your microphone"). */
export const ModeratorSchema = Type.Object({ id: IdSchema, displayName: Type.String() });
export type Moderator = Type.Static<typeof ModeratorSchema>;

/** The session's admission settings, as everyone in the room sees them. */
export const ModerationSettingsSchema = Type.Object({
  /** Members wait until a facilitator admits them. */
  waitingRoom: Type.Boolean(),
  /** Nobody new may join; people already admitted can come back after a dropped connection. */
  locked: Type.Boolean(),
});
export type ModerationSettings = Type.Static<typeof ModerationSettingsSchema>;

export const SetWaitingRoomSchema = Type.Object({ enabled: Type.Boolean() }, strict);
export const SetLockSchema = Type.Object({ locked: Type.Boolean() }, strict);

/** Someone waiting to be admitted, as the facilitators see them. */
export const WaitingEntrySchema = Type.Object({
  participantId: IdSchema,
  displayName: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  since: Type.Number(),
});
export type WaitingEntry = Type.Static<typeof WaitingEntrySchema>;

/** What a waiting member sees while they wait. */
export const WaitingWelcomeSchema = Type.Object({
  status: Type.Union([Type.Literal('waiting'), Type.Literal('admitted')]),
  groupName: Type.String(),
  sessionTitle: Type.String(),
  /** The group's welcome text, set by the facilitator on the dashboard. */
  welcomeText: Type.Union([Type.String(), Type.Null()]),
});
export type WaitingWelcome = Type.Static<typeof WaitingWelcomeSchema>;

export const WaitingMessageBodySchema = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' });

/**
 * Private text between a waiting member and the facilitators. A waiting member omits `participantId`
 * (they can only write to the facilitators); a facilitator names the waiting member.
 */
export const SendWaitingMessageSchema = Type.Object(
  { participantId: Type.Optional(IdSchema), body: WaitingMessageBodySchema },
  strict,
);

/** Delivered to the session's facilitators and co-facilitators and to that waiting member, nobody else. */
export const WaitingMessageSchema = Type.Object({
  id: IdSchema,
  /** The waiting member the conversation is with. */
  waitingParticipantId: IdSchema,
  from: Type.Object({ id: IdSchema, displayName: Type.String(), role: RoleSchema }),
  body: Type.String(),
  sentAt: Type.Number(),
});
export type WaitingMessage = Type.Static<typeof WaitingMessageSchema>;

export const WaitingDecidedSchema = Type.Object({
  decision: Type.Union([Type.Literal('admitted'), Type.Literal('declined')]),
  /** Said kindly to the waiting member. */
  message: Type.String(),
});
export type WaitingDecided = Type.Static<typeof WaitingDecidedSchema>;

export const UnmuteAnswerSchema = Type.Object({ accepted: Type.Boolean() }, strict);

/** Only the member asked: a facilitator would like them to unmute; they decide. */
export const UnmuteRequestedSchema = Type.Object({ by: ModeratorSchema });
/** Facilitators only: how the member answered. */
export const UnmuteAnsweredSchema = Type.Object({ participantId: IdSchema, displayName: Type.String(), accepted: Type.Boolean() });
/** Only the member whose camera a facilitator stopped. */
export const VideoStoppedSchema = Type.Object({ by: ModeratorSchema });

/** Everyone in the room: the admission settings changed, and who changed them. */
export const SettingsChangedSchema = Type.Object({ settings: ModerationSettingsSchema, by: ModeratorSchema });

/** Facilitators only: the admission settings and who is waiting (asked on joining). */
export const ModerationStateSchema = Type.Object({ settings: ModerationSettingsSchema, waiting: Type.Array(WaitingEntrySchema) });
export type ModerationState = Type.Static<typeof ModerationStateSchema>;

/** The group's welcome text for its waiting room (dashboard). */
export const GroupWelcomeSchema = Type.Object({ welcomeText: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]) }, strict);
export type GroupWelcome = Type.Static<typeof GroupWelcomeSchema>;
