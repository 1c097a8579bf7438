/**
 * The socket.io client for one room. Only the room chunk imports this file, so socket.io-client
 * never weighs on the sign-in, dashboard or pre-join pages.
 *
 * Everything the server sends is checked against the schemas in @hearth/shared before the UI sees
 * it: facts that do not match are dropped (and logged), acks that do not match become an
 * `unexpected_response` failure. Commands never throw; a missing answer becomes `network_error`.
 */
import { io, type Socket } from 'socket.io-client';
import {
  AckFailSchema,
  ClientCommands,
  PROTOCOL_VERSION,
  ServerFacts,
  check,
  describeMismatch,
  type ClientCommandName,
  type ClientToServerEvents,
  type CommandPayload,
  type CommandResult,
  type FactPayload,
  type HandshakeAuth,
  type ServerFactName,
  type ServerToClientEvents,
} from '@hearth/shared';
import { unexpectedResponse, type ClientError } from './errors';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type CommandOutcome<E extends ClientCommandName> =
  | ({ ok: true } & CommandResult<E>)
  | { ok: false; error: ClientError };

const COMMAND_TIMEOUT_MS = 10_000;

export function connectRoomSocket(token: string): RoomSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION, token };
  return io({ auth, transports: ['websocket'] }) as RoomSocket;
}

function parseAck<E extends ClientCommandName>(name: E, ack: unknown): CommandOutcome<E> {
  if (typeof ack === 'object' && ack !== null && (ack as { ok?: unknown }).ok === true) {
    // Result schemas describe the fields beside `ok` (some forbid extra keys), so check without it.
    const { ok: _ok, ...rest } = ack as Record<string, unknown>;
    const schema = ClientCommands[name].result;
    if (check(schema, rest)) return { ok: true, ...(rest as CommandResult<E>) };
    console.warn(`Unexpected ${name} result: ${describeMismatch(schema, rest)}`);
    return { ok: false, error: unexpectedResponse };
  }
  if (check(AckFailSchema, ack)) return ack;
  console.warn(`Unexpected ${name} ack: ${describeMismatch(AckFailSchema, ack)}`);
  return { ok: false, error: unexpectedResponse };
}

export async function sendCommand<E extends ClientCommandName>(
  socket: RoomSocket,
  name: E,
  payload: CommandPayload<E>,
): Promise<CommandOutcome<E>> {
  // The typed emitWithAck cannot follow a generic event name; the ack is validated below instead.
  const emitter = socket.timeout(COMMAND_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<unknown>;
  };
  try {
    return parseAck(name, await emitter.emitWithAck(name, payload));
  } catch {
    return {
      ok: false,
      error: { code: 'network_error', message: "The room didn't answer in time. Please try again." },
    };
  }
}

/** Listens to one fact, passing on only payloads that match its schema. Returns an unsubscribe. */
export function onFact<E extends ServerFactName>(
  socket: RoomSocket,
  name: E,
  handler: (payload: FactPayload<E>) => void,
): () => void {
  const schema = ServerFacts[name];
  const listener = (payload: unknown) => {
    if (check(schema, payload)) handler(payload as FactPayload<E>);
    else console.warn(`Ignored malformed ${name}: ${describeMismatch(schema, payload)}`);
  };
  const untyped = socket as unknown as {
    on(event: string, fn: (payload: unknown) => void): void;
    off(event: string, fn: (payload: unknown) => void): void;
  };
  untyped.on(name, listener);
  return () => untyped.off(name, listener);
}
