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

/**
 * The socket.io room holding every connection of one participant, joined or not (another tab, a
 * connection opened before a removal): a removal or ban closes all of them, not only the one in the room.
 */
export function participantChannel(participantId: string): string {
  return `participant:${participantId}`;
}

/**
 * [ND7] The socket.io room holding every connection of one session, joined or not, on every node: the end of
 * a session closes them all, wherever they are.
 */
export function connectionsChannel(sessionId: string): string {
  return `session:${sessionId}:connections`;
}

/**
 * [ND4] The socket.io room of one session's staff (facilitators, co-facilitators, the hidden supervisor):
 * what only staff may hear is sent to it, so with several nodes it reaches staff whichever node they are
 * on, and no member's socket is ever in it.
 */
export function staffChannel(sessionId: string): string {
  return `session:${sessionId}:staff`;
}
