import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * Talk time is measured on each speaker's own microphone and reported by their client; the server is
 * the single authority on what is credited (it clamps every report, see server/src/modules/talk-time).
 *
 * Times are offsets back from the moment the report was sent, never wall-clock times: the client's
 * clock need not agree with the server's, and the server places each interval on its own clock.
 */
const AgoMs = Type.Integer({ minimum: 0, maximum: 120_000 });

/** A finished stretch of speech: it started `startAgoMs` and ended `endAgoMs` before the report. */
export const SpeakingIntervalSchema = Type.Object({ startAgoMs: AgoMs, endAgoMs: AgoMs }, { additionalProperties: false });
export type SpeakingInterval = Type.Static<typeof SpeakingIntervalSchema>;

export const TalkReportSchema = Type.Object(
  {
    intervals: Type.Array(SpeakingIntervalSchema, { maxItems: 50 }),
    /** Set while the speaker is still talking: the open interval began this long before the report. */
    speakingForMs: Type.Optional(AgoMs),
  },
  { additionalProperties: false },
);
export type TalkReport = Type.Static<typeof TalkReportSchema>;

/** Share of member talk time: a fraction 0..1, or null while no member has spoken. */
const Fraction = Type.Number({ minimum: 0, maximum: 1 });
const NullableFraction = Type.Union([Fraction, Type.Null()]);

/** One member as the facilitators' live view shows them ([TT5]: listed in join order, never ranked). */
export const MemberTalkSchema = Type.Object({
  participantId: IdSchema,
  displayName: Type.String(),
  talkMs: Type.Integer({ minimum: 0 }),
  /** This member's part of all member talk so far (null: no member has spoken yet). */
  share: NullableFraction,
  /** [TT3] 1/N of members present, weighted by time present (late joiners and leavers get less). */
  fairShare: Fraction,
  /** In the room right now. */
  present: Type.Boolean(),
});
export type MemberTalk = Type.Static<typeof MemberTalkSchema>;

/** Facilitators' and co-facilitators' own talk, kept apart from the members' shares. */
export const FacilitatorTalkSchema = Type.Object({
  participantId: IdSchema,
  displayName: Type.String(),
  talkMs: Type.Integer({ minimum: 0 }),
});
export type FacilitatorTalk = Type.Static<typeof FacilitatorTalkSchema>;

/** [TT6] Facilitators and co-facilitators only, at most once a second while anything changed. */
export const TalkStatsSchema = Type.Object({
  at: Type.Number(),
  members: Type.Array(MemberTalkSchema),
  facilitators: Type.Array(FacilitatorTalkSchema),
  memberTalkMs: Type.Integer({ minimum: 0 }),
  /** [TT4] Normalised Shannon entropy of the present members' shares; null when it cannot be said. */
  balance: NullableFraction,
  /** Members still present who have not spoken yet (ids; names are in `members`). */
  notSpokenYet: Type.Array(IdSchema),
  /** The group's setting: each member sees a private meter of their own share. */
  membersSeeOwnShare: Type.Boolean(),
});
export type TalkStats = Type.Static<typeof TalkStatsSchema>;

/** [TT7] Only to the member themselves, and only when the group allows it: their own figures, nobody else's. */
export const OwnTalkShareSchema = Type.Object({
  talkMs: Type.Integer({ minimum: 0 }),
  share: NullableFraction,
  fairShare: Fraction,
});
export type OwnTalkShare = Type.Static<typeof OwnTalkShareSchema>;
/** The `talk:own-share` fact: null when the facilitator turned members' meters off. */
export const OwnTalkShareFactSchema = Type.Object({ own: Type.Union([OwnTalkShareSchema, Type.Null()]) });
export type OwnTalkShareFact = Type.Static<typeof OwnTalkShareFactSchema>;

/** Facilitators: whether members see their own share (a group setting, kept for later sessions too). */
export const TalkSettingsSchema = Type.Object({ membersSeeOwnShare: Type.Boolean() }, { additionalProperties: false });
export type TalkSettings = Type.Static<typeof TalkSettingsSchema>;

/** The after-session summary (facilitator only). Members in join order; no score, no ranking. */
export const TalkSummarySchema = Type.Object({
  sessionId: IdSchema,
  status: Type.Union([Type.Literal('live'), Type.Literal('ended')]),
  members: Type.Array(
    Type.Object({
      participantId: IdSchema,
      displayName: Type.String(),
      talkMs: Type.Integer({ minimum: 0 }),
      share: NullableFraction,
      fairShare: Fraction,
      /** [TT8] Turns taken (see docs/spec.md for what counts as one). */
      turns: Type.Integer({ minimum: 0 }),
    }),
  ),
  facilitators: Type.Array(Type.Object({ participantId: IdSchema, displayName: Type.String(), talkMs: Type.Integer({ minimum: 0 }), turns: Type.Integer({ minimum: 0 }) })),
  memberTalkMs: Type.Integer({ minimum: 0 }),
  balance: NullableFraction,
  /** Balance of the talk so far, sampled through the session (oldest first). */
  balanceOverTime: Type.Array(Type.Object({ at: Type.Number(), balance: NullableFraction })),
  roundsHeld: Type.Integer({ minimum: 0 }),
});
export type TalkSummary = Type.Static<typeof TalkSummarySchema>;
