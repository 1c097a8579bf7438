// npm run bench:server [-- --rooms 500 --members 10 --facilitators 2 --duration 60 --alert-every 120]
// R rooms of M simulated people (plain socket.io clients, no browsers) against a real Hearth server
// running as a separate child process on 127.0.0.1. Each room has `--facilitators` facilitators (the
// facilitator and co-facilitators) and members doing the mix in server/load.ts for --duration seconds.
// Measures distress alert delivery to every facilitator, lost and misdelivered alerts and private
// messages, command acks, and the server's own event-loop delay and memory (a probe preloaded into the
// child, answering over IPC), beside CPU use of server, generator and the rest of the machine.
// Bounded: it stops by itself after the run (and gives up after a hard time budget).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setUpFacilitator } from '../support/api.js';
import { flags } from './bench-support.js';
import { connectRooms } from './server/clients.js';
import { checkOpenFileLimit, startBenchServer } from './server/harness.js';
import { describeMix, Load, type Mix } from './server/load.js';
import { judgeAlerts, judgeMessages } from './server/metrics.js';
import { printReport, summarize } from './server/report.js';
import { createRooms } from './server/rooms.js';
import { startSampler } from './server/timeline.js';

const args = flags({
  rooms: { type: 'string', default: '500' },
  members: { type: 'string', default: '10' },
  facilitators: { type: 'string', default: '2' },
  duration: { type: 'string', default: '60' },
  // Far more often than real groups (a few requests a session), so p99 rests on enough samples.
  'alert-every': { type: 'string', default: '120' },
});
const rooms = Number(args.rooms);
const members = Number(args.members);
const facilitators = Number(args.facilitators);
const durationS = Number(args.duration);
const alertEveryS = Number(args['alert-every']);
if (!Number.isInteger(rooms) || rooms < 1 || rooms > 2000) throw new Error('--rooms is a whole number from 1 to 2000');
if (!Number.isInteger(members) || members < 2 || members > 200) throw new Error('--members (people per room, facilitators included) is a whole number from 2 to 200');
if (!Number.isInteger(facilitators) || facilitators < 1 || facilitators >= members) throw new Error('--facilitators is a whole number from 1 to --members minus 1');
if (!(durationS > 0 && durationS <= 600)) throw new Error('--duration is seconds, more than 0 and at most 600');
if (!(alertEveryS > 0)) throw new Error('--alert-every is seconds per member, more than 0');

const fileProblem = checkOpenFileLimit(rooms * members);
if (fileProblem) {
  console.error(fileProblem);
  process.exit(2);
}

const started = performance.now();
const progress = (line: string) => console.error(`[bench:server ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
// startBenchServer gives up by itself if the server does not start within 90 s.
const server = await startBenchServer();

// Hard budget: two minutes, plus 80 ms per participant for setup over HTTP and connecting, plus the run.
const budgetMs = 120_000 + rooms * members * 80 + durationS * 1000;
const watchdog = setTimeout(() => {
  console.error(`[bench:server] gave up: the run exceeded its ${Math.round(budgetMs / 1000)} s budget`);
  server.child.kill('SIGKILL');
  process.exit(1);
}, budgetMs);
watchdog.unref();

try {
  progress(`server pid ${server.pid} at ${server.url}; creating ${rooms} rooms of ${members} over HTTP`);
  const setupStarted = performance.now();
  const cookie = await setUpFacilitator(server);
  const plans = await createRooms(server, cookie, rooms, members, facilitators);
  const setupMs = performance.now() - setupStarted;
  const roomOf = new Map(plans.flatMap((plan) => plan.credentials.map((c) => [c.participantId, plan.index] as const)));

  const mix = {
    durationMs: durationS * 1000,
    alertEveryMs: alertEveryS * 1000,
    mediaEveryMs: [10_000, 30_000],
    muteEveryMs: [30_000, 90_000],
    backchannelEveryMs: [30_000, 90_000],
    acknowledgeAfterMs: [500, 2000],
    replyAfterMs: [1000, 3000],
  } satisfies Mix;
  const load = new Load(mix);
  progress(`setup took ${(setupMs / 1000).toFixed(1)} s; connecting ${rooms * members} sockets in batches`);
  let reported = 0;
  const connect = await connectRooms(server.url, plans, load.wire, 200, (done) => {
    if (done - reported < rooms / 5 && done < rooms) return;
    reported = done;
    progress(`  ${done}/${rooms} rooms connected`);
  });
  progress(`${connect.clients.length} joined in ${(connect.elapsedMs / 1000).toFixed(1)} s; running the mix for ${durationS} s`);

  const idle = await server.probe('sample');
  const sampler = await startSampler(server);
  const resolutionMs = 5;
  const loop = monitorEventLoopDelay({ resolution: resolutionMs });
  const lag = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
  loop.enable();
  const loadStarted = performance.now();
  await load.run(connect.rooms);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  progress(`mix and settling done after ${loadSeconds.toFixed(1)} s; disconnecting`);
  loop.disable();
  await sampler.stop();
  load.close(connect.clients);

  const facts = {
    mix: describeMix(mix),
    rooms,
    members,
    facilitators,
    durationS,
    alertEveryS,
    setupMs,
    connect,
    metrics: load.metrics,
    verdict: judgeAlerts(load.metrics, roomOf),
    messages: judgeMessages(load.metrics),
    sampler,
    serverIdle: { rssMb: idle.rssMb, heapUsedMb: idle.heapUsedMb },
    // The histogram counts whole sampling intervals: subtract the resolution to get the delay.
    generatorEld: { p50: lag(loop.percentile(50)), p99: lag(loop.percentile(99)), max: lag(loop.max) },
    loadStartedAt: loadStarted,
    loadSeconds,
  };
  const summary = summarize(facts);
  printReport(facts, summary);
  console.log(JSON.stringify(summary));
} finally {
  await server.stop();
  progress('server stopped');
}
