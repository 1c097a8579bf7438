// npm run bench:signal [-- --participants 6 --rounds 3 --arrival together|one-by-one]
// What a real mesh negotiation sends on the signalling WebSocket, per person: how many messages in all,
// the most in any 1 s and any 100 ms, the largest frame, SDP and ICE candidate. Real server, real Chromium
// (one process, fake camera, loopback ICE), everyone joining at once (`together`, the worst case: every
// pair negotiates at the same moment) or one after another. The signalling budgets
// (server/src/modules/signalling/signal-budget.ts, [SG4] [SG5]) are chosen from these figures with margin:
// loopback gathers few candidates; a real network adds server-reflexive, relay, IPv6 and TCP ones.
import type { Page } from 'playwright-core';
import { SignalCloseCode } from '@hearth/shared';
import { createInvite, setUpFacilitator, startLiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth } from '../support/hearth.js';
import { clientDist, flags, printTable } from './bench-support.js';

const args = flags({
  rounds: { type: 'string', default: '3' },
  participants: { type: 'string', default: '6' },
  arrival: { type: 'string', default: 'together' },
  'settle-ms': { type: 'string', default: '5000' },
});
if (args.arrival !== 'together' && args.arrival !== 'one-by-one') throw new Error('--arrival is together or one-by-one');
const rounds = Number(args.rounds);
const count = Number(args.participants);
const settleMs = Number(args['settle-ms']);

interface Sent {
  t: number;
  bytes: number;
  sdp: number;
  candidate: number;
}

/** In-page: records every frame the page sends on the signalling socket (time, size, what it carried). */
const probe = () => {
  const w = window as unknown as { __signalSent: Sent[]; __signalCloses: number[]; __expect?: number; __allFramesAt?: number; __playing?: number };
  w.__signalSent = [];
  w.__signalCloses = [];
  const watched = new WeakSet<WebSocket>();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    if (this.url.includes('/api/signal') && typeof data === 'string') {
      if (!watched.has(this)) {
        watched.add(this);
        // 4429 or 1009 here would mean the budgets cut off a real negotiation.
        this.addEventListener('close', (event) => w.__signalCloses.push(event.code));
      }
      const message = JSON.parse(data) as { description?: { sdp?: string }; candidate?: { candidate: string } | null };
      w.__signalSent.push({
        t: performance.now(),
        bytes: new TextEncoder().encode(data).length,
        sdp: message.description?.sdp?.length ?? 0,
        candidate: message.candidate?.candidate.length ?? 0,
      });
    }
    send.call(this, data);
  };
  setInterval(() => {
    const remote = [...document.querySelectorAll('figure[role=group]')].filter((f) => !(f.getAttribute('aria-label') ?? '').includes('(you)'));
    const playing = remote.filter((f) => {
      const video = f.querySelector('video');
      return video !== null && video.readyState >= 2 && video.videoWidth > 0;
    });
    w.__playing = playing.length;
    if (w.__expect !== undefined && playing.length >= w.__expect && w.__allFramesAt === undefined) w.__allFramesAt = performance.now();
  }, 20);
};

/** The most messages sent within any window of `ms`. */
function peak(times: number[], ms: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const hearth = await startHearth({ clientDist });
const cookie = await setUpFacilitator(hearth);
const live = await startLiveSession(hearth, cookie);
const browser = await launchBrowser();
const rows: { round: number; participant: number; remote_videos_playing: number; closed_over_budget: number; messages: number; candidates: number; descriptions: number; peak_1s: number; peak_100ms: number; total_bytes: number; max_frame_bytes: number; max_sdp_chars: number; max_candidate_chars: number }[] = [];

try {
  for (let round = 1; round <= rounds; round++) {
    const pages: Page[] = [];
    for (let i = 0; i < count; i++) {
      const page = await newPage(browser, { recordPeers: false });
      await page.addInitScript(probe);
      const invite = await createInvite(hearth, live);
      await page.goto(`${hearth.url}${invite.path}`);
      await page.getByLabel('Your name').fill(`P${round}-${i + 1}`);
      await page.getByRole('button', { name: 'Join' }).waitFor();
      pages.push(page);
    }
    if (args.arrival === 'together') {
      await Promise.all(pages.map((page) => page.evaluate((n) => ((window as unknown as { __expect: number }).__expect = n), count - 1)));
      await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Join' }).click()));
    } else {
      for (const [i, page] of pages.entries()) {
        await page.evaluate((n) => ((window as unknown as { __expect: number }).__expect = n), i);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.waitForFunction(() => (window as unknown as { __allFramesAt?: number }).__allFramesAt !== undefined, undefined, { timeout: 60_000 });
      }
      await Promise.all(pages.map((page) => page.evaluate((n) => ((window as unknown as { __expect: number }).__expect = n), count - 1)));
    }
    // Six pages sharing one fake camera on two cores may not all show every tile; the traffic is what counts.
    await Promise.all(pages.map((page) => page.waitForFunction(() => (window as unknown as { __allFramesAt?: number }).__allFramesAt !== undefined, undefined, { timeout: 45_000 }).catch(() => undefined)));
    // Trickling goes on a little after the first frames; ICE restarts would come later still.
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    for (const [i, page] of pages.entries()) {
      const { sent, playing, closes } = await page.evaluate(() => {
        const w = window as unknown as { __signalSent: Sent[]; __signalCloses: number[]; __playing?: number };
        return { sent: w.__signalSent, playing: w.__playing ?? 0, closes: w.__signalCloses };
      });
      const times = sent.map((s) => s.t);
      rows.push({
        round,
        participant: i + 1,
        remote_videos_playing: playing,
        closed_over_budget: closes.filter((code) => code === SignalCloseCode.overBudget || code === SignalCloseCode.tooBig).length,
        messages: sent.length,
        candidates: sent.filter((s) => s.candidate > 0).length,
        descriptions: sent.filter((s) => s.sdp > 0).length,
        peak_1s: peak(times, 1000),
        peak_100ms: peak(times, 100),
        total_bytes: sent.reduce((sum, s) => sum + s.bytes, 0),
        max_frame_bytes: Math.max(0, ...sent.map((s) => s.bytes)),
        max_sdp_chars: Math.max(0, ...sent.map((s) => s.sdp)),
        max_candidate_chars: Math.max(0, ...sent.map((s) => s.candidate)),
      });
    }
    await Promise.all(pages.map((page) => page.context().close()));
  }
} finally {
  await browser.close();
  await hearth.close();
}

printTable(`Signalling sent per person, ${count} participants arriving ${args.arrival}, ${rounds} rounds (loopback, mesh)`, rows);
const most = (key: keyof (typeof rows)[number]) => Math.max(0, ...rows.map((r) => r[key]));
const summary = {
  arrival: args.arrival,
  participants: count,
  rounds,
  max_messages: most('messages'),
  max_peak_1s: most('peak_1s'),
  max_peak_100ms: most('peak_100ms'),
  max_total_bytes: most('total_bytes'),
  max_frame_bytes: most('max_frame_bytes'),
  max_sdp_chars: most('max_sdp_chars'),
  max_candidate_chars: most('max_candidate_chars'),
  closed_over_budget: rows.reduce((sum, r) => sum + r.closed_over_budget, 0),
};
printTable('Summary', [summary]);
console.log(JSON.stringify(summary));
