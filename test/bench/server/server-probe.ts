// Preloaded into the server child by the benchmark only (`node --import <this file> server/src/server.ts`,
// see harness.ts): it measures the server's own event-loop delay and memory from inside its process and
// answers over the child's IPC channel. Production code gains no route, flag or dependency for this, and
// a server started any other way never loads it.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Sampling period of the histograms: a delay shorter than this is not seen. */
export const PROBE_RESOLUTION_MS = 5;

export type ProbeRequest = { probe: 'reset' } | { probe: 'sample' } | { probe: 'total' };

export interface LoopDelay {
  /** Milliseconds a timer fired late (the histogram's interval minus the resolution). */
  p50: number;
  p99: number;
  max: number;
}

export interface ProbeAnswer {
  probe: ProbeRequest['probe'];
  loop: LoopDelay;
  rssMb: number;
  heapUsedMb: number;
}

const delayOf = (h: IntervalHistogram): LoopDelay => {
  // An empty histogram reports huge sentinel values; no samples means no measured delay.
  if (h.count === 0) return { p50: 0, p99: 0, max: 0 };
  const late = (ns: number) => Math.max(0, ns / 1e6 - PROBE_RESOLUTION_MS);
  return { p50: late(h.percentile(50)), p99: late(h.percentile(99)), max: late(h.max) };
};

if (process.send) {
  // One histogram for the whole measured window, one reset at every sample for the per-second view.
  const whole = monitorEventLoopDelay({ resolution: PROBE_RESOLUTION_MS });
  const recent = monitorEventLoopDelay({ resolution: PROBE_RESOLUTION_MS });
  whole.enable();
  recent.enable();
  process.on('message', (message: ProbeRequest) => {
    if (message.probe === 'reset') {
      whole.reset();
      recent.reset();
    }
    const memory = process.memoryUsage();
    const answer: ProbeAnswer = {
      probe: message.probe,
      loop: delayOf(message.probe === 'total' ? whole : recent),
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
    };
    if (message.probe === 'sample') recent.reset();
    process.send?.(answer);
  });
  // The IPC channel must not keep the server alive once it has decided to exit.
  process.channel?.unref();
}
