import WebSocket from 'ws';
import { ApiRoutes, RulesRoutes, SignalCloseCode, type Invite, type RoomCredential } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, redeem, startLiveSession, tokenOf, type LiveSession } from './api.js';
import type { TestHearth } from './hearth.js';
import { connectParticipant, settle, type TestClient } from './sockets.js';

/**
 * [AU6] One cell of the standing matrix: a live session with its facilitator in the room and one subject,
 * a member who came through a multi-use link and agreed to the group's rules (for `observation_off`, the
 * supervisor, through a supervisor link). A subject who "was in" has
 * joined on one connection (and, in the mesh, opened the signalling socket with one ticket and kept a
 * second one unused); every subject also holds a spare connection that never joined. Then the state is
 * applied, and one path is tried.
 */

export const States = ['removed', 'banned', 'declined', 'invite_revoked', 'link_expired', 'locked_never_in', 'locked_was_in', 'session_ended', 'observation_off'] as const;
export type State = (typeof States)[number];
export const Paths = ['handshake', 'spare_join', 'rejoin', 'consent', 'redeem_link', 'signalling_ticket', 'open_socket', 'open_signalling', 'livekit_token'] as const;
export type Path = (typeof Paths)[number];

const neverIn: State[] = ['declined', 'locked_never_in'];

export interface Cell {
  hearth: TestHearth;
  live: LiveSession;
  host: TestClient;
  invite: Invite;
  subject: RoomCredential;
  inRoom?: TestClient;
  spare: TestClient;
  unusedTicket?: string;
  signal?: { ws: WebSocket; closed: Promise<number> };
  clients: TestClient[];
}

function openSignal(url: string, ticket: string): { ws: WebSocket; closed: Promise<number>; ready: Promise<void> } {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${ApiRoutes.signal}?ticket=${encodeURIComponent(ticket)}`);
  return {
    ws,
    closed: new Promise((resolve) => ws.once('close', (code) => resolve(code))),
    ready: new Promise((resolve) => ws.once('message', () => resolve())),
  };
}

const closeName = (code: number) => (code === 1000 ? 'normal' : (Object.entries(SignalCloseCode).find(([, c]) => c === code)?.[0] ?? String(code)));

async function ack(client: TestClient, event: string, payload: unknown): Promise<string> {
  const a = (await client.sendRaw(event, payload)) as { ok: boolean; error?: { code: string }; media?: { mode: string } };
  return a.ok ? 'ok' : (a.error?.code ?? 'untyped');
}

async function must(label: string, answer: Promise<string>): Promise<void> {
  const code = await answer;
  if (code !== 'ok') throw new Error(`standing cell: ${label} answered ${code}`);
}

/** Joins, and in the mesh returns the signalling ticket (LiveKit mode has none). */
async function joinFor(client: TestClient): Promise<string | undefined> {
  const a = (await client.sendRaw('room:join', { audio: false, video: false })) as { ok: boolean; error?: { code: string }; media?: { signallingTicket?: string } };
  if (!a.ok) throw new Error(`standing cell: join answered ${a.error?.code}`);
  return a.media?.signallingTicket;
}

export async function prepareCell(hearth: TestHearth, cookie: string, state: State): Promise<Cell> {
  const live = await startLiveSession(hearth, cookie);
  await http(hearth, 'PUT', RulesRoutes.groupRules(live.group.id), { cookie, body: { basedOn: null, confidentiality: 'What is said here stays here.', rules: [{ text: 'One voice at a time' }] } });
  const clients: TestClient[] = [];
  const connect = async (token: string) => {
    const client = await connectParticipant(hearth.url, token);
    clients.push(client);
    return client;
  };
  const host = await connect((await facilitatorCredential(hearth, live)).token);
  await joinFor(host);
  const invite = await createInvite(hearth, live, { role: state === 'observation_off' ? 'supervisor' : 'member', maxUses: 5, expiresInMinutes: 5 });
  const subject = (await redeem(hearth, invite, 'Sam')).body;
  await http(hearth, 'POST', RulesRoutes.roomConsent, { body: { token: subject.token, version: 1 } });
  const cell: Cell = { hearth, live, host, invite, subject, spare: await connect(subject.token), clients };
  if (state === 'declined') {
    await must('waiting room', ack(host, 'moderation:waiting-room', { enabled: true }));
    cell.inRoom = await connect(subject.token);
    if ((await ack(cell.inRoom, 'room:join', { audio: false, video: false })) !== 'admission_required') throw new Error('standing cell: not asked to wait');
    await must('waiting:enter', ack(cell.inRoom, 'waiting:enter', {}));
  } else if (!neverIn.includes(state)) {
    cell.inRoom = await connect(subject.token);
    const ticket = await joinFor(cell.inRoom);
    if (ticket) {
      const signal = openSignal(hearth.url, ticket);
      await signal.ready;
      cell.signal = signal;
      // A second join would replace the first; ask the hub for a ticket the way a join does.
      cell.unusedTicket = hearth.services.signalling.issueTicket(live.session.id, subject.participantId);
    }
  }
  return cell;
}

export async function applyState(cell: Cell, state: State, advanceClock: (ms: number) => void): Promise<void> {
  const { host, hearth, live, subject } = cell;
  if (state === 'removed') await must('remove', ack(host, 'moderation:remove', { participantId: subject.participantId }));
  if (state === 'banned') await must('ban', ack(host, 'moderation:ban', { participantId: subject.participantId }));
  if (state === 'declined') await must('decline', ack(host, 'waiting:decline', { participantId: subject.participantId }));
  if (state === 'invite_revoked') await http(hearth, 'POST', ApiRoutes.revokeInvite(cell.invite.id), { cookie: live.cookie });
  if (state === 'link_expired') advanceClock(6 * 60_000);
  if (state === 'locked_never_in' || state === 'locked_was_in') await must('lock', ack(host, 'moderation:lock', { locked: true }));
  if (state === 'session_ended') await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie });
  if (state === 'observation_off') await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { cookie: live.cookie, body: { allowed: false } });
  await settle(100);
}

/** What the path answers now: `admitted`/`ok`/`open`/`token`, a refusal code, `closed:<why>`, or `n/a`. */
export async function tryPath(cell: Cell, path: Path): Promise<string> {
  const { hearth, subject } = cell;
  const closedWhy = (client: TestClient) => {
    const closed = client.received.find((r) => r.event === 'room:closed')?.payload as { reason?: string } | undefined;
    return client.socket.connected ? undefined : `closed:${closed?.reason ?? 'no reason given'}`;
  };
  const newJoin = async () => {
    try {
      const client = await connectParticipant(hearth.url, subject.token);
      cell.clients.push(client);
      const a = (await client.sendRaw('room:join', { audio: false, video: false })) as { ok: boolean; error?: { code: string }; media?: { mode: string; token?: string } };
      if (!a.ok) return a.error?.code ?? 'untyped';
      return a.media?.mode === 'livekit' ? (a.media.token ? 'token' : 'no token') : 'ok';
    } catch (err) {
      return (err as { data?: { code: string } }).data?.code ?? String(err);
    }
  };
  switch (path) {
    case 'handshake':
      try {
        (await connectParticipant(hearth.url, subject.token)).close();
        return 'admitted';
      } catch (err) {
        return (err as { data?: { code: string } }).data?.code ?? String(err);
      }
    case 'spare_join':
      return closedWhy(cell.spare) ?? (await ack(cell.spare, 'room:join', { audio: false, video: false }));
    case 'rejoin':
      // As after a dropped connection: the old one is gone, a new one joins with the same credential.
      cell.inRoom?.close();
      return newJoin();
    case 'livekit_token':
      cell.inRoom?.close();
      return newJoin();
    case 'consent': {
      const rules = await http<{ error?: { code: string } }>(hearth, 'POST', RulesRoutes.roomRules, { body: { token: subject.token } });
      const consent = await http<{ error?: { code: string } }>(hearth, 'POST', RulesRoutes.roomConsent, { body: { token: subject.token, version: 1 } });
      const [r, c] = [rules.body?.error?.code ?? 'ok', consent.body?.error?.code ?? 'ok'];
      return r === c ? r : `rules ${r}, consent ${c}`;
    }
    case 'redeem_link': {
      const answer = await http<{ error?: { code: string } }>(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(cell.invite)), { body: { displayName: 'Sam again' } });
      return answer.status === 201 ? 'ok' : (answer.body?.error?.code ?? String(answer.status));
    }
    case 'signalling_ticket': {
      if (!cell.unusedTicket) return 'n/a';
      const signal = openSignal(hearth.url, cell.unusedTicket);
      const outcome = await Promise.race([signal.ready.then(() => 'open'), signal.closed.then(closeName)]);
      signal.ws.close();
      return outcome;
    }
    case 'open_socket':
      return cell.inRoom ? (closedWhy(cell.inRoom) ?? 'open') : 'n/a';
    case 'open_signalling': {
      if (!cell.signal) return 'n/a';
      const closed = await Promise.race([cell.signal.closed, settle(100).then(() => undefined)]);
      return closed === undefined ? 'open' : `closed:${closeName(closed)}`;
    }
  }
}
