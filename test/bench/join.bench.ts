// npm run bench:join [-- --rounds 7 --participants 3 --arrival together|one-by-one --browsers per-person|shared]
// Median time from clicking Join to the first remote video frame on loopback (real server, real Chromium
// with fake camera, the peer-to-peer mesh). `together`: all N click Join at the same moment (the worst
// case: every pair negotiates at once). `one-by-one`: each person joins a room where the others already
// are, `--gap-ms` after the previous person saw everyone; the first person, who has nobody to see, is not timed.
// `--browsers shared` (default, comparable with earlier figures) puts every page in one Chromium process;
// `per-person` gives each person their own process, as real people have. Neither is the real thing on a
// 2-core machine: in one process Chromium holds the first video packets ~2 s after the connection is up once
// three pages share its fake camera (two pages: ~50 ms); in separate processes that hold is gone (50-450 ms
// after connecting) but three browsers, their encoders and the server share two cores (measured 2026-12-02).
import type { Page } from 'playwright-core';
import { createInvite, setUpFacilitator, startLiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth } from '../support/hearth.js';
import { clientDist, flags, median, printTable } from './bench-support.js';

const args = flags({
  rounds: { type: 'string', default: '7' },
  participants: { type: 'string', default: '3' },
  arrival: { type: 'string', default: 'together' },
  'gap-ms': { type: 'string', default: '0' },
  browsers: { type: 'string', default: 'shared' },
});
if (args.browsers !== 'per-person' && args.browsers !== 'shared') throw new Error('--browsers is per-person or shared');
const gapMs = Number(args['gap-ms']);
if (args.arrival !== 'together' && args.arrival !== 'one-by-one') throw new Error('--arrival is together or one-by-one');
const rounds = Number(args.rounds);
const count = Number(args.participants);

/**
 * In-page probe: the time of the click on Join, and of the first remote <video> (a tile not labelled
 * "(you)") that has a decoded frame to show. Polled every 5 ms inside the page, so no round trip to the
 * test process blurs the figure.
 */
const probe = () => {
  const w = window as unknown as { __joinAt?: number; __firstFrameAt?: number; __allFramesAt?: number; __expect?: number };
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button');
    if (button?.textContent?.trim() === 'Join' && w.__joinAt === undefined) w.__joinAt = performance.now();
  }, true);
  setInterval(() => {
    if (w.__joinAt === undefined) return;
    const remote = [...document.querySelectorAll('figure[role=group]')].filter((f) => !(f.getAttribute('aria-label') ?? '').includes('(you)'));
    const playing = remote.filter((f) => {
      const video = f.querySelector('video');
      return video !== null && video.readyState >= 2 && video.videoWidth > 0;
    });
    if (playing.length > 0 && w.__firstFrameAt === undefined) w.__firstFrameAt = performance.now();
    if (w.__expect !== undefined && playing.length >= w.__expect && w.__allFramesAt === undefined) w.__allFramesAt = performance.now();
  }, 5);
};

const hearth = await startHearth({ clientDist });
const cookie = await setUpFacilitator(hearth);
const live = await startLiveSession(hearth, cookie);
const shared = args.browsers === 'shared' ? await launchBrowser() : null;
const rows: { round: number; participant: number; first_frame_ms: number; all_frames_ms: number }[] = [];

try {
  for (let round = 1; round <= rounds; round++) {
    const pages: Page[] = [];
    for (let i = 0; i < count; i++) {
      const page = await newPage(shared ?? (await launchBrowser()), { recordPeers: false });
      await page.addInitScript(probe);
      const invite = await createInvite(hearth, live);
      await page.goto(`${hearth.url}${invite.path}`);
      await page.getByLabel('Your name').fill(`P${round}-${i + 1}`);
      await page.getByRole('button', { name: 'Join' }).waitFor();
      await page.evaluate((n) => ((window as unknown as { __expect: number }).__expect = n), count - 1);
      pages.push(page);
    }
    const timed = args.arrival === 'together' ? pages : pages.slice(1);
    if (args.arrival === 'together') {
      await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Join' }).click()));
    } else {
      for (const [i, page] of pages.entries()) {
        // Each newcomer expects to see everyone already there.
        await page.evaluate((n) => ((window as unknown as { __expect: number }).__expect = n), i);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByRole('toolbar', { name: 'Call controls' }).waitFor();
        if (i > 0) await page.waitForFunction(() => (window as unknown as { __allFramesAt?: number }).__allFramesAt !== undefined, undefined, { timeout: 30_000 });
        // Optional pause between arrivals (people rarely arrive within the same second).
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    }
    for (const page of timed) {
      const i = pages.indexOf(page);
      await page.waitForFunction(() => (window as unknown as { __allFramesAt?: number }).__allFramesAt !== undefined, undefined, { timeout: 30_000 });
      const times = await page.evaluate(() => {
        const w = window as unknown as { __joinAt: number; __firstFrameAt: number; __allFramesAt: number };
        return { first: w.__firstFrameAt - w.__joinAt, all: w.__allFramesAt - w.__joinAt };
      });
      rows.push({ round, participant: i + 1, first_frame_ms: Math.round(times.first), all_frames_ms: Math.round(times.all) });
    }
    await Promise.all(pages.map((page) => (shared ? page.context().close() : page.context().browser()?.close())));
  }
} finally {
  await shared?.close();
  await hearth.close();
}

const first = rows.map((r) => r.first_frame_ms);
const all = rows.map((r) => r.all_frames_ms);
printTable(`Join -> first remote video frame, ${count} participants arriving ${args.arrival}, ${rounds} rounds (loopback, mesh, browsers ${args.browsers})`, rows);
const summary = {
  arrival: args.arrival,
  browsers: args.browsers,
  ...(args.arrival === 'one-by-one' ? { gap_ms: gapMs } : {}),
  participants: count,
  rounds,
  median_join_to_first_remote_frame_ms: Math.round(median(first)),
  median_join_to_all_remote_frames_ms: Math.round(median(all)),
  max_join_to_all_remote_frames_ms: Math.max(...all),
  target_ms: 1000,
};
printTable('Summary', [summary]);
console.log(JSON.stringify(summary));
