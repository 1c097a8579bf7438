import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiRoutes, type Account, type Group, type Invite, type NewFacilitatorInvite, type RoomCredential, type Session } from '@hearth/shared';
import { ensureSchemathesis } from '../../scripts/schemathesis.mjs';
import { freePort, startHearthProcess, type HearthProcess } from '../support/server-process.js';

/**
 * [FZ2] A property-based fuzz run of every HTTP route with schemathesis, reading the OpenAPI document the
 * server generates from the shared route table (`/api/docs`), against a real Hearth process with real
 * credentials: a signed-in facilitator's cookie, real group, session and invite ids and a room credential,
 * each used for most generated values of its parameter (the rest are generated). The checks: no 5xx, every
 * status and body as documented (so every refusal is a typed `{ error: { code, message } }`), invalid input
 * refused, and afterwards the process still running and answering.
 */
export interface FuzzOptions {
  /** Test cases per operation and phase (schemathesis `--max-examples`). */
  maxExamples: number;
  seed: number;
  workers?: number;
  /** Seconds: a time budget for the whole run (fuzzing and stateful phases repeat until it is spent). */
  maxTime?: number;
}

export interface FuzzFigures {
  operations: number;
  testCases: number;
  requests: number;
  serverErrors: number;
  byStatus: Record<string, number>;
  /** Failed checks by kind (schemathesis's title and code, e.g. "Server error (ST101)"), empty when everything held. */
  failuresByCheck: Record<string, number>;
  /** What each distinct failure was, for the reader (operation, check, title). */
  failures: string[];
  schemathesisExit: number;
  /** The server process exited during the run (a crash). */
  crashed: boolean;
  /** GET /api/health answered 200 after the run. */
  answersAfter: boolean;
  /** `internal_error` lines the server logged (each a 5xx it answered). */
  loggedErrors: string[];
  seconds: number;
}

export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
] as const;

const PASSWORD = 'a long enough password';

async function json<T>(url: string, init: { method: string; body?: unknown; cookie?: string }): Promise<{ status: number; body: T; cookie?: string }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(url, { method: init.method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T, ...(setCookie ? { cookie: setCookie.split(';')[0] } : {}) };
}

/** Signs in the first facilitator and creates what the ids in the fuzz dictionaries point at. */
async function realData(server: HearthProcess) {
  const token = new URL(server.setupLink ?? '').searchParams.get('token');
  const setup = await json(`${server.url}${ApiRoutes.setup}`, { method: 'POST', body: { token, email: 'fran@example.org', displayName: 'Fran', password: PASSWORD } });
  if (setup.status !== 201 || !setup.cookie) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = setup.cookie;
  const post = async <T>(path: string, body: unknown, status: number) => {
    const answer = await json<T>(`${server.url}${path}`, { method: 'POST', body, cookie });
    if (answer.status !== status) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const group = await post<Group>(ApiRoutes.groups, { name: 'Fuzzed group', purpose: '' }, 201);
  const sessions = [await post<Session>(ApiRoutes.groupSessions(group.id), { title: 'Evening one' }, 201), await post<Session>(ApiRoutes.groupSessions(group.id), { title: 'Evening two' }, 201)];
  const invites: Invite[] = [];
  for (const session of sessions) {
    invites.push(await post<Invite>(ApiRoutes.sessionInvites(session.id), { role: 'member', maxUses: 50 }, 201));
    invites.push(await post<Invite>(ApiRoutes.sessionInvites(session.id), { role: 'co_facilitator' }, 201));
  }
  const linkTokens = invites.map((invite) => invite.path.split('/').pop() ?? '');
  const member = await post<RoomCredential>(ApiRoutes.redeemInvite(linkTokens[0] ?? ''), { displayName: 'Sam' }, 201);
  const host = await post<RoomCredential>(ApiRoutes.enterSession(sessions[0]?.id ?? ''), {}, 200);
  // [CF1]-[CF3] A facilitator invite left open, and a co-facilitator with an account of their own.
  const openInvite = await post<NewFacilitatorInvite>(ApiRoutes.facilitatorInvites, { email: 'invitee@example.org' }, 201);
  const coInvite = await post<NewFacilitatorInvite>(ApiRoutes.facilitatorInvites, { email: 'cole@example.org' }, 201);
  const coToken = new URL(coInvite.link).hash.replace(/^#token=/, '');
  const co = await json<Account>(`${server.url}${ApiRoutes.acceptFacilitatorInvite}`, { method: 'POST', body: { token: coToken, displayName: 'Cole', password: PASSWORD } });
  if (co.status !== 201) throw new Error(`accept failed: ${co.status} ${JSON.stringify(co.body)}`);
  await post(ApiRoutes.coFacilitators(group.id), { email: 'cole@example.org' }, 201);
  // [OR1] An organisation the host administers, with the group hosted under it.
  const organisation = await post<{ id: string }>(ApiRoutes.organisations, { name: 'Fuzzed Trust' }, 201);
  const hosted = await json(`${server.url}${ApiRoutes.groupOrganisation(group.id)}`, { method: 'PUT', body: { organisationId: organisation.id }, cookie });
  if (hosted.status !== 200) throw new Error(`hosting under the organisation failed: ${hosted.status}`);
  return {
    cookie,
    groupIds: [group.id],
    sessionIds: sessions.map((s) => s.id),
    inviteIds: invites.map((i) => i.id),
    linkTokens,
    credentials: [member.token, host.token],
    facilitatorInviteIds: [openInvite.invite.id, coInvite.invite.id],
    accountIds: [co.body.id],
    organisationIds: [organisation.id],
  };
}

const toml = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

function configFile(data: Awaited<ReturnType<typeof realData>>): string {
  const bind = (location: string, dictionary: string) => `"${location}" = { dictionary = "${dictionary}", probability = 0.8 }`;
  return [
    // The sign-in cookie as the document's security scheme, so schemathesis sends it only to the routes that
    // declare it (sign-out does not: it would end the session every other call uses) and can test without it.
    `[auth.openapi.signIn]\napi_key = ${JSON.stringify(data.cookie.replace(/^[^=]*=/, ''))}`,
    '',
    `[dictionaries.groupIds]\nvalues = ${toml(data.groupIds)}`,
    `[dictionaries.sessionIds]\nvalues = ${toml(data.sessionIds)}`,
    `[dictionaries.inviteIds]\nvalues = ${toml(data.inviteIds)}`,
    `[dictionaries.linkTokens]\nvalues = ${toml(data.linkTokens)}`,
    `[dictionaries.facilitatorInviteIds]\nvalues = ${toml(data.facilitatorInviteIds)}`,
    `[dictionaries.accountIds]\nvalues = ${toml(data.accountIds)}`,
    `[dictionaries.organisationIds]\nvalues = ${toml(data.organisationIds)}`,
    `[dictionaries.credentials]\nvalues = ${toml(data.credentials)}`,
    `[dictionaries.versions]\nvalues = ["1", "2"]`,
    '',
    '[parameters]',
    bind('path.groupId', 'groupIds'),
    bind('path.sessionId', 'sessionIds'),
    bind('path.inviteId', 'inviteIds'),
    bind('path.token', 'linkTokens'),
    bind('path.facilitatorInviteId', 'facilitatorInviteIds'),
    bind('path.accountId', 'accountIds'),
    bind('path.organisationId', 'organisationIds'),
    bind('path.version', 'versions'),
    bind('body.token', 'credentials'),
    '',
  ].join('\n');
}

function runSchemathesis(bin: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    // In the run's own folder: schemathesis keeps a cache (.schemathesis/) in its working directory.
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

interface JsonReport {
  operations?: { tested?: number };
  test_cases?: { generated?: number };
  failures?: Record<string, unknown>[];
}
interface Har {
  log: { entries: { request: { method: string; url: string }; response: { status: number } }[] };
}

function readReport<T>(dir: string, prefix: string): T {
  const file = readdirSync(dir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`schemathesis wrote no ${prefix} report in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

/** A failure entry of the JSON report: its kind (e.g. "Server error", code ST101) and how many distinct cases. */
function failureKind(failure: Record<string, unknown>): { kind: string; count: number } {
  const title = typeof failure.title === 'string' ? failure.title : typeof failure.type === 'string' ? failure.type : 'unknown';
  const code = typeof failure.code === 'string' ? ` (${failure.code})` : '';
  return { kind: `${title}${code}`, count: typeof failure.count === 'number' ? failure.count : 1 };
}

/** One readable line per `request failed` the server logged: the route and where it was thrown. */
function loggedFailure(line: string): string {
  try {
    const entry = JSON.parse(line) as { route?: string; err?: { type?: string; stack?: string } };
    return `${entry.route ?? '?'}: ${entry.err?.type ?? 'Error'} ${entry.err?.stack?.split('\n')[0] ?? ''}`.trim();
  } catch {
    return line.slice(0, 300);
  }
}

export async function runHttpFuzz(options: FuzzOptions, log: (line: string) => void = () => {}): Promise<FuzzFigures> {
  const started = Date.now();
  const bin = ensureSchemathesis({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'hearth-fuzz-'));
  const server = await startHearthProcess({
    PORT: String(await freePort()),
    DATA_DIR: join(dir, 'data'),
    CLIENT_DIST: join(dir, 'no-client'),
    API_DOCS: 'true',
    // Budgets would answer most requests with rate_limited (typed, but it hides the routes behind them).
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
  });
  try {
    const data = await realData(server);
    writeFileSync(join(dir, 'schemathesis.toml'), configFile(data));
    const reports = join(dir, 'reports');
    const args = [
      '--config-file', join(dir, 'schemathesis.toml'),
      'run', `${server.url}${ApiRoutes.apiDocs}`,
      '--checks', CHECKS.join(','),
      '--max-examples', String(options.maxExamples),
      '--seed', String(options.seed),
      '--workers', String(options.workers ?? 1),
      '--continue-on-failure',
      '--report', 'json,har', '--report-dir', reports,
      '--request-timeout', '10',
      ...(options.maxTime ? ['--max-time', String(options.maxTime)] : []),
    ];
    log(`schemathesis ${args.join(' ')}`);
    const run = await runSchemathesis(bin, args, dir);
    writeFileSync(join(reports, 'schemathesis.out'), run.output);
    const crashed = server.child.exitCode !== null || server.child.signalCode !== null;
    const answersAfter = !crashed && (await fetch(`${server.url}${ApiRoutes.health}`).then((r) => r.status === 200).catch(() => false));
    const report = readReport<JsonReport>(reports, 'json-');
    const har = readReport<Har>(reports, 'har-');
    const byStatus: Record<string, number> = {};
    for (const entry of har.log.entries) byStatus[entry.response.status] = (byStatus[entry.response.status] ?? 0) + 1;
    const failuresByCheck: Record<string, number> = {};
    const failures: string[] = [];
    for (const failure of report.failures ?? []) {
      const { kind, count } = failureKind(failure);
      failuresByCheck[kind] = (failuresByCheck[kind] ?? 0) + count;
      failures.push(JSON.stringify(failure).slice(0, 2000));
    }
    // The details (request, answer, how to reproduce) are in schemathesis's own output.
    const details = run.output.indexOf('FAILURES');
    if (failures.length > 0 && details >= 0) failures.push(run.output.slice(details, details + 6000));
    if (run.code !== 0 && failures.length === 0) failures.push(run.output.slice(-4000));
    return {
      operations: report.operations?.tested ?? 0,
      testCases: report.test_cases?.generated ?? 0,
      requests: har.log.entries.length,
      serverErrors: har.log.entries.filter((e) => e.response.status >= 500).length,
      byStatus,
      failuresByCheck,
      failures,
      schemathesisExit: run.code,
      crashed,
      answersAfter,
      loggedErrors: server.output().split('\n').filter((line) => line.includes('request failed')).slice(0, 20).map(loggedFailure),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await server.kill('SIGTERM');
    // HEARTH_FUZZ_KEEP=1 keeps the config, reports and schemathesis output for a closer look.
    if (process.env.HEARTH_FUZZ_KEEP) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
