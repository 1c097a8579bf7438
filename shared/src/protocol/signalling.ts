import Type from 'typebox';
import { ApiErrorSchema } from './errors.js';
import { IdSchema } from './entities.js';

/**
 * Messages on the WebSocket signalling endpoint (`GET /api/signal?ticket=...`) used by the mesh.
 * The server relays a message only between admitted participants of the same session, and stamps
 * `from` itself: a client names the peer it addresses, never who it is.
 */

/**
 * [SG4] How big a signalling message may be, defined once here: the schema's field limits below, and the
 * WebSocket frame limit the server gives `ws` (`maxPayload`), derived from them. Measured with
 * `npm run bench:signal` (6 people in Chromium, 2026-12-03): SDPs up to 11,539 characters, candidates up to
 * 126, frames up to 12,354 bytes; the limits leave room for other browsers, more codecs and m-lines.
 */
export const SignalLimits = {
  sdpChars: 64_000,
  candidateChars: 1_000,
  /** Twice the SDP limit: JSON turns each CRLF into four bytes, so even an SDP of nothing but line ends fits. */
  frameBytes: 2 * 64_000,
} as const;

export const SessionDescriptionSchema = Type.Object({
  type: Type.Union([Type.Literal('offer'), Type.Literal('answer'), Type.Literal('pranswer'), Type.Literal('rollback')]),
  sdp: Type.Optional(Type.String({ maxLength: SignalLimits.sdpChars })),
});

export const IceCandidateSchema = Type.Object({
  candidate: Type.String({ maxLength: SignalLimits.candidateChars }),
  sdpMid: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  sdpMLineIndex: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  usernameFragment: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
});

/**
 * Which peer connection a signal belongs to: the group's (absent) or a pull-aside's. The server relays
 * `aside` only between the two people of an active aside (shared/src/protocol/aside.ts).
 */
export const SignalChannelSchema = Type.Literal('aside');

export const SignalOutSchema = Type.Object(
  {
    type: Type.Literal('signal'),
    to: IdSchema,
    channel: Type.Optional(SignalChannelSchema),
    description: Type.Optional(SessionDescriptionSchema),
    candidate: Type.Optional(Type.Union([IceCandidateSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type SignalOut = Type.Static<typeof SignalOutSchema>;

export const SignalInSchema = Type.Union([
  Type.Object({
    type: Type.Literal('signal'),
    from: IdSchema,
    channel: Type.Optional(SignalChannelSchema),
    description: Type.Optional(SessionDescriptionSchema),
    candidate: Type.Optional(Type.Union([IceCandidateSchema, Type.Null()])),
  }),
  Type.Object({ type: Type.Literal('ready'), participantId: IdSchema }),
  Type.Object({ type: Type.Literal('error'), error: ApiErrorSchema }),
]);
export type SignalIn = Type.Static<typeof SignalInSchema>;

/** WebSocket close codes the signalling endpoint uses (4000-4999 are for applications). */
export const SignalCloseCode = {
  badTicket: 4401,
  replaced: 4409,
  removed: 4403,
  /**
   * [SG5] The sender spent its message or byte budget (server/src/modules/signalling/signal-budget.ts);
   * nothing past the budget was relayed.
   */
  overBudget: 4429,
  /**
   * [SG4] A frame larger than SignalLimits.frameBytes: RFC 6455's "message too big", sent by `ws` itself
   * before the frame is read in full (so it carries no reason text). Nothing of it is relayed.
   */
  tooBig: 1009,
  /**
   * [RS1] RFC 6455's "service restart": a graceful stop closes signalling after `server:restarting`; the
   * client treats it as a lost connection and sets up media again once it has rejoined.
   */
  serviceRestart: 1012,
} as const;
