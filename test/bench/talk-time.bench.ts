// npm run bench:talk-time [-- --lead 15 --keep yes --together yes --media mesh|livekit] | [-- --speakers a.wav,b.wav --truth truth.json]
//
// `--media livekit`: the same in LiveKit mode, through a real livekit-server on loopback (scripts/livekit-server.mjs,
// built once from its Go module) with livekit-client in each Chromium; the bench checks that LiveKit lists every
// member publishing a microphone, so the figures are the SFU path's, not the mesh's.
//
// Talk-time measurement end to end: a real Hearth server, one headless Chromium PROCESS per member (the fake
// microphone file is per process), each fed a WAV with known speech intervals, and a facilitator who reads
// the server's live `talk:stats` (the facilitator's view). Compares each member's credited total with the
// truth, and times speech start -> the facilitator's view shows it.
//
// Default cast (files made at run time with espeak-ng + sox, see talk-time/scenario.ts): members speaking in
// turn, overlapping, one who mutes while still talking (the bench presses the Microphone button at a known
// second; the truth is the speech before the press) and one with steady pink noise (vol 0.05) under speech.
//
// Any recording: --speakers a.wav,b.wav,... --truth truth.json, where truth.json is
//   { "speakers": [ { "name": "Ana", "speech": [[15.0, 19.1], [35.0, 38.7]], "muteAt": 23.0 }, ... ] }
// one entry per file in the same order: `speech` = [start, end] seconds from the start of that file, `muteAt`
// (optional) = the second of the file at which the bench presses Microphone (speech after it must not count).
// The fake microphone starts when the pre-join screen opens it, so begin each file with ~15 s of silence
// (speech before the member is in the room cannot be credited and is left out of the truth, with a warning),
// and end it with 2 s of silence (Chromium repeats the last 10 ms of a %noloop file).
//
// Columns: true_s = speech in the room (before any mute press); reported_s = what the member's client claimed
// (its talk:report frames, read off the wire); credited_s = the facilitator's view at the end;
// credited_while_muted_s = credit beyond the speech before the press (an upper bound: over-detection before the
// press counts too); view latency = a speech start -> the first talk:stats in which that member's total grew.
// The default cast runs as two sessions of 3 and 2 browsers (--together yes: one session of 5); five Chromium
// processes at once on a loaded 2-core machine starve audio capture and the figures measure the machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TalkStats } from '@hearth/shared';
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { createInvite, facilitatorCredential, setUpFacilitator, startLiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth } from '../support/hearth.js';
import { connectParticipant } from '../support/sockets.js';
import { clientDist, flags, printTable } from './bench-support.js';
import { startBenchLiveKit, type BenchLiveKit } from './livekit-support.js';
import { fileSeconds, makeSpeakerFile } from './talk-time/audio.js';
import {
  creditableSpeech,
  mutedCreditMs,
  percentile,
  reportedSpeech,
  summarise,
  totalMs,
  viewLatencies,
  type MemberResult,
  type SentReport,
  type SpeakerTruth,
  type StatsSample,
} from './talk-time/metrics.js';
import { defaultScripts } from './talk-time/scenario.js';

const args = flags({
  speakers: { type: 'string', default: '' },
  truth: { type: 'string', default: '' },
  lead: { type: 'string', default: '15' },
  keep: { type: 'string', default: 'no' },
  together: { type: 'string', default: 'no' },
  media: { type: 'string', default: 'mesh' },
});
if (args.media !== 'mesh' && args.media !== 'livekit') throw new Error('--media is mesh or livekit');

interface Speaker {
  file: string;
  truth: SpeakerTruth;
  role: string;
  /** Speakers with the same number are in the same live session. */
  session: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'hearth-talk-bench-'));
function loadSpeakers(): Speaker[] {
  if (args.speakers) {
    if (!args.truth) throw new Error('--speakers needs --truth truth.json');
    const files = args.speakers.split(',').filter(Boolean);
    const truth = JSON.parse(readFileSync(args.truth, 'utf8')) as { speakers: SpeakerTruth[] };
    if (truth.speakers.length !== files.length) throw new Error(`truth.json has ${truth.speakers.length} speakers for ${files.length} files`);
    return files.map((file, i) => ({ file, truth: truth.speakers[i] as SpeakerTruth, role: 'recording', session: 1 }));
  }
  return defaultScripts(Number(args.lead)).map(({ script, role, session }) => ({ ...makeSpeakerFile(workDir, script), role, session: args.together === 'yes' ? 1 : session }));
}

/**
 * In-page probe: the wall-clock moment the fake microphone was opened (its file starts playing then) and
 * the moments the Microphone button in the call controls was pressed.
 */
const probe = () => {
  const w = window as unknown as { __micOpened: number[]; __micPressed: number[] };
  w.__micOpened = [];
  w.__micPressed = [];
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    if (stream.getAudioTracks().length > 0) w.__micOpened.push(Date.now());
    return stream;
  };
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button');
    if (button?.closest('[aria-label="Call controls"]') && button.textContent?.includes('Microphone')) w.__micPressed.push(Date.now());
  }, true);
};

const probeTimes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __micOpened: number[]; __micPressed: number[] };
    return { opened: w.__micOpened, pressed: w.__micPressed };
  });

const speakers = loadSpeakers();
const sfu: BenchLiveKit | null = args.media === 'livekit' ? await startBenchLiveKit() : null;
const rooms = sfu ? new RoomServiceClient(sfu.livekit.apiUrl, sfu.livekit.apiKey, sfu.livekit.apiSecret) : null;
// HEARTH_BENCH_CLIENT_DIST: a client built elsewhere (e.g. while others rebuild client/dist in the same tree).
const hearth = await startHearth({ clientDist: process.env.HEARTH_BENCH_CLIENT_DIST ?? clientDist, ...(sfu ? { env: sfu.env } : {}) });
sfu?.forwardTo(hearth.url);
const cookie = await setUpFacilitator(hearth);
const warnings: string[] = [];
const reportedMs = new Map<string, number>();
const placement: Record<string, string>[] = [];
/** LiveKit mode: the members LiveKit listed in the room, and how many of them published a microphone. */
const sfuSeen: { session: string; listed: number; publishing_audio: number }[] = [];

/** Polls LiveKit until every member publishes a microphone (or 30 s): what the SFU itself reports. */
async function sfuPublishers(room: string, names: readonly string[]): Promise<{ listed: number; audio: number }> {
  let seen = { listed: 0, audio: 0 };
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const members = (await (rooms as RoomServiceClient).listParticipants(room)).filter((p) => names.includes(p.name));
    seen = { listed: members.length, audio: members.filter((p) => p.tracks.some((t) => t.type === TrackType.AUDIO)).length };
    if (seen.audio === names.length) break;
  }
  return seen;
}

/** One live session with these speakers and a facilitator; the members' results in the speakers' order. */
async function runSession(group: readonly Speaker[]): Promise<MemberResult[]> {
  const live = await startLiveSession(hearth, cookie);
  const browsers: Browser[] = [];
  const samples: StatsSample[] = [];
  // The facilitator's view: the talk:stats facts the server pushes to facilitators (a socket client: it has
  // no microphone, so it reports nothing itself).
  const facilitator = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
  facilitator.socket.on('talk:stats', (stats: TalkStats) => {
    samples.push({ receivedAt: Date.now(), talkMs: new Map(stats.members.map((m) => [m.displayName, m.talkMs])) });
  });
  const joined = await facilitator.send('room:join', { audio: false, video: false });
  if (!joined.ok) throw new Error(`facilitator could not join: ${joined.error.code}`);
  try {
    // One browser process per member, all at once: each file starts when its pre-join screen opens the microphone.
    const pages = await Promise.all(
      group.map(async ({ file, truth }) => {
        const browser = await launchBrowser({ fakeAudioFile: `${file}%noloop` });
        browsers.push(browser);
        const page = await newPage(browser, { recordPeers: false });
        await page.addInitScript(probe);
        // The client's own claims, read off the wire (socket.io frames `42<ack id>["talk:report",{...}]`).
        const sent: SentReport[] = [];
        page.on('websocket', (ws) => ws.on('framesent', ({ payload }) => {
          const match = typeof payload === 'string' ? /^42\d*\["talk:report",(.*)\]$/.exec(payload) : null;
          if (match?.[1]) sent.push({ sentAt: Date.now(), ...(JSON.parse(match[1]) as Omit<SentReport, 'sentAt'>) });
        }));
        const invite = await createInvite(hearth, live);
        await page.goto(`${hearth.url}${invite.path}`);
        await page.getByLabel('Your name').fill(truth.name);
        // Audio only: fake cameras in a mesh would load two cores and blur the timing. Turned off on the
        // pre-join screen, which keeps the microphone track (and so the file) running.
        await page.getByRole('button', { name: 'Camera', pressed: true }).click({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Camera', pressed: false }).waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Join' }).click({ timeout: 30_000 });
        await page.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
          const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
          throw new Error(`${truth.name} did not get into the room; the page shows: ${shown}`, { cause: error });
        });
        return { page, inRoomAt: Date.now(), sent };
      }),
    );

    if (rooms) {
      const names = group.map((g) => g.truth.name);
      const seen = await sfuPublishers(live.session.id, names);
      sfuSeen.push({ session: names.join(', '), listed: seen.listed, publishing_audio: seen.audio });
      if (seen.audio < names.length) warnings.push(`LiveKit lists ${seen.audio} of ${names.length} members publishing a microphone`);
    }
    const starts = await Promise.all(pages.map(({ page }) => probeTimes(page)));
    const fileStartedAt = starts.map(({ opened }, i) => {
      if (opened.length !== 1) warnings.push(`${group[i]?.truth.name}: the microphone was opened ${opened.length} times; timing from the last`);
      return opened.at(-1) ?? NaN;
    });

    // Press Microphone at the scripted second of each file that has one.
    await Promise.all(group.map(async ({ truth }, i) => {
      if (truth.muteAt === undefined) return;
      const at = (fileStartedAt[i] ?? 0) + truth.muteAt * 1000;
      // Timed inside the page, as a person's press would be: a click driven from here can wait seconds on a busy renderer.
      await pages[i]?.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Microphone' }).evaluate((button, wallAt) => {
        setTimeout(() => (button as HTMLButtonElement).click(), Math.max(0, wallAt - Date.now()));
      }, at);
    }));
    // Wait for every file to end, then for the last reports and the view's next push.
    const endsAt = Math.max(...group.map(({ file }, i) => (fileStartedAt[i] ?? 0) + fileSeconds(file) * 1000));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now()) + 3_000));
    const after = await Promise.all(pages.map(({ page }) => probeTimes(page)));

    if (samples.length === 0) throw new Error('The facilitator received no talk:stats at all: is the talk-time module wired on the server?');
    const last = samples.at(-1)?.talkMs ?? new Map<string, number>();
    // How the files actually lined up (each starts when its page opened the microphone).
    const first = Math.min(...fileStartedAt);
    printTable(`Session of ${group.map((g) => g.truth.name).join(', ')}: files started (ms after the first)`,
      group.map(({ truth }, i) => ({ member: truth.name, started_ms: Math.round((fileStartedAt[i] ?? 0) - first) })));
    return group.map(({ truth }, i) => {
      const mutedAt = after[i]?.pressed[0];
      const inRoomAt = pages[i]?.inRoomAt ?? 0;
      const all = creditableSpeech(truth, fileStartedAt[i] ?? 0, mutedAt === undefined ? {} : { mutedAt });
      const creditable = creditableSpeech(truth, fileStartedAt[i] ?? 0, { creditableFrom: inRoomAt, ...(mutedAt === undefined ? {} : { mutedAt }) });
      if (totalMs(creditable) < totalMs(all)) warnings.push(`${truth.name}: ${((totalMs(all) - totalMs(creditable)) / 1000).toFixed(2)} s of speech before joining left out of the truth`);
      if (truth.muteAt !== undefined && mutedAt === undefined) warnings.push(`${truth.name}: the Microphone press was not seen`);
      const trueMs = totalMs(creditable);
      const creditedMs = last.get(truth.name) ?? 0;
      const reported = reportedSpeech(pages[i]?.sent ?? []);
      reportedMs.set(truth.name, totalMs(reported));
      const fileAt = (t: number) => ((t - (fileStartedAt[i] ?? 0)) / 1000).toFixed(2);
      placement.push({
        member: truth.name,
        in_room_at_s: fileAt(inRoomAt),
        muted_at_s: mutedAt === undefined ? '-' : fileAt(mutedAt),
        true_speech_s: creditable.map(([a, b]) => `${fileAt(a)}-${fileAt(b)}`).join(' '),
        reported_speech_s: reported.map(([a, b]) => `${fileAt(a)}-${fileAt(b)}`).join(' '),
      });
      return {
        name: truth.name,
        trueMs,
        creditedMs,
        mutedCreditMs: truth.muteAt === undefined ? null : mutedCreditMs(trueMs, creditedMs),
        latenciesMs: viewLatencies(truth.name, creditable.map(([start]) => start), samples),
      };
    });
  } finally {
    facilitator.close();
    await Promise.all(browsers.map((browser) => browser.close()));
  }
}

const results: MemberResult[] = [];
try {
  // Sessions one after another: fewer browsers at once keeps a 2-core machine's audio capture real-time.
  const sessions = [...new Set(speakers.map((s) => s.session))];
  for (const session of sessions) results.push(...(await runSession(speakers.filter((s) => s.session === session))));
} finally {
  await hearth.close();
  await sfu?.close();
  if (args.keep === 'no') rmSync(workDir, { recursive: true, force: true });
  else console.log(`Files kept in ${workDir}`);
}

printTable(
  'Talk time per member: truth vs what the server credited (facilitator view)',
  results.map((r, i) => {
    const shown = r.latenciesMs.filter((l): l is number => l !== null);
    return {
      member: r.name,
      case: speakers[i]?.role ?? '',
      true_s: (r.trueMs / 1000).toFixed(2),
      reported_s: ((reportedMs.get(r.name) ?? 0) / 1000).toFixed(2),
      credited_s: (r.creditedMs / 1000).toFixed(2),
      error_pct: (r.trueMs === 0 ? 0 : (Math.abs(r.creditedMs - r.trueMs) / r.trueMs) * 100).toFixed(2),
      credited_while_muted_s: r.mutedCreditMs === null ? '-' : (r.mutedCreditMs / 1000).toFixed(2),
      view_latency_ms: shown.length === 0 ? '-' : shown.map(Math.round).join(' / '),
    };
  }),
);
if (sfu) printTable('LiveKit mode: what the SFU listed in each session (listParticipants)', sfuSeen);
printTable('Where the speech was and what each client reported (seconds of its file)', placement);
for (const warning of warnings) console.log(`warning: ${warning}`);
const summary = { media: args.media, ...summarise(results) };
const latencies = results.flatMap((r) => r.latenciesMs).filter((l): l is number => l !== null);
printTable('Summary', [{
  largest_error_pct: summary.largest_error_percent,
  muted_credit_s: summary.muted_credit_s,
  view_latency_p50_ms: Math.round(percentile(latencies, 50)),
  view_latency_max_ms: summary.view_latency_max_ms,
  never_shown: summary.starts_never_shown,
  media: args.media,
  targets_met: summary.met ? 'yes' : 'no',
}]);
console.log(JSON.stringify(summary));
