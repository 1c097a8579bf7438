import { check, ErrorCode, HandshakeAuthSchema, PROTOCOL_VERSION, type ApiError } from '@hearth/shared';
import type { HearthSocket, SocketIdentity } from './socket-types.js';

/** The credential's holder as the server's records say, or why it admits nobody (removed, ended, ...). */
export type Identify = (token: string) => Promise<{ ok: true; identity: SocketIdentity } | { ok: false; error: ApiError }>;

/**
 * socket.io middleware: admits a connection only with a current protocol version and a participant
 * credential that is still good (not removed, session live, link not revoked). A refusal reaches the
 * client as `connect_error` whose `data` is `{ code, message }`.
 */
export function handshake(identify: Identify) {
  return async (socket: HearthSocket, next: (err?: Error) => void) => {
    try {
      const refusal = await admit(identify, socket);
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

async function admit(identify: Identify, socket: HearthSocket): Promise<ApiError | undefined> {
  const auth: unknown = socket.handshake.auth;
  if (!check(HandshakeAuthSchema, auth)) {
    return { code: ErrorCode.unauthenticated, message: 'A room credential and protocol version are required.' };
  }
  if (auth.protocolVersion !== PROTOCOL_VERSION) {
    return { code: ErrorCode.protocolMismatch, message: 'Hearth has been updated. Please reload the page.' };
  }
  const found = await identify(auth.token);
  if (!found.ok) return found.error;
  socket.data.identity = found.identity;
  socket.data.joined = false;
  // [ND1] A recovered connection comes back in its old socket.io rooms; it enters them again by joining,
  // through every gate, so a member refused now hears nothing of the room.
  for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
  return undefined;
}
