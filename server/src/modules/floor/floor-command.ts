import type { FastifyBaseLogger } from 'fastify';
import type { ClientCommandName } from '@hearth/shared';
import { onCommand, type Handler, type HearthSocket } from '../../realtime/index.js';
import type { FloorBoard } from './floor-board.js';

/** A floor command runs as one step on the session's floor [ND8]: nothing else changes it in between. */
export function onFloorCommand<E extends ClientCommandName>(socket: HearthSocket, log: FastifyBaseLogger, floor: FloorBoard, event: E, handler: Handler<E>): void {
  onCommand(socket, log, event, (payload) => floor.serialize(socket.data.identity.sessionId, () => handler(payload)));
}
