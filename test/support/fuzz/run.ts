import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiRoutes } from '@hearth/shared';
import { facilitatorCredential, http, setUpFacilitator, startLiveSession } from '../api.js';
import { freePort, startHearthProcess } from '../server-process.js';
import { answerCode, connect, runPerson, send, type Person, type Shared } from './actor.js';
import { FuzzLedger } from './ledger.js';
import { IdPool, prng, validPayloadPool } from './payloads.js';
import { checkRecords, snapshot, type RecordCheck } from './records.js';
import { newPerson, prepareSession, type FuzzSession } from './setup.js';

/**
 * The socket fuzz against a real Hearth process (issue 14): sessions are prepared with records and
 * canaries, then many people send `commands` broken, wrong-role and out-of-order commands; afterwards the
 * server must still admit someone new and answer them, have lost no record, and have told no member
 * anything only facilitators may know.
 */

export interface FuzzOptions {
  commands: number;
  sessions: number;
  membersPerSession: number;
  seed: number;
  /** Each person's pause between commands (the server's budget is 60 per 5 s per person, RL1). */
  intervalMs: number;
  /** People replaced per session after being shut out (removed or banned by a fuzzed facilitator). */
  replacements: number;
}

export interface FuzzResult {
  ledger: FuzzLedger;
  records: RecordCheck;
  /** After the run: a new session's facilitator connected, joined and was answered. */
  alive: { health: number; join: string; command: string };
  processExited: boolean;
  /** Lines the server logged at level error or worse (unexpected failures). */
  serverErrors: string[];
  seconds: number;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-fuzz-'));
  const proc = await startHearthProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'error', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  const ledger = new FuzzLedger();
  let remaining = options.commands;
  let stopped = false;
  const shared: Shared = {
    url: proc.url, ids: new IdPool(), ledger, pool: validPayloadPool(options.seed),
    take: () => (remaining > 0 ? (remaining--, true) : ((stopped = true), false)),
    stopped: () => stopped,
    ackTimeoutMs: 10_000,
    intervalMs: options.intervalMs,
  };
  try {
    const cookie = await setUpFacilitator(proc);
    const sessions: FuzzSession[] = [];
    for (let s = 0; s < options.sessions; s++) sessions.push(await prepareSession(shared, proc, cookie, s, options.membersPerSession));
    for (const s of sessions) for (const p of [...s.people.map((x) => x.person), ...s.shutOut]) shared.ids.add(p.participantId);
    const database = join(dataDir, 'hearth.sqlite');
    const before = snapshot(database);
    const started = Date.now();

    const rng = prng(options.seed);
    const runs: Promise<unknown>[] = [];
    const probes: Promise<unknown>[] = [];
    for (const [index, session] of sessions.entries()) {
      let replaced = 0;
      const keepGoing = async (person: Person, first?: Parameters<typeof runPerson>[3]): Promise<void> => {
        const ended = await runPerson(shared, person, prng(Math.floor(rng() * 2 ** 32)), first);
        if (ended === 'spent' || stopped || replaced >= options.replacements) return;
        replaced += 1;
        const next = await newPerson(proc, session.live, person.kind, index, `${person.kind} ${replaced}`).catch(() => undefined);
        if (next) await keepGoing(next);
      };
      for (const { person, connection } of session.people) runs.push(keepGoing(person, connection));
      probes.push(...session.shutOut.map((person) => probeShutOut(shared, person)));
    }
    await Promise.all(runs);
    stopped = true;
    await Promise.all(probes);
    ledger.frozen = true;
    const seconds = (Date.now() - started) / 1000;

    const alive = await stillAnswers(shared, proc);
    const records = checkRecords(database, before, ledger);
    for (const s of sessions) for (const { connection } of s.people) connection.socket.close();
    const serverErrors = proc.output().split('\n').filter((line) => /"level":(50|60)/.test(line) || /Error|uncaught|unhandled/i.test(line));
    return { ledger, records, alive, processExited: proc.child.exitCode !== null, serverErrors, seconds };
  } finally {
    stopped = true;
    await proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A removed or banned person keeps knocking: every handshake must be refused, with their reason. */
async function probeShutOut(shared: Shared, person: Person): Promise<void> {
  while (!shared.stopped()) {
    const attempt = await connect(shared, person);
    shared.ledger.handshake(person.kind === 'member' ? 'removed or banned' : person.kind, 'refused' in attempt ? attempt.refused : 'admitted');
    if (!('refused' in attempt)) {
      shared.ledger.violation('a shut-out credential was admitted', person, person.participantId);
      attempt.socket.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stillAnswers(shared: Shared, proc: { url: string; setupLink: string | null }) {
  const health = (await http(proc, 'GET', ApiRoutes.health)).status;
  const cookie = (await http(proc, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'a long enough password' } })).cookie;
  const live = await startLiveSession(proc, cookie);
  const credential = await facilitatorCredential(proc, live);
  const person: Person = { kind: 'host', role: 'facilitator', token: credential.token, participantId: credential.participantId, session: -1 };
  const c = await connect(shared, person);
  if ('refused' in c) return { health, join: `refused ${c.refused}`, command: 'not sent' };
  const join = answerCode('room:join', await send(shared, c, { event: 'room:join', args: [{ audio: false, video: false }], ack: true, mutation: 'valid' })).code;
  const command = answerCode('agenda:get', await send(shared, c, { event: 'agenda:get', args: [{}], ack: true, mutation: 'valid' })).code;
  c.socket.close();
  return { health, join, command };
}
