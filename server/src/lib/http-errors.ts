import type { FastifyReply } from 'fastify';
import { ErrorCode, type ErrorBody } from '@hearth/shared';

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthenticated: 401,
  not_allowed: 403,
  removed: 403,
  not_found: 404,
  invite_invalid: 404,
  conflict: 409,
  chat_off: 409,
  draining: 503,
  service_unavailable: 503,
  room_full: 409,
  not_in_room: 409,
  consent_required: 403,
  banned: 403,
  observation_off: 403,
  session_locked: 423,
  admission_required: 403,
  media_unavailable: 503,
  protocol_mismatch: 400,
  invite_expired: 410,
  invite_revoked: 410,
  invite_used_up: 410,
  session_ended: 410,
  reset_link_invalid: 404,
  reset_link_expired: 410,
  reset_link_used: 410,
  account_disabled: 403,
  rate_limited: 429,
  internal_error: 500,
};

/** Sends an expected failure as `{ error: { code, message } }` with the status that matches its code. */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  const body: ErrorBody = { error: { code, message } };
  return reply.code(STATUS[code]).send(body);
}

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}
