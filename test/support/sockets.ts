import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ApiError,
  type ClientCommandName,
  type ClientToServerEvents,
  type CommandAck,
  type CommandPayload,
  type FactPayload,
  type ServerFactName,
  type ServerToClientEvents,
} from '@hearth/shared';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client. Everything the server sends is recorded so tests can ask who got what. */
export interface TestClient {
  socket: TestSocket;
  received: { event: string; payload: unknown }[];
  send<E extends ClientCommandName>(event: E, payload: CommandPayload<E>): Promise<CommandAck<E>>;
  /** Sends anything at all, for malformed-payload tests. */
  sendRaw(event: string, ...args: unknown[]): Promise<unknown>;
  next<E extends ServerFactName>(event: E, timeoutMs?: number): Promise<FactPayload<E>>;
  close(): void;
}

export async function connectClient(url: string, auth: Record<string, unknown>): Promise<TestClient> {
  const socket: TestSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const received: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error & { data?: ApiError }) => reject(Object.assign(new Error(err.message), { data: err.data })));
  });
  const client: TestClient = {
    socket,
    received,
    send(event, payload) {
      return client.sendRaw(event, payload) as Promise<CommandAck<typeof event>>;
    },
    sendRaw(event, ...args) {
      return (socket as unknown as Socket).timeout(5000).emitWithAck(event, ...args);
    },
    next(event, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        (socket as unknown as Socket).once(event as string, (payload: FactPayload<typeof event>) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
    },
    close: () => socket.disconnect(),
  };
  return client;
}

export function connectParticipant(url: string, token: string): Promise<TestClient> {
  return connectClient(url, { protocolVersion: PROTOCOL_VERSION, token });
}

/** The refusal a handshake ends with, or undefined if it was admitted. */
export async function handshakeRefusal(url: string, auth: Record<string, unknown>): Promise<ApiError | undefined> {
  try {
    const client = await connectClient(url, auth);
    client.close();
    return undefined;
  } catch (err) {
    return (err as { data?: ApiError }).data ?? { code: 'internal_error', message: String(err) };
  }
}

/** Joins and returns the join result, failing the test loudly if the server refused. */
export async function joinAnyMode(client: TestClient, displayName?: string) {
  const ack = await client.send('room:join', { audio: true, video: true, ...(displayName ? { displayName } : {}) });
  if (!ack.ok) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

/** Joins a mesh-mode server (the default test setup); the result's `media` is the mesh variant. */
export async function join(client: TestClient, displayName?: string) {
  const ack = await joinAnyMode(client, displayName);
  if (ack.media.mode !== 'mesh') throw new Error(`expected mesh mode, the server said ${ack.media.mode}`);
  return { ...ack, media: ack.media };
}

/** Waits long enough for any in-flight broadcast to arrive, then lists what this client received. */
export async function settle(ms = 150): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export function eventsNamed(client: TestClient, event: string): unknown[] {
  return client.received.filter((r) => r.event === event).map((r) => r.payload);
}
