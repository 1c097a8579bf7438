import Type from 'typebox';

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
