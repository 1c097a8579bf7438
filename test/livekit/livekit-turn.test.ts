import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livekitTurnServers, startLiveKit, type RunningLiveKit } from '../../scripts/livekit-server.mjs';
import { franJoins, memberJoins, startFacilitatedSession, type FacilitatedSession } from '../e2e/facilitated-session.js';
import { TIMEOUT } from '../e2e/pages.js';
import { startCoturn, type ThrowawayCoturn } from '../support/coturn.js';
import { realLiveKitEnv } from '../support/real-livekit.js';
import { waitForFirstRemoteFrame } from '../support/webrtc-probe.js';

/**
 * [TN4] LiveKit mode with TURN configured: a livekit-server started with the same TURN settings as Hearth
 * (scripts/livekit-server.mjs `livekitTurnServers`, as docker-compose does) tells its participants of the same
 * coturn, with credentials from the same shared secret, and coturn allocates a relay for the browser's LiveKit
 * connection with LiveKit's credential (read from coturn's own log).
 */
const SECRET = 'livekit-and-hearth-share-this-secret';
let coturn: ThrowawayCoturn;
let livekit: RunningLiveKit;
let session: FacilitatedSession;
let sam: Page;

beforeAll(async () => {
  coturn = await startCoturn({ secret: SECRET });
  const turn = { urls: [coturn.url], secret: SECRET, ttlSeconds: 600 };
  livekit = await startLiveKit({ turnServers: livekitTurnServers(turn) });
  session = await startFacilitatedSession({ env: { ...realLiveKitEnv(livekit), TURN_URLS: coturn.url, TURN_SECRET: SECRET, TURN_TTL_SECONDS: '600' } });
  await franJoins(session);
  sam = await memberJoins(session, 'Sam');
});
afterAll(async () => {
  await session?.browser.close();
  await session?.hearth.close();
  await livekit?.stop();
  await coturn?.stop();
});

describe('[TN4] LiveKit mode uses the same TURN relay', () => {
  it('Sam sees Fran through the SFU, and Sam\'s connection to it was given the coturn with a valid credential', async () => {
    expect(await waitForFirstRemoteFrame(sam, 'Fran', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    const servers = await sam.evaluate(() => {
      const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
      // Open connections only: the pre-join check's own (closed) connection used Hearth's credential.
      return peers.filter((pc) => pc.signalingState !== 'closed').flatMap((pc) => pc.getConfiguration().iceServers ?? []).map((s) => ({ urls: s.urls, username: s.username ?? '', credential: String(s.credential ?? '') }));
    });
    const turn = servers.find((s) => [s.urls].flat().includes(coturn.url));
    expect(turn, JSON.stringify(servers)).toBeDefined();
    expect(turn?.username).toMatch(/^\d+:PA_\w+$/);
    expect(turn?.credential).toBe(createHmac('sha1', SECRET).update(turn?.username ?? '').digest('base64'));
    expect(Number(turn?.username.split(':')[0])).toBeLessThanOrEqual(Date.now() / 1000 + 600);
  });

  it('coturn gave Sam\'s LiveKit connection a relay allocation with LiveKit\'s credential', async () => {
    // coturn logs each allocation with its username: LiveKit's `<expiry>:PA_…`, not the pre-join check's.
    const allocated = () => coturn.log().split('\n').filter((line) => /ALLOCATE processed, success/.test(line) && /user <\d+:PA_\w+>/.test(line));
    await expect.poll(() => allocated().length, { timeout: TIMEOUT, message: coturn.log().slice(-3000) }).toBeGreaterThan(0);
  });
});
