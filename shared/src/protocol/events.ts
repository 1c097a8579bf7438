import Type, { type TSchema } from 'typebox';
import { ApiErrorSchema } from './errors.js';
import { MovePhaseSchema, SessionAgendaSchema } from './agenda.js';
import { ChatMessageSchema, ChatModeChangedSchema, ChatModeSchema, ChatRemovedSchema, RemoveChatSchema, SendChatSchema, SetChatModeSchema } from './chat.js';
import { MediaKeySchema } from './media-key.js';
import { AsideAwaySchema, AsideEndedSchema, AsideStartedSchema, EndAsideSchema, StartAsideSchema } from './aside.js';
import { BackchannelMessageSchema, CaseHistorySchema, CaseMessageFactSchema, CaseMessageSchema, PrivateMessageSchema } from './conversations.js';
import { DistressClosedSchema } from './distress.js';
import { AcknowledgeDistressSchema, AmendDistressSchema, BringInSchema, DistressAlertSchema, DistressSeenSchema, OpenDistressSchema, RaiseDistressSchema, UpdateDistressSchema } from './distress.js';
import { OwnTalkShareFactSchema, TalkReportSchema, TalkSettingsSchema, TalkStatsSchema } from './talk-time.js';
import {
  ModerationSettingsSchema, ModerationStateSchema, SendWaitingMessageSchema, SetLockSchema, SetWaitingRoomSchema, SettingsChangedSchema,
  UnmuteAnsweredSchema, UnmuteAnswerSchema, UnmuteRequestedSchema, VideoStoppedSchema, WaitingDecidedSchema, WaitingEntrySchema,
  WaitingMessageSchema, WaitingWelcomeSchema,
} from './moderation.js';
import {
  AnswerNudgeSchema, FloorStateSchema, HandOrderSchema, HandQueueSchema, MyHandSchema, NudgeAnsweredSchema, NudgeReceivedSchema,
  NudgeWordingSchema, ReorderRoundSchema, SendNudgeSchema, StartRoundSchema,
} from './floor.js';
import { DisplayNameSchema, IdSchema, MediaAccessSchema, ParticipantSchema } from './entities.js';
import { ReactionSettingsSchema, ReactionShownSchema, SendReactionSchema } from './reactions.js';
import {
  ConsentEntrySchema, DecideProposalSchema, ProposalSchema, ProposeRuleSchema, RespondToProposalSchema, RevisitRequestSchema, RuleSetSchema,
  RuleSpotlightSchema, RuleTargetSchema,
} from './rules.js';

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
      /**
       * [SV5] Ids this client sends its media to without showing them: the hidden supervisor, as a bare
       * id with no name, for members only (staff see the supervisor in `participants`). Kept current
       * by `media:hidden-peers`. Optional, so older servers and test doubles are unaffected.
       */
      hiddenMediaPeers: Type.Optional(Type.Array(IdSchema)),
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
  /** Facilitators only: the session's admission settings and who is waiting (asked right after joining). */
  'moderation:state': { payload: Empty, result: ModerationStateSchema },
  /** Facilitators only: whether members wait to be admitted. Everyone in the room gets `moderation:settings`. */
  'moderation:waiting-room': { payload: SetWaitingRoomSchema, result: Type.Object({ settings: ModerationSettingsSchema }) },
  /** Facilitators only: lock or unlock the session to new joins. Everyone in the room gets `moderation:settings`. */
  'moderation:lock': { payload: SetLockSchema, result: Type.Object({ settings: ModerationSettingsSchema }) },
  /** Facilitators only: mute everyone but the facilitators; each muted member gets `moderation:muted` (everyone). */
  'moderation:mute-all': { payload: Empty, result: Type.Object({ muted: Type.Array(ParticipantSchema) }) },
  /** Facilitators only: ask one member to unmute. Only they get `moderation:unmute-requested`; they decide. */
  'moderation:ask-unmute': { payload: Target, result: Empty },
  /** The member asked: their answer (an accepted ask is followed by their own `media:state`). */
  'moderation:answer-unmute': { payload: UnmuteAnswerSchema, result: Empty },
  /** Facilitators only: stop a member's camera; only they can turn it back on. */
  'moderation:stop-video': { payload: Target, result: Type.Object({ participant: ParticipantSchema }) },
  /** Facilitators only: remove, and refuse this person's credential and link for the rest of the session. */
  'moderation:ban': { payload: Target, result: Empty },
  /** Someone refused `admission_required` at `room:join`: wait here (no join needed) until admitted or declined. */
  'waiting:enter': { payload: Empty, result: WaitingWelcomeSchema },
  /** Facilitators only: let a waiting member in (`waiting:decided` admitted; they then send `room:join`). */
  'waiting:admit': { payload: Target, result: Empty },
  /** Facilitators only: decline a waiting member, kindly (`waiting:decided` declined). */
  'waiting:decline': { payload: Target, result: Empty },
  /** A waiting member to the facilitators, or a facilitator to a waiting member. */
  'waiting:message': { payload: SendWaitingMessageSchema, result: Type.Object({ message: WaitingMessageSchema }) },
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
  /**
   * [DS15] Only the member who raised the request, only while it is open: the level and note that follow the
   * one-tap request. Facilitators receive `distress:updated`; nobody else hears of it.
   */
  'distress:amend': { payload: AmendDistressSchema, result: Type.Object({ alertId: IdSchema }) },
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
  /**
   * Facilitators only. [DS14] Brings the member of a case opened about them into its conversation: what
   * facilitators write from then on reaches them (nothing written before does). Idempotent.
   */
  'case:bring-in': { payload: BringInSchema, result: Type.Object({ alert: DistressAlertSchema }) },
  'case:message': { payload: CaseMessageSchema, result: Type.Object({ message: PrivateMessageSchema }) },
  'case:history': { payload: CaseHistorySchema, result: Type.Object({ messages: Type.Array(PrivateMessageSchema) }) },
  /** Facilitators only: text among the session's facilitators and co-facilitators. */
  'backchannel:message': { payload: BackchannelMessageSchema, result: Type.Object({ message: PrivateMessageSchema }) },
  'backchannel:history': { payload: Empty, result: Type.Object({ messages: Type.Array(PrivateMessageSchema) }) },
  /** Anyone in the room: the group's current ground rules; facilitators also get who has consented. */
  'rules:get': {
    payload: Empty,
    result: Type.Object({
      ruleSet: Type.Union([RuleSetSchema, Type.Null()]),
      consents: Type.Union([Type.Array(ConsentEntrySchema), Type.Null()]),
      /** This session's proposals, newest last. */
      proposals: Type.Array(ProposalSchema),
    }),
  },
  /** Facilitators only: show one rule to everyone in the room (`rules:spotlighted`). */
  'rules:spotlight': { payload: RuleTargetSchema, result: Type.Object({}) },
  /** Anyone in the room: ask the facilitators, anonymously, to revisit a rule (`rules:revisit-requested`). */
  'rules:revisit': { payload: RuleTargetSchema, result: Type.Object({}) },
  /** Anyone in the room: propose a new rule, or new wording for one (`ruleId`). Everyone gets `rules:proposal`. */
  'rules:propose': { payload: ProposeRuleSchema, result: Type.Object({ proposal: ProposalSchema }) },
  /** Anyone in the room: agree, or raise a concern (one response per person; a new one replaces it). */
  'rules:respond': { payload: RespondToProposalSchema, result: Type.Object({ proposal: ProposalSchema }) },
  /** Facilitators only: adopt (a new version of the rules, `rules:updated`) or set aside. */
  'rules:decide': { payload: DecideProposalSchema, result: Type.Object({ proposal: ProposalSchema }) },
  /** Anyone in the room: the session's agenda and current phase (asked right after joining). */
  'agenda:get': { payload: Empty, result: Type.Object({ agenda: SessionAgendaSchema }) },
  /** Facilitators only: move to the next, previous or a named phase. Everyone gets `agenda:phase`. */
  'agenda:move': { payload: MovePhaseSchema, result: Type.Object({ agenda: SessionAgendaSchema }) },
  /**
   * Facilitators only. A private audio/video conversation with the member of an open request; the
   * server takes both people from its records. Moves the request into conversation.
   */
  'aside:start': { payload: StartAsideSchema, result: Type.Object({ aside: AsideStartedSchema, alertId: IdSchema }) },
  /** Either person in an aside ends it (no payload), or any facilitator ends a named participant's. */
  'aside:end': { payload: EndAsideSchema, result: Empty },
  /**
   * Anyone who publishes audio: the speaking intervals their own client detected since the last report
   * (sent about every 250 ms while there is something to say). The server clamps and credits them.
   */
  'talk:report': { payload: TalkReportSchema, result: Empty },
  /** Facilitators: let each member see a private meter of their own share (a group setting). */
  'talk:settings': { payload: TalkSettingsSchema, result: TalkSettingsSchema },
  /** Anyone in the room (not the supervisor): raise or lower their own hand. Facilitators get `floor:queue`. */
  'hand:raise': { payload: Empty, result: Type.Object({ hand: MyHandSchema }) },
  'hand:lower': { payload: Empty, result: Type.Object({ hand: MyHandSchema }) },
  /** Facilitators only: lower one hand (`participantId`) or all hands (no payload field). */
  'hands:lower': { payload: Type.Object({ participantId: Type.Optional(IdSchema) }, { additionalProperties: false }), result: Type.Object({ queue: HandQueueSchema }) },
  /** Facilitators only: first-come or fair order for the queue (and members' places). */
  'hands:order': { payload: Type.Object({ order: HandOrderSchema }, { additionalProperties: false }), result: Type.Object({ queue: HandQueueSchema }) },
  /** Facilitators only: offer the floor to someone in the room. Everyone gets `floor:state`. */
  'floor:give': { payload: Target, result: Type.Object({ floor: FloorStateSchema }) },
  /** The holder hands the floor back, or a facilitator takes it back. */
  'floor:release': { payload: Empty, result: Type.Object({ floor: FloorStateSchema }) },
  /** Facilitators only: while on, only the member holding the floor may turn their microphone on. */
  'floor:control': { payload: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }), result: Type.Object({ floor: FloorStateSchema }) },
  /** Facilitators only: start a go-round (check-in, check-out, other). */
  'round:start': { payload: StartRoundSchema, result: Type.Object({ floor: FloorStateSchema }) },
  /** The current speaker only: pass (offered the floor again at the end, once). */
  'round:pass': { payload: Empty, result: Type.Object({ floor: FloorStateSchema }) },
  /** The current speaker (finished), or a facilitator (move on to the next turn). */
  'round:done': { payload: Empty, result: Type.Object({ floor: FloorStateSchema }) },
  /** Facilitators only: skip the current speaker (not offered again), reorder who is still to come, end the round. */
  'round:skip': { payload: Empty, result: Type.Object({ floor: FloorStateSchema }) },
  'round:reorder': { payload: ReorderRoundSchema, result: Type.Object({ floor: FloorStateSchema }) },
  'round:end': { payload: Empty, result: Type.Object({ floor: FloorStateSchema }) },
  /** Facilitators only: a private nudge or invitation to one person (`text` absent: the group's wording). */
  'nudge:send': { payload: SendNudgeSchema, result: Type.Object({ nudgeId: IdSchema }) },
  /** Only the nudge's recipient, once: accept (an invitation raises their hand) or decline. */
  'nudge:answer': { payload: AnswerNudgeSchema, result: Empty },
  /** Facilitators only: the group's nudge wording (the defaults until saved), and saving it. */
  'nudge:wording': { payload: Empty, result: Type.Object({ wording: NudgeWordingSchema }) },
  'nudge:set-wording': { payload: NudgeWordingSchema, result: Type.Object({ wording: NudgeWordingSchema }) },
  /**
   * [CH1]-[CH3] Group chat. Anyone in the room may write while the mode lets them (the sender is taken
   * from the socket); `chat_off` when the chat is off, `not_allowed` for a member while it is for facilitators.
   */
  'chat:send': { payload: SendChatSchema, result: Type.Object({ message: ChatMessageSchema }) },
  /** Facilitators only: [CH5] remove a message for everyone who had it (`chat:removed`). */
  'chat:remove': { payload: RemoveChatSchema, result: Empty },
  /** Facilitators only: who may write and read. Everyone in the room gets `chat:mode`. */
  'chat:mode': { payload: SetChatModeSchema, result: Type.Object({ mode: ChatModeSchema }) },
  /** Anyone in the room (the supervisor too): the mode and what the sender may read (asked after joining). */
  'chat:history': { payload: Empty, result: Type.Object({ mode: ChatModeSchema, messages: Type.Array(ChatMessageSchema) }) },
  /** [RX1] Anyone in the room but the hidden supervisor, while the group has reactions on: everyone gets `reaction:shown`. */
  'reaction:send': { payload: SendReactionSchema, result: Empty },
  /** [RX3] Facilitators only: turn the group's reactions on or off. Everyone in the room gets `reactions:settings`. */
  'reactions:settings': { payload: ReactionSettingsSchema, result: ReactionSettingsSchema },
} as const satisfies Record<string, { payload: TSchema; result: TSchema }>;

export const ServerFacts = {
  'participant:joined': ParticipantSchema,
  'participant:updated': ParticipantSchema,
  /** [SV5] Members only: the current `hiddenMediaPeers` (the supervisor came or went); ids, never names. */
  'media:hidden-peers': Type.Object({ participantIds: Type.Array(IdSchema) }),
  'participant:left': Type.Object({
    participantId: IdSchema,
    reason: Type.Union([Type.Literal('left'), Type.Literal('removed'), Type.Literal('disconnected')]),
  }),
  /** Sent only to the participant who was muted. */
  'moderation:muted': Type.Object({
    by: Type.Object({ id: IdSchema, displayName: Type.String() }),
    /** Set when the facilitator muted everyone but the facilitators, so the member knows it was not about them. */
    everyone: Type.Optional(Type.Boolean()),
    /** Set when floor control muted them: only the person with the floor speaks until it is handed on. */
    floor: Type.Optional(Type.Boolean()),
  }),
  /** Only the member asked: a facilitator would like them to unmute (they choose Unmute or Not now). */
  'moderation:unmute-requested': UnmuteRequestedSchema,
  /** Facilitators and co-facilitators only: the member's answer to an ask to unmute. */
  'moderation:unmute-answered': UnmuteAnsweredSchema,
  /** Only the member whose camera a facilitator stopped. */
  'moderation:video-stopped': VideoStoppedSchema,
  /** Everyone in the room: the waiting room or the lock was switched, and by whom. */
  'moderation:settings': SettingsChangedSchema,
  /** Facilitators and co-facilitators only: who is waiting now. */
  'waiting:updated': Type.Object({ waiting: Type.Array(WaitingEntrySchema) }),
  /** The facilitators and co-facilitators and the one waiting member concerned. */
  'waiting:message': WaitingMessageSchema,
  /** Only the waiting member: admitted (join now) or declined. */
  'waiting:decided': WaitingDecidedSchema,
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
  /** Only the member who raised the request (never for a case a facilitator opened about them): it was closed. */
  'distress:closed': DistressClosedSchema,
  /** Everyone in the room, the sender included: a facilitator spotlighted this rule. */
  'rules:spotlighted': RuleSpotlightSchema,
  /** Facilitators and co-facilitators only, with no trace of who asked. */
  'rules:revisit-requested': RevisitRequestSchema,
  /** Everyone in the room: a proposal was made, answered, adopted or set aside. */
  'rules:proposal': ProposalSchema,
  /** Everyone in the room: the rules have a new version (adopted in the session). */
  'rules:updated': RuleSetSchema,
  /** Everyone in the room, the facilitator who moved included: the session is now in this phase. */
  'agenda:phase': SessionAgendaSchema,
  /**
   * [LE4] Everyone in the room, and only them, after someone was removed or banned from a session whose
   * media is end-to-end encrypted: the session's new key, to encrypt with from now on.
   */
  'media:key': MediaKeySchema,
  /** Only the two people in a pull-aside. */
  'aside:started': AsideStartedSchema,
  'aside:ended': AsideEndedSchema,
  /** Everyone in the session: who is away for a moment (nothing about why). */
  'aside:away': AsideAwaySchema,
  /** [TT6] Facilitators and co-facilitators only: the live talk-time view (at most once a second). */
  'talk:stats': TalkStatsSchema,
  /** [TT7] One member only, when the group allows it: their own share, nobody else's. */
  'talk:own-share': OwnTalkShareFactSchema,
  /** Everyone in the room: who holds the floor, floor control, the round. */
  'floor:state': FloorStateSchema,
  /** [FL2] Facilitators and co-facilitators only: the raised hands. */
  'floor:queue': HandQueueSchema,
  /** [FL2] Only the hand's owner: their own hand and place. */
  'hand:mine': MyHandSchema,
  /** [FL9] Only the recipient of a private nudge. */
  'nudge:received': NudgeReceivedSchema,
  /** [FL10] Only the facilitator who sent the nudge. */
  'nudge:answered': NudgeAnsweredSchema,
  /** [CH1] [CH2] Those who may read it: everyone in the room, or only the facilitators and the supervisor. */
  'chat:message': ChatMessageSchema,
  /** [CH5] Whoever the removed message was written for (only its id: nothing of what it said). */
  'chat:removed': ChatRemovedSchema,
  /** Everyone in the room: the chat is now for everyone, for facilitators only, or off. */
  'chat:mode': ChatModeChangedSchema,
  /** [RX2] Everyone in the room, the sender included: shown briefly beside the person; never stored or counted. */
  'reaction:shown': ReactionShownSchema,
  /** [RX3] Everyone in the room: the group's reactions setting, on joining and when a facilitator changes it. */
  'reactions:settings': ReactionSettingsSchema,
  /**
   * [RS1] Everyone connected, as the server stops gracefully (a deploy, SIGTERM): the connection is about
   * to close and the client should reconnect by itself and rejoin with its credential. Never final.
   */
  'server:restarting': Type.Object({ message: Type.String() }),
  /**
   * [ND3] This node is stopping (several nodes behind one address): the connection closes next and the
   * client reconnects by itself, reaching another node, where it joins again with its credential. Never final.
   */
  'server:moving': Type.Object({ message: Type.String() }),
  /** Sent to a participant whose place in the room has ended; the server then disconnects them. */
  'room:closed': Type.Object({
    reason: Type.Union([Type.Literal('removed'), Type.Literal('session_ended'), Type.Literal('replaced'), Type.Literal('banned'), Type.Literal('observation_off')]),
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
