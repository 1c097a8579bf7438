import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { memberCredential } from '../support/api.js';
import { newPage } from '../support/browser.js';
import { openLiveKitPage } from '../support/livekit-page.js';
import { forwardWebhooksTo, realLiveKit, realLiveKitEnv } from '../support/real-livekit.js';
import { connectParticipant, joinAnyMode, type TestClient } from '../support/sockets.js';
import { waitForAudioFlowing, waitForFirstRemoteFrame } from '../support/webrtc-probe.js';
import { useGroupOfThree } from '../e2e/facilitated-session.js';
import { joinFromPreJoin, participants, tile, TIMEOUT } from '../e2e/pages.js';
import { inboundStreamsFlowing, listedByName, tracksInTile } from './tiles.js';

/**
 * [LR6]-[LR10] The moderation set in LiveKit mode, with the real livekit-client in Chromium and the
 * real livekit-server as the SFU: Fran (facilitator), Sam and Alex (members) share one room for the
 * whole file. What is asserted is what each page receives (getStats over its peer connections, the
 * tracks in its tiles) and what LiveKit reports (listParticipants: tracks and permissions), never
 * which API calls Hearth made.
 */
const livekit = realLiveKit();
const rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
let stopForwarding: (() => Promise<void>) | undefined;
const clients: TestClient[] = [];
const group = useGroupOfThree({
  env: realLiveKitEnv(),
  beforeJoining: async ({ hearth }) => void (stopForwarding = await forwardWebhooksTo(hearth.url)),
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await stopForwarding?.();
});

const listed = () => listedByName(rooms, group.live.session.id);
const controls = (page: Page) => page.getByRole('region', { name: 'Session controls' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Call controls' });
const pressed = (page: Page, device: 'Microphone' | 'Camera') => toolbar(page).getByRole('button', { name: device }).getAttribute('aria-pressed');
const floorControl = () => group.fran.getByRole('region', { name: 'Hands and rounds' }).getByRole('checkbox', { name: /^Floor control/ });
let alexTokens: string[] | undefined;
const CAMERA_ONLY = [TrackSource.CAMERA];
const CAMERA_AND_MICROPHONE = [TrackSource.CAMERA, TrackSource.MICROPHONE].sort();

describe('[LR6] mute everyone through the SFU', () => {
  it('both members are muted in LiveKit and nobody receives their audio; the facilitator keeps hers', async () => {
    // Everyone hears everyone first: Fran receives two audio streams, Alex two.
    await waitForAudioFlowing(group.fran, 'Sam', { timeoutMs: TIMEOUT });
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'audio'), { timeout: TIMEOUT }).toBe(2);

    await controls(group.fran).getByRole('button', { name: 'Mute everyone' }).click();
    await group.fran.getByRole('dialog', { name: 'Mute everyone except the facilitators?' }).getByRole('button', { name: 'Mute everyone' }).click();
    for (const member of [group.sam, group.alex]) {
      await status(member, 'Fran muted everyone except the facilitators').waitFor({ timeout: TIMEOUT });
      await expect.poll(() => pressed(member, 'Microphone'), { timeout: TIMEOUT }).toBe('false');
    }
    await expect.poll(async () => [...(await listed()).values()].map((p) => `${p.name}:${p.audio}`).sort(), { timeout: TIMEOUT }).toEqual([
      'Alex:muted',
      'Fran:on',
      'Sam:muted',
    ]);
    // What the SFU forwards: Fran hears nobody now; Alex hears Fran only.
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'audio'), { timeout: TIMEOUT }).toBe(1);
    expect(await tracksInTile(group.alex, 'Fran', 'audio')).toBe(1);
    expect(await tracksInTile(group.alex, 'Sam', 'audio')).toBe(0);
  });

  it('members turn their own microphones back on, and the others hear them again', async () => {
    for (const member of [group.sam, group.alex]) await toolbar(member).getByRole('button', { name: 'Microphone' }).click();
    await expect.poll(async () => [...(await listed()).values()].every((p) => p.audio === 'on'), { timeout: TIMEOUT }).toBe(true);
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(2);
    await expect.poll(() => tracksInTile(group.fran, 'Sam', 'audio'), { timeout: TIMEOUT }).toBe(1);
  });
});

describe('[LR7] stop video through the SFU', () => {
  it('Fran stops Sam’s camera: Sam is told, LiveKit reports it muted, nobody receives it; Sam alone turns it back on', async () => {
    expect(await waitForFirstRemoteFrame(group.alex, 'Sam', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(2);
    await participants(group.fran).getByRole('button', { name: 'Stop video of Sam' }).click();
    await status(group.sam, 'Fran stopped your camera').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => pressed(group.sam, 'Camera'), { timeout: TIMEOUT }).toBe('false');
    await expect.poll(async () => (await listed()).get('Sam')?.video, { timeout: TIMEOUT }).toBe('muted');
    expect((await listed()).get('Sam')?.audio).toBe('on');
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(1);
    expect(await tracksInTile(group.alex, 'Sam', 'video')).toBe(0);

    await toolbar(group.sam).getByRole('button', { name: 'Camera' }).click();
    await expect.poll(async () => (await listed()).get('Sam')?.video, { timeout: TIMEOUT }).toBe('on');
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(2);
  });
});

describe('[LR8] floor control: without the floor, the SFU refuses a member’s audio', () => {
  it('turning floor control on withdraws both members’ microphones in LiveKit; only Fran is heard', async () => {
    await floorControl().click();
    await expect.poll(() => floorControl().isChecked(), { timeout: TIMEOUT }).toBe(true);
    for (const member of [group.sam, group.alex]) await expect.poll(() => pressed(member, 'Microphone'), { timeout: TIMEOUT }).toBe('false');
    await expect.poll(async () => {
      const now = await listed();
      return ['Sam', 'Alex', 'Fran'].map((name) => ({ name, audio: now.get(name)?.audio, sources: now.get(name)?.sources }));
    }, { timeout: TIMEOUT }).toEqual([
      // The SFU took the published microphone tracks away, not only muted them.
      { name: 'Sam', audio: 'none', sources: CAMERA_ONLY },
      { name: 'Alex', audio: 'none', sources: CAMERA_ONLY },
      { name: 'Fran', audio: 'on', sources: CAMERA_AND_MICROPHONE },
    ]);
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => inboundStreamsFlowing(group.sam, 'audio'), { timeout: TIMEOUT }).toBe(1);
  });

  it('a tampered client that joins now, with Hearth’s token, cannot publish a microphone: the SFU refuses it', async () => {
    // Mallory is a member whose own code skips livekit-client's permission check.
    const credential = await memberCredential(group.hearth, group.live, 'Mallory');
    const socket = await connectParticipant(group.hearth.url, credential.token);
    clients.push(socket);
    const ack = await joinAnyMode(socket);
    if (ack.media.mode !== 'livekit') throw new Error('expected LiveKit mode');
    const mallory = await openLiveKitPage(group.browser, group.hearth.url, ack.media.url, ack.media.token);
    try {
      await mallory.publishCamera();
      expect(await mallory.forcePublishMicrophone()).toBe('refused: NOT_ALLOWED');
      // LiveKit lists a track once the publish has reached it: wait for the camera, then nothing else may be there.
      await expect.poll(async () => (await listed()).get('Mallory'), { timeout: TIMEOUT }).toMatchObject({ audio: 'none', video: 'on', sources: CAMERA_ONLY });
      // Fran decodes Mallory's camera, and still receives no audio from anyone.
      expect(await waitForFirstRemoteFrame(group.fran, 'Mallory', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
      expect(await tracksInTile(group.fran, 'Mallory', 'audio')).toBe(0);
      expect(await inboundStreamsFlowing(group.fran, 'audio')).toBe(0);
    } finally {
      await mallory.close();
      socket.close();
    }
  });

  it('Fran gives Sam the floor: LiveKit lets Sam publish audio again, Sam turns it on himself, and only Sam and Fran are heard', async () => {
    await group.sam.getByRole('button', { name: 'Raise hand' }).click();
    await group.fran.getByRole('button', { name: 'Give the floor to Sam' }).click({ timeout: TIMEOUT });
    await expect.poll(async () => (await listed()).get('Sam')?.sources, { timeout: TIMEOUT }).toEqual(CAMERA_AND_MICROPHONE);
    // Giving the floor unmutes nobody [MD1]: Sam's microphone stays off until he turns it on.
    expect(await pressed(group.sam, 'Microphone')).toBe('false');
    expect((await listed()).get('Sam')?.audio).not.toBe('on');
    await toolbar(group.sam).getByRole('button', { name: 'Microphone' }).click();
    await expect.poll(async () => (await listed()).get('Sam')?.audio, { timeout: TIMEOUT }).toBe('on');
    await waitForAudioFlowing(group.alex, 'Sam', { timeoutMs: TIMEOUT });
    expect((await listed()).get('Alex')).toMatchObject({ audio: 'none', sources: CAMERA_ONLY });
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(1);
  });

  it('[LR9] Alex, without the floor, reloads the page: back in LiveKit once, decoding the others, and still refused audio', async () => {
    const identity = (await listed()).get('Alex')?.identity;
    alexTokens = recordLiveKitTokens(group.alex);
    await group.alex.reload();
    // Alex's pre-join screen offers the microphone as on; the server's floor rule wins.
    await joinFromPreJoin(group.alex, 'Alex');
    expect(await waitForFirstRemoteFrame(group.alex, 'Fran', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    expect(await waitForFirstRemoteFrame(group.alex, 'Sam', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await expect.poll(() => pressed(group.alex, 'Microphone'), { timeout: TIMEOUT }).toBe('false');
    await expect.poll(async () => (await rooms.listParticipants(group.live.session.id)).filter((p) => p.name === 'Alex').map((p) => p.identity), { timeout: TIMEOUT }).toEqual([identity]);
    expect((await listed()).get('Alex')).toMatchObject({ audio: 'none', sources: CAMERA_ONLY });
    await waitForAudioFlowing(group.alex, 'Sam', { timeoutMs: TIMEOUT });
    // Fran hears Sam (who has the floor) and nobody else.
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(1);
    expect(await tracksInTile(group.fran, 'Alex', 'audio')).toBe(0);
  });

  it('turning floor control off gives every member their microphone permission back, and unmutes nobody', async () => {
    await floorControl().click();
    await expect.poll(() => floorControl().isChecked(), { timeout: TIMEOUT }).toBe(false);
    await expect.poll(async () => (await listed()).get('Alex')?.sources, { timeout: TIMEOUT }).toEqual(CAMERA_AND_MICROPHONE);
    expect((await listed()).get('Alex')?.audio).toBe('none');
    await toolbar(group.alex).getByRole('button', { name: 'Microphone' }).click();
    await expect.poll(async () => (await listed()).get('Alex')?.audio, { timeout: TIMEOUT }).toBe('on');
    await expect.poll(() => inboundStreamsFlowing(group.fran, 'audio'), { timeout: TIMEOUT }).toBe(2);
  });
});

describe('[LR10] a ban through the SFU', () => {
  it('Fran bans Alex: LiveKit disconnects Alex, the others stop receiving Alex, and Alex is told why', async () => {
    await participants(group.fran).getByRole('button', { name: 'Ban Alex' }).click();
    await group.fran.getByRole('dialog', { name: 'Ban Alex from this session?' }).getByRole('button', { name: 'Ban' }).click();
    await group.alex.getByRole('heading', { name: 'You are no longer in this session' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(async () => [...(await listed()).keys()].sort(), { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
    await expect.poll(() => inboundStreamsFlowing(group.sam, 'video'), { timeout: TIMEOUT }).toBe(1);
    expect(await tile(group.sam, 'Alex').count()).toBe(0);
  });

  it('Alex cannot get back in: a fresh page with the link is refused, and the LiveKit token Alex held is thrown out', async () => {
    const link = group.alex.url();
    const fresh = await newPage(group.browser, { bypassCSP: false });
    await fresh.goto(link);
    await fresh.getByRole('heading', { name: "You can't rejoin this session" }).waitFor({ timeout: TIMEOUT });
    await fresh.context().close();

    // The join token Alex's page was given before the ban is still unexpired: LiveKit admits it, and
    // Hearth (participant_joined, LW3) removes the identity again.
    const token = alexTokens?.at(-1);
    if (!token) throw new Error("no LiveKit token seen on Alex's page");
    const replay = await openLiveKitPage(group.browser, group.hearth.url, livekit.url, token, { mayBeRefused: true });
    try {
      // Removed once connected, or (on a loaded machine) already while livekit-client was still connecting.
      if (replay.connectError() === null) await expect.poll(() => replay.disconnectReason(), { timeout: TIMEOUT }).toBe('PARTICIPANT_REMOVED');
      expect(await replay.connected()).toBe(false);
      await expect.poll(async () => [...(await listed()).keys()].sort(), { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
    } finally {
      await replay.close();
    }
  });
});

/** The LiveKit join tokens Hearth sends this page in `room:join` acks from now on, oldest first. */
function recordLiveKitTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      if (!text.includes('"mode":"livekit"')) return;
      const token = /"token":"(eyJ[^"]+)"/.exec(text)?.[1];
      if (token) tokens.push(token);
    }),
  );
  return tokens;
}
