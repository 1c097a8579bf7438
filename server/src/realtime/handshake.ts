import { check, ErrorCode, HandshakeAuthSchema, PROTOCOL_VERSION, type ApiError } from '@hearth/shared';
import type { Services } from '../services.js';
import { standingRefusal } from '../modules/participants/standing.js';
import type { HearthSocket } from './socket-types.js';

/**
 * socket.io middleware: admits a connection only with a current protocol version and a participant
 * credential that is still good (not removed, session live, link not revoked). A refusal reaches the
 * client as `connect_error` whose `data` is `{ code, message }`.
 */
export function handshake(services: Services) {
  return async (socket: HearthSocket, next: (err?: Error) => void) => {
    try {
      const refusal = await admit(services, socket);
      if (refusal) {
        const error = new Error(refusal.message) as Error & { data: ApiError };
        error.data = refusal;
        next(error);
        return;
      }
      next();
    } catch (err) {
      socket.nsp.server.engine.emit('hearth:error', err);
      const error = new Error('internal error') as Error & { data: ApiError };
      error.data = { code: ErrorCode.internalError, message: 'Something went wrong on our side. Please try again.' };
      next(error);
    }
  };
}

async function admit(services: Services, socket: HearthSocket): Promise<ApiError | undefined> {
  const auth: unknown = socket.handshake.auth;
  if (!check(HandshakeAuthSchema, auth)) {
    return { code: ErrorCode.unauthenticated, message: 'A room credential and protocol version are required.' };
  }
  if (auth.protocolVersion !== PROTOCOL_VERSION) {
    return { code: ErrorCode.protocolMismatch, message: 'Hearth has been updated. Please reload the page.' };
  }
  const record = await services.participants.findByToken(auth.token);
  const refusal = await standingRefusal(services, record);
  if (refusal || !record) return refusal;
  socket.data.identity = {
    participantId: record.id,
    sessionId: record.sessionId,
    role: record.role,
    displayName: record.displayName,
    organisation: record.organisation,
    inviteId: record.inviteId,
  };
  socket.data.joined = false;
  return undefined;
}
