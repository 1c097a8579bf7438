// npm run bench:livekit [-- --sizes 4,20,50 --browsers 3 --rounds 2 --video 160x120@10 --steady-s 10]
//
// N people in one room through the real livekit-server (scripts/livekit-server.mjs, built once from its Go
// module) on loopback. `--browsers` of them are real Chromium processes (Hearth's client, livekit-client,
// fake camera and microphone); the others are lightweight publishers (test/bench/livekit/publisher.ts: a
// Hearth member over its socket, publishing synthetic camera and microphone frames with @livekit/rtc-node).
// Hearth runs as its own process, so its CPU is its own.
//
// For each size: the publishers join and publish first; then, `--rounds` times, the browsers open the
// invite, and all click Join together; each is timed from its click to the first remote video frame its page
// shows (an in-page probe polling every 5 ms, as in bench:join). Then everyone stays `--steady-s` seconds,
// over which the CPU of livekit-server, Hearth and this process (the publishers and the browser driver) is
// read from /proc (% of one core: 200 % is the whole of a 2-core machine).
// Everything runs on one machine: past a few people the figures say what the machine can do, which is why
// the table also has the publishers' CPU and the load average.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { createInvite, setUpFacilitator, startLiveSession, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { freePort, startHearthProcess } from '../support/server-process.js';
import { clientDist, flags, median, percentile, printTable } from './bench-support.js';
import { startBenchLiveKit } from './livekit-support.js';
import { cpuWindow } from './livekit/cpu.js';
import type { Publisher, VideoShape } from './livekit/publisher.js';

// rtc-node's logger logs at debug level unless NODE_ENV is production, and is made when it is imported.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
const { startPublisher } = await import('./livekit/publisher.js');
const { dispose } = await import('@livekit/rtc-node');
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;

const args = flags({
  sizes: { type: 'string', default: '4,20,50' },
  browsers: { type: 'string', default: '3' },
  rounds: { type: 'string', default: '2' },
  video: { type: 'string', default: '160x120@10' },
  'steady-s': { type: 'string', default: '10' },
});
const sizes = args.sizes.split(',').map(Number);
const browserCount = Number(args.browsers);
const rounds = Number(args.rounds);
const steadyMs = Number(args['steady-s']) * 1000;
const shape = /^(\d+)x(\d+)@(\d+)$/.exec(args.video);
if (!shape) throw new Error('--video is WIDTHxHEIGHT@FPS, e.g. 160x120@10');
const video: VideoShape = { width: Number(shape[1]), height: Number(shape[2]), fps: Number(shape[3]) };
if (sizes.some((n) => !Number.isInteger(n) || n < browserCount || n < 2)) throw new Error(`every size must be at least --browsers (${browserCount}) and 2`);

/** Click on Join -> the first remote tile (not "(you)") with a decoded video frame, timed inside the page. */
const probe = () => {
  const w = window as unknown as { __joinAt?: number; __firstFrameAt?: number };
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button');
    if (button?.textContent?.trim() === 'Join' && w.__joinAt === undefined) w.__joinAt = performance.now();
  }, true);
  const timer = setInterval(() => {
    if (w.__joinAt === undefined) return;
    const remote = [...document.querySelectorAll('figure[role=group]')].filter((f) => !(f.getAttribute('aria-label') ?? '').includes('(you)'));
    if (remote.some((f) => { const v = f.querySelector('video'); return v !== null && v.readyState >= 2 && v.videoWidth > 0; })) {
      w.__firstFrameAt = performance.now();
      clearInterval(timer);
    }
  }, 5);
};

const sfu = await startBenchLiveKit({ udpPorts: 4 * Math.max(...sizes) + 20 });
const rooms = new RoomServiceClient(sfu.livekit.apiUrl, sfu.livekit.apiKey, sfu.livekit.apiSecret);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-livekit-bench-'));
const port = await freePort();
const hearth = await startHearthProcess({
  ...sfu.env,
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATA_DIR: dataDir,
  CLIENT_DIST: process.env.HEARTH_BENCH_CLIENT_DIST ?? clientDist,
  // Every invite of the bench comes from one address.
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
});
sfu.forwardTo(hearth.url);
const cookie = await setUpFacilitator(hearth);

interface SizeResult {
  people: number;
  browsers: number;
  publishers: number;
  joins: number[];
  failed: number;
  publishersUpS: number;
  cpu: Record<string, number>;
  load: number;
}

const row = (r: SizeResult) => ({
  people: r.people,
  browsers: r.browsers,
  publishers: r.publishers,
  publishers_up_s: r.publishersUpS,
  join_to_first_frame_median_ms: r.joins.length ? Math.round(median(r.joins)) : '-',
  join_to_first_frame_p95_ms: r.joins.length ? percentile(r.joins, 95) : '-',
  joins_timed: r.joins.length,
  no_frame_in_120s: r.failed,
  livekit_cpu_pct: r.cpu.livekit_server ?? 0,
  hearth_cpu_pct: r.cpu.hearth ?? 0,
  publishers_cpu_pct: r.cpu.bench_publishers ?? 0,
  load_1m: r.load.toFixed(1),
});

/** Waits until LiveKit lists `count` participants publishing video in the room. */
async function untilListed(room: string, count: number, timeoutMs: number): Promise<number> {
  let seen = 0;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    seen = (await rooms.listParticipants(room)).filter((p) => p.tracks.some((t) => t.type === TrackType.VIDEO)).length;
    if (seen >= count) break;
  }
  return seen;
}

let publisherRetries = 0;
async function publisherWithRetry(live: LiveSession, name: string): Promise<Publisher> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPublisher(hearth, live, attempt === 1 ? name : `${name}-${attempt}`, video);
    } catch (error) {
      if (attempt === 3) throw error;
      publisherRetries += 1;
    }
  }
}

/** Opens each browser's pre-join page, then all click Join at once; each page's Join -> first remote frame. */
async function browserRound(live: LiveSession, size: number, round: number): Promise<{ joins: number[]; failed: number; browsers: Browser[] }> {
  const browsers: Browser[] = [];
  const pages: Page[] = [];
  for (let i = 0; i < browserCount; i++) {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await newPage(browser, { recordPeers: false });
    await page.addInitScript(probe);
    await page.goto(`${hearth.url}${(await createInvite(hearth, live)).path}`);
    await page.getByLabel('Your name').fill(`B${size}-${round}-${i + 1}`);
    await page.getByRole('button', { name: 'Join' }).waitFor({ timeout: 60_000 });
    pages.push(page);
  }
  const timed = await Promise.all(pages.map(async (page) => {
    try {
      // A generous click timeout: on an overloaded machine Playwright's click itself has waited > 30 s.
      await page.getByRole('button', { name: 'Join' }).click({ timeout: 120_000 });
      await page.waitForFunction(() => (window as unknown as { __firstFrameAt?: number }).__firstFrameAt !== undefined, undefined, { timeout: 120_000, polling: 100 });
      return await page.evaluate(() => {
        const w = window as unknown as { __joinAt: number; __firstFrameAt: number };
        return Math.round(w.__firstFrameAt - w.__joinAt);
      });
    } catch {
      return null;
    }
  }));
  const joins = timed.filter((t): t is number => t !== null);
  return { joins, failed: timed.length - joins.length, browsers };
}

const results: SizeResult[] = [];
try {
  for (const size of sizes) {
    const live = await startLiveSession(hearth, cookie);
    const publisherCount = size - browserCount;
    const publishers: Publisher[] = [];
    let browsers: Browser[] = [];
    const upStarted = Date.now();
    try {
      // One after another: all at once is a join storm, which is not what this measures (and rtc-node has
      // been seen to lose a room's handle while several connect at once in one process: retried).
      for (let i = 1; i <= publisherCount; i++) publishers.push(await publisherWithRetry(live, `P${size}-${i}`));
      const listed = await untilListed(live.session.id, publisherCount, 60_000);
      if (listed < publisherCount) console.log(`warning: LiveKit lists ${listed} of ${publisherCount} publishers with video`);
      const publishersUpS = Math.round((Date.now() - upStarted) / 100) / 10;
      const joins: number[] = [];
      let failed = 0;
      for (let round = 1; round <= rounds; round++) {
        const outcome = await browserRound(live, size, round);
        joins.push(...outcome.joins);
        failed += outcome.failed;
        // The last round's browsers stay for the steady-state reading: the room then holds `size` people.
        if (round < rounds) await Promise.all(outcome.browsers.map((b) => b.close()));
        else browsers = outcome.browsers;
      }
      const inRoom = await untilListed(live.session.id, size, 30_000);
      if (inRoom < size) console.log(`warning: at ${size} people LiveKit lists ${inRoom} publishing video`);
      const meter = cpuWindow({ livekit_server: sfu.livekit.pid ?? 0, hearth: hearth.child.pid ?? 0, bench_publishers: 'self' });
      await new Promise((resolve) => setTimeout(resolve, steadyMs));
      const result = { people: size, browsers: browserCount, publishers: publisherCount, joins, failed, publishersUpS, cpu: meter(), load: loadavg()[0] ?? 0 };
      results.push(result);
      // As it goes: a large size can take many minutes on a loaded machine.
      printTable(`${size} people done`, [row(result)]);
    } finally {
      await Promise.all(browsers.map((b) => b.close()));
      await Promise.all(publishers.map((p) => p.stop()));
    }
  }
} finally {
  await hearth.kill('SIGTERM');
  await sfu.close();
  await dispose();
  rmSync(dataDir, { recursive: true, force: true });
}

const rows = results.map(row);
printTable(`bench:livekit: ${browserCount} Chromium + rtc-node publishers (${args.video}), ${rounds} rounds; CPU in % of one core over ${steadyMs / 1000} s with everyone in`, rows);
const at4 = results.find((r) => r.people === 4);
const summary = {
  video: args.video,
  browsers: browserCount,
  rounds,
  publisher_retries: publisherRetries,
  median_join_to_first_remote_frame_ms: at4 && at4.joins.length ? Math.round(median(at4.joins)) : null,
  target_ms: 1000,
  sizes: Object.fromEntries(results.map((r) => [r.people, {
    join_median_ms: r.joins.length ? Math.round(median(r.joins)) : null,
    join_p95_ms: r.joins.length ? percentile(r.joins, 95) : null,
    no_frame: r.failed,
    livekit_cpu_pct: r.cpu.livekit_server,
    hearth_cpu_pct: r.cpu.hearth,
    publishers_cpu_pct: r.cpu.bench_publishers,
    load_1m: Math.round(r.load * 10) / 10,
  }])),
};
console.log(JSON.stringify(summary));
// rtc-node's native side can keep the event loop alive after dispose(); everything is closed by now.
process.exit(0);
