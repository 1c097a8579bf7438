import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { ApiRoutes, type Group, type Invite, type RoomCredential, type Session } from '@hearth/shared';
import { PROBE_PREFIX } from './process-probe.js';
import { freePort, startHearthProcess, type HearthProcess } from './server-process.js';
import { connectParticipant, type TestClient } from './sockets.js';

/**
 * The soak (issue 14): sessions opened, used and ended in a loop against a real Hearth process, and what
 * the process holds afterwards compared with what it held after a warm-up: the heap after garbage
 * collection and the resources keeping its event loop alive (timers, sockets). A per-session leak shows as
 * heap that does not come back; a timer left behind by an ended session shows in the count.
 */

export interface Probe {
  heapUsed: number;
  rss: number;
  resources: Record<string, number>;
  gc: boolean;
}

export interface SoakOptions {
  sessions: number;
  warmUp: number;
  concurrency: number;
  /** Probes taken every this many sessions, for the heap-over-time table. */
  probeEvery: number;
  /** How long to wait, at most, for timers (rate budgets' windows) to run out after the last session. */
  drainMs: number;
  /**
   * Waited after the last session before one more is run and the end is measured: signalling tickets live
   * 60 s and are pruned when the next is issued, so a wait past that shows what is left once they are gone.
   */
  settleMs?: number;
}

export interface SoakResult {
  baseline: Probe;
  afterDrain: Probe;
  timeline: { sessions: number; heapMb: number; timers: number; sockets: number }[];
  /** Commands answered, by code (anything but ok is counted too). */
  answers: Record<string, number>;
  failures: string[];
  drainedAfterMs: number;
  seconds: number;
}

export const timers = (p: Probe) => p.resources.Timeout ?? 0;
export const sockets = (p: Probe) => (p.resources.TCPSocketWrap ?? 0) + (p.resources.TCPWRAP ?? 0);

async function probe(proc: HearthProcess): Promise<Probe> {
  const seen = proc.output().length;
  proc.child.kill('SIGUSR2');
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = proc.output().slice(seen).split('\n').find((l) => l.startsWith(PROBE_PREFIX));
    if (line) return JSON.parse(line.slice(PROBE_PREFIX.length)) as Probe;
    if (Date.now() > deadline) throw new Error('the process did not answer the probe');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * HTTP without keep-alive: an idle keep-alive connection (Fastify keeps them 72 s) would count as a
 * socket left behind.
 */
function http<T>(proc: { url: string }, method: string, path: string, options: { body?: unknown; cookie?: string } = {}): Promise<{ status: number; body: T; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(proc.url + path, {
      method, agent: false,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T, ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0]?.split(';')[0] } : {}) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function credential(proc: HearthProcess, path: string, cookie: string | undefined, body: unknown, status: number): Promise<RoomCredential> {
  const answer = await http<RoomCredential>(proc, 'POST', path, { body, ...(cookie ? { cookie } : {}) });
  if (answer.status !== status) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** One session's life: open, two people join and use it, the facilitator ends it. */
async function oneSession(proc: HearthProcess, cookie: string, group: Group, answers: Record<string, number>): Promise<void> {
  const created = await http<Session>(proc, 'POST', ApiRoutes.groupSessions(group.id), { cookie, body: {} });
  if (created.status !== 201) throw new Error(`session: ${created.status}`);
  const session = created.body;
  const clients: TestClient[] = [];
  try {
    const fran = await connectParticipant(proc.url, (await credential(proc, ApiRoutes.enterSession(session.id), cookie, {}, 200)).token);
    clients.push(fran);
    const invite = await http<Invite>(proc, 'POST', ApiRoutes.sessionInvites(session.id), { cookie, body: { role: 'member' } });
    const token = invite.body.path.split('/').at(-1) ?? '';
    const sam = await connectParticipant(proc.url, (await credential(proc, ApiRoutes.redeemInvite(token), undefined, { displayName: 'Sam' }, 201)).token);
    clients.push(sam);
    const count = (ack: unknown) => {
      const a = ack as { ok?: boolean; error?: { code?: string } };
      const code = a.ok ? 'ok' : (a.error?.code ?? 'untyped');
      answers[code] = (answers[code] ?? 0) + 1;
      return ack as Record<string, unknown>;
    };
    count(await fran.send('room:join', { audio: true, video: true }));
    const samId = (count(await sam.send('room:join', { audio: true, video: true })).self as { id: string }).id;
    count(await sam.send('hand:raise', {}));
    count(await fran.send('agenda:move', { step: 'next' }));
    count(await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: false }));
    const raised = count(await sam.send('distress:raise', { level: 'struggling' }));
    if (typeof raised.alertId === 'string') count(await fran.send('distress:acknowledge', { alertId: raised.alertId }));
    count(await fran.send('moderation:mute', { participantId: samId }));
    count(await fran.send('moderation:ask-unmute', { participantId: samId }));
    count(await sam.send('talk:report', { intervals: [{ startAgoMs: 900, endAgoMs: 100 }], speakingForMs: 50 }));
    count(await sam.send('media:state', { audio: false, video: true }));
    const closed = sam.next('room:closed', 5_000);
    const ended = await http(proc, 'POST', ApiRoutes.endSession(session.id), { cookie });
    if (ended.status !== 200) throw new Error(`end: ${ended.status}`);
    await closed;
  } finally {
    for (const client of clients) client.close();
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-soak-'));
  const proc = await startHearthProcess(
    { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    20_000,
    ['--expose-gc', '--import', './test/support/process-probe.ts'],
  );
  const answers: Record<string, number> = {};
  const failures: string[] = [];
  const timeline: SoakResult['timeline'] = [];
  try {
    const setupToken = new URL(proc.setupLink ?? '').searchParams.get('token');
    const setup = await http(proc, 'POST', ApiRoutes.setup, { body: { token: setupToken, email: 'fran@example.org', displayName: 'Fran', password: 'a long enough password' } });
    const cookie = setup.cookie ?? '';
    const group = (await http<Group>(proc, 'POST', ApiRoutes.groups, { cookie, body: { name: 'Soak circle', purpose: 'Soak test' } })).body;
    let done = 0;
    const loop = async (until: number) => {
      const worker = async () => {
        while (done < until) {
          done += 1;
          await oneSession(proc, cookie, group, answers).catch((err: unknown) => failures.push(String(err)));
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
    };
    await loop(options.warmUp);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = await probe(proc);
    const started = Date.now();
    const mark = (p: Probe, n: number) => timeline.push({ sessions: n, heapMb: +(p.heapUsed / 2 ** 20).toFixed(2), timers: timers(p), sockets: sockets(p) });
    mark(baseline, 0);
    for (let n = options.probeEvery; n <= options.sessions; n += options.probeEvery) {
      await loop(options.warmUp + n);
      mark(await probe(proc), n);
    }
    const seconds = (Date.now() - started) / 1000;
    if (options.settleMs) {
      await new Promise((resolve) => setTimeout(resolve, options.settleMs));
      await loop(options.warmUp + options.sessions + 1);
    }
    // Rate budgets and talk-time windows hold timers for a while after the last command: wait them out.
    const drainStart = Date.now();
    let afterDrain = await probe(proc);
    while ((timers(afterDrain) > timers(baseline) || sockets(afterDrain) > sockets(baseline)) && Date.now() - drainStart < options.drainMs) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      afterDrain = await probe(proc);
    }
    return { baseline, afterDrain, timeline, answers, failures, drainedAfterMs: Date.now() - drainStart, seconds };
  } finally {
    await proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
