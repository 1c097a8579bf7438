import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessToken, RoomServiceClient, TrackSource, TrackType, type ParticipantInfo } from 'livekit-server-sdk';
import { asidePermissionFor, permissionFor } from '../../server/src/modules/livekit/livekit-grants.js';
import { Role } from '@hearth/shared';
import { launchBrowser } from '../support/browser.js';
import { LiveKitDouble } from '../support/livekit-double.js';
import { openLiveKitPage, type LiveKitPage } from '../support/livekit-page.js';
import { realLiveKit } from '../support/real-livekit.js';
import { pollUntil } from '../support/webrtc-probe.js';

/**
 * [LR11] One contract for LiveKit's RoomService as Hearth uses it (listParticipants, getParticipant,
 * mutePublishedTrack, updateParticipant, removeParticipant, deleteRoom), run against the double
 * (test/support/livekit-double.ts) and against the real livekit-server: every case must pass on both,
 * so the double, which the fault tests rely on, cannot drift from the real thing. Only the setup
 * differs: the double is seeded; on the real server a Chromium page with livekit-client joins and
 * publishes its fake camera and microphone.
 */
interface Backend {
  client: RoomServiceClient;
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  /** A RoomServiceClient whose token is signed with the wrong secret. */
  forged: RoomServiceClient;
  /** Someone in `room` publishing a camera and a microphone (unmuted), with a join's default permissions. */
  join(room: string, identity: string): Promise<void>;
  close(): Promise<void>;
}

async function doubleBackend(): Promise<Backend> {
  const double = await LiveKitDouble.start();
  const url = double.url.replace('ws://', 'http://');
  let sids = 0;
  return {
    client: new RoomServiceClient(url, double.apiKey, double.apiSecret),
    apiUrl: url,
    apiKey: double.apiKey,
    apiSecret: double.apiSecret,
    forged: new RoomServiceClient(url, double.apiKey, `${double.apiSecret}-not-ours`),
    async join(room, identity) {
      double.seed(room, identity, [
        { sid: `TR_A${++sids}`, kind: 'audio' },
        { sid: `TR_V${++sids}`, kind: 'video' },
      ]);
    },
    close: () => double.close(),
  };
}

async function realBackend(): Promise<Backend> {
  const livekit = realLiveKit();
  const client = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
  let browser: Browser | undefined;
  const pages: LiveKitPage[] = [];
  return {
    client,
    apiUrl: livekit.apiUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    forged: new RoomServiceClient(livekit.apiUrl, livekit.apiKey, `${livekit.apiSecret}-not-ours`),
    async join(room, identity) {
      browser ??= await launchBrowser();
      const token = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, name: identity });
      token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
      // Any http origin on loopback is a secure context; LiveKit's own answers at / will do.
      const page = await openLiveKitPage(browser, livekit.apiUrl, livekit.url, await token.toJwt());
      pages.push(page);
      await page.publishCamera();
      await page.page.evaluate(async () => {
        const room = (window as unknown as { testRoom: import('livekit-client').Room }).testRoom;
        await room.localParticipant.setMicrophoneEnabled(true);
      });
      await pollUntil(`${identity} publishing two tracks`, async () => (await client.listParticipants(room)).find((p) => p.identity === identity)?.tracks.length ?? 0, (n) => n === 2);
    },
    async close() {
      await browser?.close();
    },
  };
}

const audioOf = (p: ParticipantInfo | undefined) => p?.tracks.find((t) => t.type === TrackType.AUDIO);
const videoOf = (p: ParticipantInfo | undefined) => p?.tracks.find((t) => t.type === TrackType.VIDEO);

async function refusal(call: Promise<unknown>): Promise<{ status?: number; code?: string }> {
  try {
    await call;
  } catch (error) {
    const { status, code } = error as { status?: number; code?: string };
    return { status, code };
  }
  throw new Error('expected the call to be refused');
}

describe.each([
  ['the double', doubleBackend],
  ['the real livekit-server', realBackend],
] as const)('[LR11] RoomService as Hearth uses it, against %s', (_name, start) => {
  let backend: Backend;
  // One room (and one publisher) per backend for the cases that only read or mute; the cases that
  // change permissions or remove someone get their own.
  const room = `contract-${randomUUID()}`;
  beforeAll(async () => {
    backend = await start();
    await backend.join(room, 'sam');
  }, 60_000);
  afterAll(async () => backend?.close());

  it('listParticipants: identity, name, an unmuted microphone and camera, a join’s permissions', async () => {
    const [sam, ...others] = await backend.client.listParticipants(room);
    expect(others).toEqual([]);
    expect(sam).toMatchObject({ identity: 'sam', name: 'sam' });
    expect(audioOf(sam)).toMatchObject({ source: TrackSource.MICROPHONE, muted: false, sid: expect.stringMatching(/^TR_/) });
    expect(videoOf(sam)).toMatchObject({ source: TrackSource.CAMERA, muted: false, sid: expect.stringMatching(/^TR_/) });
    expect(sam?.permission).toMatchObject({ canSubscribe: true, canPublish: true, hidden: false });
  });

  it('listParticipants of a room nobody is in is empty, not an error', async () => {
    expect(await backend.client.listParticipants(`empty-${randomUUID()}`)).toEqual([]);
  });

  it('getParticipant: the same participant; someone not there is not_found (404)', async () => {
    expect((await backend.client.getParticipant(room, 'sam')).identity).toBe('sam');
    expect(await refusal(backend.client.getParticipant(room, 'nobody'))).toEqual({ status: 404, code: 'not_found' });
  });

  it('a client signed with another secret is refused 401 (in plain text: the SDK gives no code)', async () => {
    expect(await refusal(backend.forged.listParticipants(room))).toEqual({ status: 401, code: undefined });
  });

  it('a member’s join token (no roomAdmin) and an admin token for another room are refused 401 unauthenticated', async () => {
    const ask = (token: string) =>
      fetch(`${backend.apiUrl}/twirp/livekit.RoomService/ListParticipants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ room }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    const join = new AccessToken(backend.apiKey, backend.apiSecret, { identity: 'sam' });
    join.addGrant({ room, roomJoin: true });
    const elsewhere = new AccessToken(backend.apiKey, backend.apiSecret);
    elsewhere.addGrant({ room: 'another-room', roomAdmin: true });
    for (const token of [await join.toJwt(), await elsewhere.toJwt()]) {
      expect(await ask(token)).toEqual({ status: 401, body: { code: 'unauthenticated', msg: 'permissions denied' } });
    }
  });

  it('mutePublishedTrack(muted: true) answers the track muted, and listParticipants then reports it muted', async () => {
    const sid = audioOf(await backend.client.getParticipant(room, 'sam'))?.sid ?? '';
    const track = await backend.client.mutePublishedTrack(room, 'sam', sid, true);
    expect(track).toMatchObject({ sid, muted: true, type: TrackType.AUDIO });
    const [sam] = await backend.client.listParticipants(room);
    expect(audioOf(sam)?.muted).toBe(true);
    expect(videoOf(sam)?.muted).toBe(false);
  });

  // Hearth's gateway reads the participant's tracks first (getParticipant) and never relies on these.
  it('mutePublishedTrack of a track that is not there succeeds with no track; of someone not there, 503 unavailable', async () => {
    const outcome = (call: Promise<unknown>) => call.then(() => 'ok', (e: { status?: number; code?: string }) => `${e.status} ${e.code}`);
    expect({
      track: await outcome(backend.client.mutePublishedTrack(room, 'sam', 'TR_nothere', true)),
      participant: await outcome(backend.client.mutePublishedTrack(room, 'nobody', 'TR_nothere', true)),
    }).toEqual({ track: 'ok', participant: '503 unavailable' });
  });

  it('updateParticipant replaces the permission set whole, and withdrawing the microphone takes the published microphone away', async () => {
    const own = `contract-${randomUUID()}`;
    await backend.join(own, 'alex');
    const answered = await backend.client.updateParticipant(own, 'alex', { permission: permissionFor(Role.member, { mayPublishAudio: false }) });
    expect(answered.permission).toMatchObject({ canSubscribe: true, canPublish: true, canPublishData: false, canPublishSources: [TrackSource.CAMERA], hidden: false });
    await expect.poll(async () => (await backend.client.getParticipant(own, 'alex')).tracks.map((t) => t.type), { timeout: 10_000 }).toEqual([TrackType.VIDEO]);
    // Only canSubscribe sent: every other flag becomes false, and with canPublish false the camera goes too.
    const bare = await backend.client.updateParticipant(own, 'alex', { permission: { canSubscribe: true } });
    expect(bare.permission).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false, hidden: false });
    await expect.poll(async () => (await backend.client.getParticipant(own, 'alex')).tracks.length, { timeout: 10_000 }).toBe(0);
    expect(await refusal(backend.client.updateParticipant(own, 'nobody', { permission: { canSubscribe: true } }))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('[LR16] deleteRoom disconnects everyone in it; deleting a room that is not there is not_found', async () => {
    const own = `contract-${randomUUID()}.aside.${randomUUID()}`;
    await backend.join(own, 'kim');
    await backend.client.deleteRoom(own);
    await expect.poll(async () => (await backend.client.listParticipants(own)).map((p) => p.identity), { timeout: 10_000 }).toEqual([]);
    expect(await refusal(backend.client.deleteRoom(`missing-${randomUUID()}`))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('[LR16] a pull-aside’s permission set: still receiving, publishing nothing, every published track taken away', async () => {
    const own = `contract-${randomUUID()}`;
    await backend.join(own, 'ria');
    const answered = await backend.client.updateParticipant(own, 'ria', { permission: asidePermissionFor(Role.facilitator) });
    expect(answered.permission).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false, canPublishSources: [], hidden: false });
    await expect.poll(async () => (await backend.client.getParticipant(own, 'ria')).tracks.length, { timeout: 10_000 }).toBe(0);
    // Given back (as at the end of the aside): may publish both again.
    const back = await backend.client.updateParticipant(own, 'ria', { permission: permissionFor(Role.facilitator, { mayPublishAudio: true }) });
    expect(back.permission).toMatchObject({ canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] });
  });

  it('removeParticipant takes them out of listParticipants; removing them again is not_found', async () => {
    const own = `contract-${randomUUID()}`;
    await backend.join(own, 'lee');
    await backend.client.removeParticipant(own, 'lee');
    await expect.poll(async () => (await backend.client.listParticipants(own)).map((p) => p.identity), { timeout: 10_000 }).toEqual([]);
    expect(await refusal(backend.client.removeParticipant(own, 'lee'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});
