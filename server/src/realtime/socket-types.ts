import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@hearth/shared';

/** Who this socket is, decided by the handshake from the server's records and never changed by a payload. */
export interface SocketIdentity {
  participantId: string;
  sessionId: string;
  role: Role;
  displayName: string;
  organisation: string | null;
  inviteId: string | null;
}

export interface SocketData {
  identity: SocketIdentity;
  joined: boolean;
}

export type HearthServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HearthSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The socket.io room holding every admitted socket of one session. */
export function sessionChannel(sessionId: string): string {
  return `session:${sessionId}`;
}
