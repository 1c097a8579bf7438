import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startLiveKit, type RunningLiveKit } from '../../scripts/livekit-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.js';
import { forwardWebhooksTo, realLiveKit, realLiveKitEnv } from '../support/real-livekit.js';
import { waitForFramesDecoded } from '../support/webrtc-probe.js';
import { franJoins, memberJoins, startFacilitatedSession, type FacilitatedSession } from '../e2e/facilitated-session.js';
import { participants, TIMEOUT } from '../e2e/pages.js';

/**
 * [LR12] Presence in Hearth matches LiveKit's room after joins, a killed browser, a LiveKit crash and
 * restart, and a leave. This file runs its own livekit-server (so it can kill and restart it on the
 * same ports); its webhooks go through the run's fan-out like the shared server's. "Matches" is
 * what Fran's participants panel shows against what listParticipants answers.
 */
let livekit: RunningLiveKit;
let rooms: RoomServiceClient;
let session: FacilitatedSession;
let stopForwarding: (() => Promise<void>) | undefined;
let alexBrowser: BrowserServer;
let sam: Page;

beforeAll(async () => {
  livekit = await startLiveKit({ webhookUrls: [`${realLiveKit().webhookFanOutUrl}/livekit/webhook`] });
  rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
  session = await startFacilitatedSession({ env: realLiveKitEnv(livekit) });
  stopForwarding = await forwardWebhooksTo(session.hearth.url);
}, 60_000);
afterAll(async () => {
  await stopForwarding?.();
  await session?.browser.close();
  await alexBrowser?.close().catch(() => undefined);
  await session?.hearth.close();
  await livekit?.stop();
});

const NAMES = ['Alex', 'Fran', 'Sam'];
/** Fran (in the room) and the others her participants panel shows, of the names used here. */
async function inHearth(): Promise<string[]> {
  const shown = ['Fran'];
  for (const name of ['Alex', 'Sam']) if ((await participants(session.fran).getByText(name, { exact: true }).count()) > 0) shown.push(name);
  return shown.sort();
}
const inLiveKit = async () => (await rooms.listParticipants(session.live.session.id)).map((p) => p.name).sort();

describe('[LR12] Hearth’s presence and LiveKit’s room agree', () => {
  it('after three people join', async () => {
    await franJoins(session);
    sam = await memberJoins(session, 'Sam');
    // Alex's browser is a process of its own, so that it can be killed.
    alexBrowser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const alexSide: Browser = await chromium.connect(alexBrowser.wsEndpoint());
    await memberJoins({ ...session, browser: alexSide }, 'Alex');
    await expect.poll(inHearth, { timeout: TIMEOUT }).toEqual(NAMES);
    await expect.poll(inLiveKit, { timeout: TIMEOUT }).toEqual(NAMES);
  });

  it('after Alex’s browser is killed: gone from both, LiveKit’s ghost removed by Hearth', async () => {
    alexBrowser.process().kill('SIGKILL');
    await expect.poll(inHearth, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
    await expect.poll(inLiveKit, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
  });

  it('after LiveKit crashes and comes back on the same ports: the same two, with media flowing again', async () => {
    const ports = livekit.ports;
    expect(await waitForFramesDecoded(session.fran, 'Sam', 1, { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await livekit.stop({ crash: true });
    livekit = await startLiveKit({ ports, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, webhookUrls: [`${realLiveKit().webhookFanOutUrl}/livekit/webhook`] });
    rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
    await expect.poll(inLiveKit, { timeout: 45_000 }).toEqual(['Fran', 'Sam']);
    expect(await inHearth()).toEqual(['Fran', 'Sam']);
    // Fran decodes Sam's video through the new server: the count grows again.
    const after = await waitForFramesDecoded(session.fran, 'Sam', 1, { timeoutMs: TIMEOUT });
    await waitForFramesDecoded(session.fran, 'Sam', after + 10, { timeoutMs: TIMEOUT });
  }, 90_000);

  it('after Sam leaves: only Fran in both', async () => {
    await sam.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Leave' }).click();
    await expect.poll(inHearth, { timeout: TIMEOUT }).toEqual(['Fran']);
    await expect.poll(inLiveKit, { timeout: TIMEOUT }).toEqual(['Fran']);
  });
});
