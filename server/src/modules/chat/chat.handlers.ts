import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { audienceFor, fail, maySendChat, ok, visibleChat, type ChatMessage } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { chatReaders } from './chat-recipients.js';

/**
 * Group chat. Invariants, tested by id (docs/spec.md):
 * - [CH1] the sender is the socket's participant; a message reaches only people in this session's room
 *   whom its audience allows, computed here from the room's records;
 * - [CH2] while the chat is for facilitators, members neither write nor read (history: empty);
 * - [CH3] while it is off, nobody writes (`chat_off`);
 * - [CH4] messages are kept in memory for the session only; the text goes in no log line (the command
 *   wrapper logs no payloads, and nothing here logs at all) and is never fetched or previewed;
 * - [CH5] a facilitator's removal takes the message out of the history and off every screen that had it;
 * - [CH6] sending spends the per-participant command budget and a tighter chat budget.
 */
export function registerChatHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'chat' | 'now' | 'rooms'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  onCommand(socket, log, 'chat:send', ({ text }) => {
    const mode = services.chat.mode(self.sessionId);
    const audience = audienceFor(mode);
    if (!audience) return fail('chat_off', 'The facilitator has turned the chat off for now.');
    if (!maySendChat(mode, self.role)) return fail('not_allowed', 'The chat is for facilitators only right now.');
    const sender = services.rooms.get(self.sessionId, self.participantId);
    if (!sender) return fail('not_in_room', 'Join the room first.');
    const message: ChatMessage = {
      id: randomUUID(),
      from: { id: sender.participant.id, displayName: sender.participant.displayName, role: sender.participant.role },
      text: text.trim(),
      sentAt: services.now(),
      audience,
    };
    services.chat.add(self.sessionId, message);
    for (const connectionId of chatReaders(services.rooms.list(self.sessionId), audience)) {
      if (connectionId !== socket.id) io.to(connectionId).emit('chat:message', message);
    }
    return ok({ message });
  });

  onCommand(socket, log, 'chat:remove', ({ messageId }) => {
    const removed = services.chat.remove(self.sessionId, messageId);
    if (!removed) return fail('not_found', 'That message is no longer in the chat.');
    // Everyone who could have it, the facilitator who removed it included (their other tabs, say).
    for (const connectionId of chatReaders(services.rooms.list(self.sessionId), removed.audience)) io.to(connectionId).emit('chat:removed', { messageId });
    return ok({});
  });

  onCommand(socket, log, 'chat:mode', ({ mode }) => {
    services.chat.setMode(self.sessionId, mode);
    for (const presence of services.rooms.list(self.sessionId)) io.to(presence.connectionId).emit('chat:mode', { mode });
    return ok({ mode });
  });

  onCommand(socket, log, 'chat:history', () => {
    const mode = services.chat.mode(self.sessionId);
    return ok({ mode, messages: visibleChat(services.chat.list(self.sessionId), mode, self.role) });
  });
}
