import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCommands, ErrorCode, isFacilitatorRole, isStaffRole, Role, type ClientCommandName } from '@hearth/shared';
import { commandPolicy, type CommandPolicy } from '../../server/src/realtime/command-policy.js';
import { hashPassword } from '../../server/src/lib/secrets.js';
import { createInvite, http, invitedFacilitator, startLiveSession, tokenOf, type LiveSession } from '../support/api.js';
import { assembleCast, closeCast, People, type Cast, type Person } from '../support/cast.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { handshakeRefusal } from '../support/sockets.js';
import { arbitraryFor, type JsonSchema } from '../support/schema-arbitrary.js';
import { ApiRoutes, PROTOCOL_VERSION, SignalCloseCode, type Account, type NewFacilitatorInvite } from '@hearth/shared';
import WebSocket from 'ws';
import { expectedHttp, httpRouteAccess, listRoutes, type RouteAccess } from '../support/route-access.js';

// [AU3] The authorisation matrix: every socket command (from the server's one policy table) and every
// HTTP route (from the running server's own route list), by every kind of person, against the real
// server. A refusal is a typed error with the code the rule implies, never silence or internal_error.

let hearth: TestHearth;
let live: LiveSession;
let cast: Cast;

beforeAll(async () => {
  hearth = await startHearth();
  live = await startLiveSession(hearth);
  cast = await assembleCast(hearth, live);
});
afterAll(async () => {
  closeCast(cast);
  await hearth.close();
});

const inRoom: Partial<Record<Person, { role: Role; joined: boolean }>> = {
  host: { role: Role.facilitator, joined: true },
  co_facilitator: { role: Role.coFacilitator, joined: true },
  supervisor: { role: Role.supervisor, joined: true },
  member: { role: Role.member, joined: true },
  waiting: { role: Role.member, joined: false },
};

/** What the policy table says the door answers: 'pass' (on to the payload check) or the refusal code. */
function expectedDoor(policy: CommandPolicy, who: { role: Role; joined: boolean }): 'pass' | 'not_allowed' | 'not_in_room' {
  if (policy.roles === 'facilitators' && !isFacilitatorRole(who.role)) return 'not_allowed';
  if (policy.roles === 'staff' && !isStaffRole(who.role)) return 'not_allowed';
  if (policy.roles === 'anyone' && who.role === Role.supervisor && !policy.observer) return 'not_allowed';
  if (policy.needsJoin && !who.joined) return 'not_in_room';
  return 'pass';
}

/** Not a payload of any command: a person let through the door is answered invalid_payload, and nothing happens. */
const DOOR_PROBE = 'authorisation-matrix-door-probe';
const commands = Object.keys(commandPolicy) as ClientCommandName[];
// [RL1] 60 commands per 5 s per person: pause before the budget runs out, so rate_limited never answers.
const BUDGET_PAUSE_EVERY = 50;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('[AU3] socket commands by every person', () => {
  it('the policy table covers exactly the protocol\'s commands', () => {
    expect(commands.sort()).toEqual(Object.keys(ClientCommands).sort());
  });

  // Concurrently, so the people's budget pauses overlap.
  it.concurrent.for(Object.keys(inRoom) as Person[])('%s: each command is let through or refused as the policy table says', { timeout: 30_000 }, async (person, { expect }) => {
    const who = inRoom[person];
    const socket = cast.sockets[person];
    if (!who || !socket) throw new Error(`no socket for ${person}`);
    const mismatches: string[] = [];
    let passed = 0;
    for (const command of commands) {
      const door = expectedDoor(commandPolicy[command], who);
      if (door === 'pass' && ++passed % BUDGET_PAUSE_EVERY === 0) await pause(5_200);
      const probe = await socket.sendRaw(command, DOOR_PROBE);
      const wanted = door === 'pass' ? 'invalid_payload' : door;
      const got = (probe as { error?: { code?: string } }).error?.code ?? JSON.stringify(probe);
      if (got !== wanted) mismatches.push(`${command}: door probe answered ${got}, the policy says ${wanted}`);
      if (door === 'pass') continue;
      // A refused person's valid command is refused the same way: the role is checked, not the payload.
      const [valid] = fc.sample(arbitraryFor(ClientCommands[command].payload as JsonSchema), { numRuns: 1, seed: 14 });
      const answer = (await socket.sendRaw(command, valid)) as { ok: boolean; error?: { code: string; message: string } };
      if (answer.ok || answer.error?.code !== door || typeof answer.error.message !== 'string') {
        mismatches.push(`${command}: valid payload answered ${JSON.stringify(answer)}, the policy says ${door}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['removed', 'removed'],
    ['banned', 'banned'],
    ['anonymous', 'unauthenticated'],
  ] as const)('%s: refused at the handshake with %s, so no command can be sent', async (person, code) => {
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: cast.tokens[person] })).toMatchObject({ code, message: expect.any(String) });
  });

  it('anonymous without any credential is refused at the handshake with unauthenticated', async () => {
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION })).toMatchObject({ code: 'unauthenticated' });
  });
});

/** The close code the signalling socket ends an upgrade with when the ticket is nobody's. */
function signalClose(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}?ticket=${'n0body5ticket'.repeat(3)}`);
    ws.once('close', (code) => resolve(code));
    ws.once('error', () => resolve(-1));
  });
}

describe('[AU4] HTTP routes by every person', () => {
  let routes: string[];
  let otherAccountCookie: string;
  let coAccountCookie: string;
  let coAccountId: string;
  let facilitatorInviteId: string;
  let coSessionId: string;
  let organisationId: string;

  beforeAll(async () => {
    routes = listRoutes(hearth.app.printRoutes({ commonPrefix: false }));
    const now = Date.now();
    await hearth.services.accounts.create({ email: 'olive@example.org', displayName: 'Olive', passwordHash: await hashPassword('another long password') }, now);
    const login = await http(hearth, 'POST', '/api/auth/login', { body: { email: 'olive@example.org', password: 'another long password' } });
    otherAccountCookie = login.cookie ?? '';
    // [CF4] A co-facilitator of the group, with an account of their own (invited, then added by the host).
    coAccountCookie = await invitedFacilitator(hearth, live.cookie, 'cora@example.org', 'Cora');
    coAccountId = (await http<Account>(hearth, 'GET', ApiRoutes.me, { cookie: coAccountCookie })).body.id;
    await http(hearth, 'POST', ApiRoutes.coFacilitators(live.group.id), { cookie: live.cookie, body: { email: 'cora@example.org' } });
    // Their own session of the group, so that ending it (as they may) leaves the host's session live for the last row.
    coSessionId = (await http<{ id: string }>(hearth, 'POST', ApiRoutes.groupSessions(live.group.id), { cookie: coAccountCookie, body: {} })).body.id;
    // [OR2] An organisation the host administers (nobody else here belongs to it).
    organisationId = (await http<{ id: string }>(hearth, 'POST', ApiRoutes.organisations, { cookie: live.cookie, body: { name: 'Matrix Trust' } })).body.id;
    facilitatorInviteId = (await http<NewFacilitatorInvite>(hearth, 'POST', ApiRoutes.facilitatorInvites, { cookie: live.cookie, body: { email: 'matrix-invitee@example.org' } })).body.invite.id;
  });

  it('every route the server has is in the access table, and nothing else', () => {
    expect(routes.sort()).toEqual(Object.keys(httpRouteAccess).sort());
  });

  const codes = new Set<string>(Object.values(ErrorCode));
  const rows = [...People.filter((p) => p !== 'host'), 'other_account', 'co_account', 'host'] as const;

  it.each(rows)('%s: each route answers as its access rule says', async (row) => {
    const revokable = await createInvite(hearth, live, { role: 'member' });
    const shared = await createInvite(hearth, live, { role: 'member', maxUses: 20 });
    const ids = { groupId: live.group.id, sessionId: row === 'co_account' ? coSessionId : live.session.id, inviteId: revokable.id, token: tokenOf(shared), version: '1', facilitatorInviteId, accountId: coAccountId, organisationId };
    // The host's destructive calls last: ending the session and signing out would change every answer after them.
    const ordered = [...routes].sort((a, b) => (httpRouteAccess[a]?.last ?? 0) - (httpRouteAccess[b]?.last ?? 0));
    const mismatches: string[] = [];
    for (const route of ordered) {
      const access = httpRouteAccess[route] as RouteAccess;
      const [method, pattern] = route.split(' ') as [string, string];
      if (access.access === 'websocket') {
        const closed = await signalClose(hearth.url + pattern);
        if (closed !== SignalCloseCode.badTicket) mismatches.push(`${route}: an upgrade without a good ticket closed with ${closed}`);
        continue;
      }
      const path = pattern.replace(/:(\w+)/g, (_, name: keyof typeof ids) => encodeURIComponent(ids[name]));
      const cookie = row === 'host' ? live.cookie : row === 'other_account' ? otherAccountCookie : row === 'co_account' ? coAccountCookie : undefined;
      const credential = row === 'host' ? cast.tokens.host : row === 'other_account' || row === 'co_account' ? cast.tokens.anonymous : cast.tokens[row];
      const body = access.body?.(credential);
      const answer = await http<{ error?: { code: string; message: string } }>(hearth, method, path, { cookie, ...(body === undefined ? {} : { body }) });
      const wanted = expectedHttp(access, row, pattern);
      const code = answer.body?.error?.code;
      if (answer.status >= 500) mismatches.push(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
      else if (answer.status >= 400 && (!code || !codes.has(code) || typeof answer.body.error?.message !== 'string')) {
        mismatches.push(`${route}: ${answer.status} without a typed error: ${JSON.stringify(answer.body)}`);
      } else if (wanted === 'allow' && code !== undefined && ['unauthenticated', 'not_allowed', 'removed', 'banned'].includes(code)) {
        mismatches.push(`${route}: refused ${code}, but ${row} may use it`);
      } else if (wanted !== 'allow' && !(code !== undefined && wanted.includes(code))) {
        mismatches.push(`${route}: answered ${answer.status} ${code ?? ''}, ${row} should be refused with ${wanted.join(' or ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
