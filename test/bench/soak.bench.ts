// npm run bench:soak [-- --sessions 1000 --warm-up 50 --concurrency 4 --probe-every 100]
// The soak at full size (issue 14; the short run is test/integration/soak.test.ts): sessions opened, used
// (a facilitator and a member join, raise a hand, move the agenda, start a round, raise and acknowledge a
// support request, mute, ask to unmute, report talk time) and ended in a loop against a real Hearth process
// started with --expose-gc; the heap after GC and the timers and sockets keeping its event loop alive are
// compared with what they were after a warm-up (test/support/process-probe.ts reads them in the process).
// During the loop the heap holds what is bounded by time or count rather than by sessions: signalling tickets
// issued in the last 60 s (pruned when the next is issued), the last 1,000 finished sessions' ids (talk time);
// the end is measured after --settle-s, when only the capped part is left.
import { runSoak, sockets, timers } from '../support/soak.js';
import { flags, printTable } from './bench-support.js';

const args = flags({
  sessions: { type: 'string', default: '1000' },
  'warm-up': { type: 'string', default: '50' },
  concurrency: { type: 'string', default: '4' },
  'probe-every': { type: 'string', default: '100' },
  'settle-s': { type: 'string', default: '61' },
});
const sessions = Number(args.sessions);
const result = await runSoak({
  sessions,
  warmUp: Number(args['warm-up']),
  concurrency: Number(args.concurrency),
  probeEvery: Number(args['probe-every']),
  drainMs: 75_000,
  settleMs: Number(args['settle-s']) * 1000,
});
const mb = (bytes: number) => +(bytes / 2 ** 20).toFixed(2);
const growth = result.afterDrain.heapUsed - result.baseline.heapUsed;

printTable('Heap after GC and what keeps the event loop alive, by sessions ended since the warm-up', result.timeline.map((t) => ({
  sessions: t.sessions, heap_mb: t.heapMb, timers: t.timers, sockets: t.sockets,
})));
printTable(`Baseline (after the warm-up) against the end (${args['settle-s']} s after the last session, once signalling tickets have expired, one more session run; timers run out)`, [
  { measure: 'heap after GC (MB)', baseline: mb(result.baseline.heapUsed), end: mb(result.afterDrain.heapUsed) },
  { measure: 'rss (MB)', baseline: mb(result.baseline.rss), end: mb(result.afterDrain.rss) },
  { measure: 'timers', baseline: timers(result.baseline), end: timers(result.afterDrain) },
  { measure: 'sockets', baseline: sockets(result.baseline), end: sockets(result.afterDrain) },
  { measure: 'all active resources', baseline: Object.values(result.baseline.resources).reduce((a, b) => a + b, 0), end: Object.values(result.afterDrain.resources).reduce((a, b) => a + b, 0) },
]);
printTable('Commands answered during the soak', Object.entries(result.answers).map(([answer, count]) => ({ answer, count })));
for (const failure of result.failures.slice(0, 5)) console.log(`  ! ${failure}`);
console.log(JSON.stringify({
  sessions,
  seconds: Math.round(result.seconds),
  sessions_per_second: +(sessions / result.seconds).toFixed(1),
  heap_baseline_mb: mb(result.baseline.heapUsed),
  heap_end_mb: mb(result.afterDrain.heapUsed),
  heap_growth_mb: mb(growth),
  heap_growth_per_session_bytes: Math.round(growth / sessions),
  timers_baseline: timers(result.baseline),
  timers_end: timers(result.afterDrain),
  sockets_baseline: sockets(result.baseline),
  sockets_end: sockets(result.afterDrain),
  settle_s: Number(args['settle-s']),
  drained_after_ms: result.drainedAfterMs,
  failures: result.failures.length,
  answers: result.answers,
}));
