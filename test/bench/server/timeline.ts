// Where the time goes, second by second. The sampler reads, once a second, the server's CPU (from /proc,
// outside the process), its event-loop delay and memory (from the probe inside it, over IPC), the load
// generator's own CPU and the whole machine's CPU, so a slow second can be blamed on the server, the
// generator, or something else on the machine.
import { performance } from 'node:perf_hooks';
import { machineBusySeconds, readProcess, type BenchServer } from './harness.js';
import type { LoopDelay, ProbeAnswer } from './server-probe.js';

/** A latency above this counts as slow in the per-second view (the alert target). */
export const SLOW_MS = 50;

export interface SecondSample {
  /** performance.now() at the start and end of the second. */
  from: number;
  to: number;
  /** CPU use in that second, % of one core ("other" is the machine minus server and generator). */
  server: number;
  generator: number;
  other: number;
  /** The server's event-loop delay within that second, from the probe. */
  serverLoop: LoopDelay;
  rssMb: number;
  heapUsedMb: number;
}

export interface Sampler {
  seconds: SecondSample[];
  /** The server's event-loop delay over the whole window (one histogram, not a mean of seconds). */
  serverLoop: LoopDelay;
  /** Whole-window CPU use, % of one core. */
  totals(): { server: number; generator: number; other: number };
  stop(): Promise<void>;
}

interface Reading {
  at: number;
  server: number;
  generator: number;
  machine: number;
}

function read(pid: number): Reading | undefined {
  const server = readProcess(pid);
  const machine = machineBusySeconds();
  const own = process.cpuUsage();
  if (!server || machine === undefined) return undefined;
  return { at: performance.now(), server: server.cpuSeconds, generator: (own.user + own.system) / 1e6, machine };
}

function percentages(a: Reading, b: Reading) {
  const seconds = (b.at - a.at) / 1000;
  const server = (100 * (b.server - a.server)) / seconds;
  const generator = (100 * (b.generator - a.generator)) / seconds;
  const other = Math.max(0, (100 * (b.machine - a.machine)) / seconds - server - generator);
  return { server, generator, other };
}

/** Starts the window: resets the probe's histograms, then samples every second until stopped. */
export async function startSampler(server: BenchServer): Promise<Sampler> {
  await server.probe('reset');
  const first = read(server.pid);
  let previous = first;
  let last = first;
  let pending: Promise<void> = Promise.resolve();
  const sampler: Sampler = {
    seconds: [],
    serverLoop: { p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
    totals: () => (first && last && last !== first ? percentages(first, last) : { server: Number.NaN, generator: Number.NaN, other: Number.NaN }),
    async stop() {
      clearInterval(timer);
      await pending;
      await tick();
      sampler.serverLoop = (await server.probe('total')).loop;
    },
  };
  const tick = async () => {
    const answer: ProbeAnswer = await server.probe('sample');
    const now = read(server.pid);
    if (!now || !previous) return;
    sampler.seconds.push({ from: previous.at, to: now.at, ...percentages(previous, now), serverLoop: answer.loop, rssMb: answer.rssMb, heapUsedMb: answer.heapUsedMb });
    previous = now;
    last = now;
  };
  const timer = setInterval(() => (pending = pending.then(tick)), 1000);
  return sampler;
}

/** Every latency sample of the run (commands and alert deliveries), counted per wall-clock second. */
export class LatencyBuckets {
  private readonly buckets = new Map<number, { count: number; slow: number; max: number }>();

  observe(startedAt: number, ms: number): void {
    const key = Math.floor(startedAt / 1000);
    const bucket = this.buckets.get(key) ?? { count: 0, slow: 0, max: 0 };
    bucket.count++;
    if (ms > SLOW_MS) bucket.slow++;
    bucket.max = Math.max(bucket.max, ms);
    this.buckets.set(key, bucket);
  }

  /** The seconds with the most slow samples, beside what each process was doing in that second. */
  worst(seconds: SecondSample[], origin: number, count = 3) {
    return [...this.buckets.entries()]
      .filter(([, b]) => b.slow > 0)
      .sort(([, a], [, b]) => b.slow - a.slow || b.max - a.max)
      .slice(0, count)
      .map(([key, b]) => {
        const middle = key * 1000 + 500;
        const sample = seconds.find((s) => s.from <= middle && middle < s.to);
        const cpu = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value)}%`);
        return {
          second: `${((key * 1000 - origin) / 1000).toFixed(0)} s`,
          samples: b.count,
          [`over_${SLOW_MS}_ms`]: b.slow,
          max_ms: Math.round(b.max),
          server_loop_max_ms: sample ? Math.round(sample.serverLoop.max) : '?',
          server_cpu: cpu(sample?.server),
          generator_cpu: cpu(sample?.generator),
          other_cpu: cpu(sample?.other),
        };
      });
  }
}
