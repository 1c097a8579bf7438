// The server under test as a child process (so the load generator never shares its event loop), with
// the probe preloaded for its event-loop delay and memory; the open-file check done before anything
// starts; and reading the child's CPU from /proc (outside in).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/server-process.js';
import type { ProbeAnswer, ProbeRequest } from './server-probe.js';

export interface BenchServer {
  url: string;
  setupLink: string | null;
  child: ChildProcess;
  pid: number;
  /** Asks the probe inside the server; answers come back in order over IPC. */
  probe(request: ProbeRequest['probe']): Promise<ProbeAnswer>;
  stop(): Promise<void>;
}

const PROBE = fileURLToPath(new URL('./server-probe.ts', import.meta.url));
// Generous: on a machine busy with other work, loading the server through tsx alone can take 20 s.
const START_TIMEOUT_MS = 90_000;

/**
 * Like test/support/server-process.ts, plus an IPC channel and the probe preloaded (`--import`).
 * AUTH_RATE_LIMIT_PER_MINUTE: setting up R rooms redeems R x M invite links from our one address, far
 * above the production default of 20 a minute; the setting exists (config.ts), the benchmark raises it.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_CPU_PROF=<dir>: also write a V8 CPU profile of the server there (open in Chrome DevTools).
  const profile = process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--import', PROBE, 'server/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      CLIENT_DIST: join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waiting: ((answer: ProbeAnswer) => void)[] = [];
  child.on('message', (answer: ProbeAnswer) => waiting.shift()?.(answer));
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  // A fresh data directory always prints the one-time setup link, last; it may arrive in a later chunk.
  const setupLine = /(https?:\/\/\S+\/setup\?token=\S+)\s/;
  while (!setupLine.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      if (child.exitCode !== null) throw new Error(`Hearth exited early (${child.exitCode}):\n${output}`);
      throw new Error(`Hearth did not start within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const setupLink = setupLine.exec(output)?.[1]?.replace(/^https?:\/\/[^/]+/, url) ?? null;
  return {
    url,
    setupLink,
    child,
    pid: child.pid ?? 0,
    probe(request) {
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        child.send({ probe: request } satisfies ProbeRequest, (err) => err && reject(err));
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Each process holds one descriptor per socket, plus a margin for files, pipes and the HTTP pool. */
export function checkOpenFileLimit(sockets: number): string | undefined {
  const answer = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const raw = answer.stdout.trim();
  const limit = raw === 'unlimited' ? Infinity : Number(raw);
  const needed = sockets + 256;
  if (!Number.isFinite(limit) || limit >= needed) return undefined;
  return (
    `The open-file limit (ulimit -n) is ${limit}, but this run opens ${sockets} sockets in the load generator ` +
    `and as many in the server: each process needs about ${needed}.\n` +
    `Raise it in this shell (ulimit -n ${Math.max(needed, 8192)}) or run fewer --rooms/--members.`
  );
}

/** RSS (MB) and cumulative CPU seconds of a process, read from /proc; undefined where there is no /proc. */
export function readProcess(pid: number): { rssMb: number; cpuSeconds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssMb: rssKb / 1024, cpuSeconds: ticks / clockTicks() };
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ticksPerSecond;
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const busy = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
    return busy / clockTicks();
  } catch {
    return undefined;
  }
}
