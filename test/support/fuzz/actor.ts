import { io, type Socket } from 'socket.io-client';
import { Compile } from 'typebox/compile';
import {
  ClientCommands, ErrorCode, PROTOCOL_VERSION, ServerFacts, isFacilitatorRole, isStaffRole, Role, type ClientCommandName,
} from '@hearth/shared';
import { commandPolicy } from '../../../server/src/realtime/command-policy.js';
import { mutate, pick, pickMutation, withRealIds, type IdPool, type Outgoing, type Rng } from './payloads.js';
import type { FuzzLedger } from './ledger.js';

/**
 * One person in the fuzz: a socket.io connection that sends broken, wrong-role and out-of-order commands,
 * paced just under the server's command budget (RL1) with the odd burst past it, and that reconnects like
 * a browser when the server drops it. Every answer, fact and disconnect goes to the ledger; what a member's
 * socket receives is checked there against what only facilitators may know.
 */

export type Kind = 'host' | 'co_facilitator' | 'supervisor' | 'member' | 'waiting';

export interface Person {
  kind: Kind;
  role: Role;
  token: string;
  participantId: string;
  session: number;
}

const errorCodes = new Set<string>(Object.values(ErrorCode));
const resultCheck = Object.fromEntries(Object.entries(ClientCommands).map(([name, spec]) => [name, Compile(spec.result)]));
const factCheck = Object.fromEntries(Object.entries(ServerFacts).map(([name, schema]) => [name, Compile(schema)]));

/** Marked so a member's socket that ever shows it has been told what only facilitators may know. */
export const CANARY = 'CANARY';
const privateText: Partial<Record<ClientCommandName, string>> = { 'backchannel:message': 'body', 'distress:open': 'note', 'distress:raise': 'note', 'distress:amend': 'note' };

export interface Shared {
  url: string;
  ids: IdPool;
  ledger: FuzzLedger;
  pool: Record<ClientCommandName, unknown[]>;
  /** Takes one command from the run's total; false once it is spent. */
  take(): boolean;
  stopped(): boolean;
  ackTimeoutMs: number;
  intervalMs: number;
}

export interface Connection {
  socket: Socket;
  /** Whether a room:join is in flight or succeeded on this connection (room facts may arrive from then on). */
  joining: boolean;
  participantId?: string;
  pending: Set<(answer: unknown) => void>;
  /** The last few commands and answers on this connection, to explain a forbidden delivery. */
  log: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const DISCONNECTED = Symbol('disconnected');
export const TIMED_OUT = Symbol('timed out');

export function classify(event: string, role: Role, joined: boolean, outgoing: Outgoing): string {
  if (outgoing.mutation === 'oversized') return 'oversized';
  if (outgoing.mutation === 'unknown_event') return 'unknown_event';
  if (outgoing.mutation !== 'valid') return 'malformed';
  const policy = commandPolicy[event as ClientCommandName];
  if (policy.roles === 'facilitators' && !isFacilitatorRole(role)) return 'wrong_role';
  if (policy.roles === 'staff' && !isStaffRole(role)) return 'wrong_role';
  if (policy.roles === 'anyone' && role === Role.supervisor && !policy.observer) return 'wrong_role';
  if ((policy.needsJoin && !joined) || (event === 'room:join' && joined) || (event === 'waiting:enter' && joined)) return 'out_of_order';
  return 'valid';
}

export function connect(shared: Shared, person: Person): Promise<Connection | { refused: string }> {
  const socket = io(shared.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token: person.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const connection: Connection = { socket, joining: false, pending: new Set(), log: [] };
  const watched = person.role === Role.member;
  let closedFor = '';
  socket.onAny((event: string, payload: unknown) => {
    shared.ids.harvest(payload);
    if (event === 'room:closed') closedFor = String((payload as { reason?: unknown })?.reason);
    if (!factCheck[event]?.Check(payload)) shared.ledger.malformedFact(event);
    if (watched && process.env.FUZZ_LOG) connection.log.push(`<- ${event}@${Date.now() % 100000}`);
    if (watched) shared.ledger.memberReceived(person, connection, event, payload);
  });
  if (process.env.FUZZ_LOG) socket.on('connect', () => connection.log.push(`connected ${socket.id}`));
  socket.on('disconnect', (reason) => {
    shared.ledger.disconnect(closedFor ? `${reason} (${closedFor})` : reason);
    for (const resolve of connection.pending) resolve(DISCONNECTED);
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(connection));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ refused: err.data?.code ?? `transport: ${err.message}` });
    });
  });
}

/** Sends and waits for the ack, the connection closing, or the timeout (a hang), whichever comes first. */
export function send(shared: Shared, connection: Connection, outgoing: Outgoing): Promise<unknown> {
  const { socket } = connection;
  if (!outgoing.ack) {
    socket.emit(outgoing.event, ...outgoing.args);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const done = (answer: unknown) => {
      clearTimeout(timer);
      connection.pending.delete(done);
      resolve(answer);
    };
    const timer = setTimeout(() => done(socket.connected ? TIMED_OUT : DISCONNECTED), shared.ackTimeoutMs);
    connection.pending.add(done);
    socket.emit(outgoing.event, ...outgoing.args, done);
  });
}

/** The answer's category for the ledger: `ok`, an error code, or why there was none. */
export function answerCode(event: string, answer: unknown): { code: string; typed: boolean } {
  if (answer === DISCONNECTED) return { code: 'no_answer: connection closed', typed: true };
  if (answer === TIMED_OUT) return { code: 'no_answer: timed out', typed: false };
  const a = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (a?.ok === true) {
    const { ok: _ok, ...result } = a as Record<string, unknown>;
    return resultCheck[event]?.Check(result) ? { code: 'ok', typed: true } : { code: 'ok (result off schema)', typed: false };
  }
  if (a?.ok === false && typeof a.error?.code === 'string' && errorCodes.has(a.error.code) && typeof a.error.message === 'string') {
    return { code: a.error.code, typed: true };
  }
  return { code: `untyped: ${JSON.stringify(answer).slice(0, 60)}`, typed: false };
}

/** Runs one person until the run is spent: sends, reconnects when dropped, gives up when shut out for good. */
export async function runPerson(shared: Shared, person: Person, rng: Rng, first?: Connection): Promise<'spent' | string> {
  let connection = first;
  let joined = first?.joining ?? false;
  while (!shared.stopped()) {
    if (!connection?.socket.connected) {
      joined = false;
      await sleep(50 + rng() * 200);
      const attempt = await connect(shared, person);
      shared.ledger.handshake(person.kind, 'refused' in attempt ? attempt.refused : 'admitted');
      if ('refused' in attempt) {
        if (attempt.refused.startsWith('transport')) continue;
        return attempt.refused;
      }
      connection = attempt;
      // Rejoin as a browser would after a reconnect; the waiting room answers admission_required.
      if (rng() < 0.8) joined = await rejoin(shared, connection);
    }
    const burst = rng() < 0.01 ? 25 : 1;
    for (let i = 0; i < burst && connection.socket.connected; i++) {
      if (!shared.take()) return 'spent';
      const event = pick(rng, Object.keys(shared.pool) as ClientCommandName[]);
      const payload = tagPrivate(event, withRealIds(pick(rng, shared.pool[event]), shared.ids, rng));
      const outgoing = mutate(event, payload, pickMutation(rng), rng);
      const kind = classify(event, person.role, joined, outgoing);
      // While any join is in flight room facts may arrive (a broken payload can still be valid: dropping the
      // optional displayName); afterwards its answer says. A join sent without an ack may have worked too.
      if (outgoing.event === 'room:join') connection.joining = true;
      const answer = await send(shared, connection, outgoing);
      const { code, typed } = outgoing.ack ? answerCode(outgoing.event, answer) : { code: 'not asked (no ack)', typed: true };
      shared.ledger.command(person, outgoing, kind, code, typed, answer);
      connection.log.push(`${outgoing.event}(${outgoing.mutation}):${code}${process.env.FUZZ_LOG ? `@${Date.now() % 100000}` : ""}`);
      if (connection.log.length > (process.env.FUZZ_LOG ? 1e6 : 6)) connection.log.shift();
      if (outgoing.event === 'room:join' && (code === 'ok' || !outgoing.ack)) joined = true;
      if (outgoing.event === 'room:leave' && code === 'ok') joined = false;
      connection.joining = joined;
    }
    await sleep(shared.intervalMs * burst * (0.5 + rng()));
  }
  return 'spent';
}

async function rejoin(shared: Shared, connection: Connection): Promise<boolean> {
  connection.joining = true;
  const answer = await send(shared, connection, { event: 'room:join', args: [{ audio: false, video: false }], ack: true, mutation: 'valid' });
  const { code } = answerCode('room:join', answer);
  shared.ledger.rejoin(code);
  connection.log.push(`rejoin:${code}`);
  if (code === 'admission_required') await send(shared, connection, { event: 'waiting:enter', args: [{}], ack: true, mutation: 'valid' });
  if (code !== 'ok') connection.joining = false;
  return code === 'ok';
}

/** Text only facilitators may read carries the canary, so a member socket that shows it is a leak. */
function tagPrivate(event: ClientCommandName, payload: unknown): unknown {
  const field = privateText[event];
  if (!field || payload === null || typeof payload !== 'object') return payload;
  return { ...payload, [field]: `${CANARY} ${String((payload as Record<string, unknown>)[field] ?? '')}`.slice(0, 280) };
}
