import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { check, SignalCloseCode, SignalOutSchema, type SignalIn } from '@hearth/shared';
import { newToken } from '../../lib/index.js';
import type { RoomRegistry } from '../rooms/index.js';
import { SignalBudget } from './signal-budget.js';

/**
 * Relays WebRTC offers, answers and ICE candidates between admitted participants of one session.
 * Invariants:
 * - [SG1] a message is relayed only if sender and recipient are both admitted to the same session;
 * - [SG2] `from` is stamped by the server from the ticket the socket was bound with, never read from the payload;
 * - [SG3] tickets are single use and expire after TICKET_TTL_MS;
 * - [SG4] frames over SignalLimits.frameBytes are refused by `ws` itself (see signalling.routes.ts), fields
 *   over the schema's limits get invalid_payload;
 * - [SG5] a sender past its budget (signal-budget.ts) is closed with 4429 and nothing past the budget is
 *   relayed: frames are handled one at a time, in order, each after its budget check;
 * - messages for an admitted peer whose socket is not open yet are held (bounded) and flushed on connect;
 * - [PA4] a message on the `aside` channel is relayed only between the two people of an active pull-aside.
 */
const TICKET_TTL_MS = 60_000;
const MAX_PENDING_PER_PEER = 500;

/** Who may use the `aside` channel (the pull-aside module's live records). */
export interface AsidePairs {
  isPair(sessionId: string, a: string, b: string): boolean;
}

interface Binding {
  sessionId: string;
  participantId: string;
}

export class SignallingHub {
  private readonly tickets = new Map<string, Binding & { expiresAt: number }>();
  private readonly sockets = new Map<string, { ws: WebSocket; binding: Binding }>();
  private readonly pending = new Map<string, { from: string; message: SignalIn }[]>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly now: () => number,
    private readonly asides: AsidePairs,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
    private readonly budget: SignalBudget = new SignalBudget(),
  ) {}

  issueTicket(sessionId: string, participantId: string): string {
    this.pruneTickets();
    const ticket = newToken();
    this.tickets.set(ticket, { sessionId, participantId, expiresAt: this.now() + TICKET_TTL_MS });
    return ticket;
  }

  /** Binds a freshly opened WebSocket to the participant its ticket names, or closes it. */
  connect(ws: WebSocket, ticket: string): void {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!entry || entry.expiresAt <= this.now() || !this.rooms.get(entry.sessionId, entry.participantId)) {
      ws.close(SignalCloseCode.badTicket, 'ticket not valid');
      return;
    }
    const binding: Binding = { sessionId: entry.sessionId, participantId: entry.participantId };
    this.sockets.get(binding.participantId)?.ws.close(SignalCloseCode.replaced, 'replaced');
    this.sockets.set(binding.participantId, { ws, binding });
    this.receiveInOrder(ws, binding);
    ws.on('close', () => {
      if (this.sockets.get(binding.participantId)?.ws === ws) this.sockets.delete(binding.participantId);
    });
    send(ws, { type: 'ready', participantId: binding.participantId });
    this.flush(binding);
  }

  /**
   * [RS1] A graceful stop: closes every signalling socket. Upgraded sockets still count as the HTTP server's
   * connections, so until they close the server cannot, and a stop would wait on browsers to hang up.
   */
  closeAll(): void {
    for (const participantId of [...this.sockets.keys()]) this.disconnect(participantId, SignalCloseCode.serviceRestart);
    this.tickets.clear();
  }

  /** Closes a participant's signalling socket and forgets what was waiting for them. */
  disconnect(participantId: string, code: number = 1000): void {
    this.pending.delete(participantId);
    const entry = this.sockets.get(participantId);
    if (!entry) return;
    this.sockets.delete(participantId);
    entry.ws.close(code, 'closed by server');
  }

  /**
   * The budget check is asynchronous, so frames go through one chain: the order of offers and candidates
   * is kept, and once the budget is spent nothing queued behind it is relayed.
   */
  private receiveInOrder(ws: WebSocket, binding: Binding): void {
    let chain = Promise.resolve();
    let overBudget = false;
    ws.on('message', (data) => {
      const bytes = byteLength(data);
      const raw = data.toString();
      chain = chain
        .then(async () => {
          if (overBudget) return;
          if (await this.budget.allow(binding.participantId, bytes)) return this.relay(binding, raw);
          overBudget = true;
          // Ids only: never the SDP, the candidates or anyone's name.
          this.log.warn({ sessionId: binding.sessionId, participantId: binding.participantId, code: SignalCloseCode.overBudget }, 'signalling budget spent; socket closed');
          ws.close(SignalCloseCode.overBudget, 'too many signalling messages');
        })
        .catch((error: unknown) => {
          this.log.error({ err: error, sessionId: binding.sessionId }, 'signalling message failed');
        });
    });
  }

  private relay(from: Binding, raw: string): void {
    const sender = this.sockets.get(from.participantId)?.ws;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!check(SignalOutSchema, parsed)) {
      if (sender) send(sender, { type: 'error', error: { code: 'invalid_payload', message: 'Signalling message does not match the protocol.' } });
      return;
    }
    if (!this.rooms.get(from.sessionId, from.participantId) || !this.rooms.get(from.sessionId, parsed.to) || parsed.to === from.participantId) {
      if (sender) send(sender, { type: 'error', error: { code: 'not_in_room', message: 'That participant is not in this session.' } });
      return;
    }
    if (parsed.channel === 'aside' && !this.asides.isPair(from.sessionId, from.participantId, parsed.to)) {
      if (sender) send(sender, { type: 'error', error: { code: 'not_allowed', message: 'You are not in a private conversation with that participant.' } });
      return;
    }
    const message: SignalIn = { type: 'signal', from: from.participantId };
    if (parsed.channel) message.channel = parsed.channel;
    if (parsed.description) message.description = parsed.description;
    if (parsed.candidate !== undefined) message.candidate = parsed.candidate;
    const target = this.sockets.get(parsed.to);
    if (target && target.binding.sessionId === from.sessionId) {
      send(target.ws, message);
      return;
    }
    const queue = this.pending.get(parsed.to) ?? [];
    if (queue.length < MAX_PENDING_PER_PEER) queue.push({ from: from.participantId, message });
    this.pending.set(parsed.to, queue);
  }

  private flush(binding: Binding): void {
    const queue = this.pending.get(binding.participantId);
    this.pending.delete(binding.participantId);
    const ws = this.sockets.get(binding.participantId)?.ws;
    if (!queue || !ws) return;
    for (const { from, message } of queue) {
      // Drop what a peer sent before leaving: it would only create a connection to nobody.
      if (this.rooms.get(binding.sessionId, from)) send(ws, message);
    }
  }

  private pruneTickets(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(ticket);
  }
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function send(ws: WebSocket, message: SignalIn): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
