import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessToken } from 'livekit-server-sdk';
import { ApiRoutes, mediaKeySlot, type Group, type Session } from '@hearth/shared';
import { franJoins, memberJoins, type FacilitatedSession } from '../e2e/facilitated-session.js';
import { participants, signIn, startSession, TIMEOUT } from '../e2e/pages.js';
import { http, setUpFacilitator } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { realLiveKit, realLiveKitEnv } from '../support/real-livekit.js';

/**
 * [LE4] Key rotation against the real livekit-server: in an encrypted session, a livekit-client holding the
 * session's key as it was (standing in for a removed person's client that forced its way back into the SFU
 * room) decodes the group until Fran bans Alex; from the rotation on it decodes nothing more although the
 * SFU still forwards it packets, while Fran and Sam keep decoding each other.
 */
const livekit = realLiveKit();
let hearth: TestHearth;
let browser: Browser;
let fran: Page;
let sam: Page;
let session: Session;

beforeAll(async () => {
  hearth = await startHearth({ clientDist: resolve('client/dist'), env: realLiveKitEnv(livekit) });
  const cookie = await setUpFacilitator(hearth, 'Fran');
  const group = await http<Group>(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name: 'Tuesday circle', purpose: 'Peer support for carers' } });
  browser = await launchBrowser();
  fran = await newPage(browser);
  await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
  await fran.getByRole('checkbox', { name: 'Encrypt audio and video end to end' }).check();
  await fran.getByText('End-to-end encryption is on').waitFor({ timeout: TIMEOUT });
  await startSession(fran, 'Tuesday circle');
  session = (await http<Session[]>(hearth, 'GET', ApiRoutes.groupSessions(group.body.id), { cookie })).body[0] as Session;
  const facilitated: FacilitatedSession = { hearth, browser, fran, live: { cookie, group: group.body, session } };
  await franJoins(facilitated);
  sam = await memberJoins(facilitated, 'Sam');
  await memberJoins(facilitated, 'Alex');
});
afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

/** A raw livekit-client that joined the session's LiveKit room with `key` in its slot. */
async function holderOf(key: string): Promise<Page> {
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity: 'kept-the-old-key', ttl: '10m' });
  token.addGrant({ roomJoin: true, room: session.id, canSubscribe: true, canPublish: false, canPublishData: false });
  const page = await newPage(browser);
  await page.goto(`${hearth.url}/api/health`);
  await page.addScriptTag({ path: resolve('node_modules/livekit-client/dist/livekit-client.umd.js') });
  const { readdirSync } = await import('node:fs');
  const workerFile = readdirSync(resolve('client/dist/assets')).find((name) => name.startsWith('livekit-client.e2ee.worker'));
  await page.evaluate(
    async ({ url, jwt, worker, key, slot }) => {
      const lk = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
      // As the client's key provider does (livekit-e2ee.ts): a subclass reaches the ring slot the key names.
      const keyProvider = new (class extends lk.ExternalE2EEKeyProvider {
        putInSlot(material: CryptoKey, at: number) { this.onSetEncryptionKey(material, undefined, at); }
      })();
      const room = new lk.Room({ encryption: { keyProvider, worker: new Worker(worker) } });
      const bytes = Uint8Array.from(atob(key), (c) => c.charCodeAt(0));
      keyProvider.putInSlot(await lk.createKeyMaterialFromBuffer(bytes.buffer), slot);
      await room.setE2EEEnabled(true);
      await room.connect(url, jwt, { autoSubscribe: true });
    },
    { url: livekit.url, jwt: await token.toJwt(), worker: `/assets/${workerFile}`, key, slot: mediaKeySlot(key) },
  );
  return page;
}

/** Video inbound counters summed over the page's peer connections. */
function video(page: Page): Promise<{ packets: number; framesDecoded: number }> {
  return page.evaluate(async () => {
    const sum = { packets: 0, framesDecoded: 0 };
    for (const pc of (window as unknown as { __hearthTestPeers: RTCPeerConnection[] }).__hearthTestPeers) {
      if (pc.connectionState === 'closed') continue;
      for (const report of (await pc.getStats()).values()) {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') continue;
        sum.packets += Number(report.packetsReceived ?? 0);
        sum.framesDecoded += Number(report.framesDecoded ?? 0);
      }
    }
    return sum;
  });
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('[LE4] a ban rotates the key', () => {
  it('the old key decodes the group before the ban, and nothing after it; Fran and Sam keep decoding', async () => {
    const old = (await hearth.services.sessions.mediaKey(session.id)) ?? '';
    const holder = await holderOf(old);
    await expect.poll(async () => (await video(holder)).framesDecoded, { timeout: TIMEOUT }).toBeGreaterThan(10);

    await participants(fran).getByRole('button', { name: 'Ban Alex' }).click();
    await fran.getByRole('dialog', { name: 'Ban Alex from this session?' }).getByRole('button', { name: 'Ban' }).click();
    await expect.poll(() => hearth.services.sessions.mediaKey(session.id), { timeout: TIMEOUT }).not.toBe(old);
    // Let frames sent under the old key drain.
    await pause(2_000);
    const before = await video(holder);
    const franBefore = await video(fran);
    const samBefore = await video(sam);
    await pause(3_000);
    const after = await video(holder);
    expect(after.packets).toBeGreaterThan(before.packets);
    expect(after.framesDecoded).toBe(before.framesDecoded);
    expect((await video(fran)).framesDecoded).toBeGreaterThan(franBefore.framesDecoded);
    expect((await video(sam)).framesDecoded).toBeGreaterThan(samBefore.framesDecoded);
  });
});
