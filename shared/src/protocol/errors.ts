import Type from 'typebox';

/**
 * Every expected failure, on the wire and over HTTP, carries one of these codes.
 * Clients branch on the code; the message is for people and never contains internals.
 */
export const ErrorCode = {
  invalidPayload: 'invalid_payload',
  notAllowed: 'not_allowed',
  notFound: 'not_found',
  unauthenticated: 'unauthenticated',
  protocolMismatch: 'protocol_mismatch',
  inviteInvalid: 'invite_invalid',
  inviteExpired: 'invite_expired',
  inviteRevoked: 'invite_revoked',
  inviteUsedUp: 'invite_used_up',
  removed: 'removed',
  sessionEnded: 'session_ended',
  roomFull: 'room_full',
  notInRoom: 'not_in_room',
  /** A member has not yet agreed to the group's current ground rules (see `POST /api/room/rules/consent`). */
  consentRequired: 'consent_required',
  /** A facilitator banned this person from the session: their credential and link no longer work. */
  banned: 'banned',
  /** The session is locked to new joins (people already admitted may come back). */
  sessionLocked: 'session_locked',
  /** The session has a waiting room: send `waiting:enter` and wait to be admitted. */
  admissionRequired: 'admission_required',
  /** [SV6] The group has turned observation off: no supervisor may join or stay in its sessions. */
  observationOff: 'observation_off',
  /** The media server (LiveKit) did not confirm a moderation action; nothing was changed. */
  mediaUnavailable: 'media_unavailable',
  /** [CH3] A facilitator has turned the group chat off: nothing can be sent until they turn it back on. */
  chatOff: 'chat_off',
  /** [AC5] A password reset link that matches no link Hearth made (mistyped, or cleared away since). */
  resetLinkInvalid: 'reset_link_invalid',
  /** [AC5] A password reset link past its time (an hour; a new account's link, three days). */
  resetLinkExpired: 'reset_link_expired',
  /** [AC5] A password reset link that has already set a password. */
  resetLinkUsed: 'reset_link_used',
  /** [AC8] The operator disabled this facilitator account: it cannot sign in or use a sign-in it had. */
  accountDisabled: 'account_disabled',
  conflict: 'conflict',
  /** [ND3] This server node is stopping: connect again (the address leads to another node) and join there. */
  draining: 'draining',
  /** [ND5] A shared service (the database, Redis) cannot be reached right now; nothing was changed. Try again shortly. */
  serviceUnavailable: 'service_unavailable',
  rateLimited: 'rate_limited',
  internalError: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ErrorCodeSchema = Type.Enum(ErrorCode);

export const ApiErrorSchema = Type.Object({
  code: ErrorCodeSchema,
  message: Type.String(),
});
export type ApiError = Type.Static<typeof ApiErrorSchema>;

/** The body of every non-2xx HTTP answer. */
export const ErrorBodySchema = Type.Object({ error: ApiErrorSchema });
export type ErrorBody = Type.Static<typeof ErrorBodySchema>;
