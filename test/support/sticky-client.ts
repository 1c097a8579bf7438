import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@hearth/shared';

/**
 * [ND3] [ND6] A browser-like socket.io client through nginx, sticky to a node by its `hearth_node` cookie,
 * reconnecting by itself (quickly) and joining the room on every connect, as the room client does. Every fact
 * is recorded; `mark` starts a fresh window for `since` (what arrived after, e.g. after a node was killed).
 */
export type Ack = { ok: boolean; error?: { code: string } } & Record<string, unknown>;

export interface StickyClient {
  socket: Socket;
  joins: Ack[];
  send(event: string, payload?: unknown): Promise<Ack>;
  got(event: string): unknown[];
  mark(): void;
  since(event: string): unknown[];
  close(): void;
}

export function stickyClient(url: string, token: string, cookie: string, options: { joinOnConnect?: boolean; reconnection?: boolean } = {}): StickyClient {
  const socket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    extraHeaders: { cookie: `hearth_node=${cookie}` },
  }) as Socket;
  const facts: { event: string; payload: unknown }[] = [];
  const joins: Ack[] = [];
  let mark = 0;
  socket.onAny((event: string, payload: unknown) => facts.push({ event, payload }));
  const send = (event: string, payload: unknown = {}) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack>;
  socket.on('connect', () => {
    if (options.joinOnConnect === false) return;
    void send('room:join', { audio: false, video: false }).then((ack) => joins.push(ack), () => joins.push({ ok: false }));
  });
  const named = (from: number, event: string) => facts.slice(from).filter((f) => f.event === event).map((f) => f.payload);
  return {
    socket,
    joins,
    send,
    got: (event) => named(0, event),
    mark: () => void (mark = facts.length),
    since: (event) => named(mark, event),
    close: () => void socket.disconnect(),
  };
}

/** Polls until `condition` holds, or fails naming what did not happen. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
