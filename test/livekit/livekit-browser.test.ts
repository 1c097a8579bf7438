import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { participants, tile, TIMEOUT } from '../e2e/pages.js';
import { useGroupOfThree } from '../e2e/facilitated-session.js';
import { forwardWebhooksTo, realLiveKit, realLiveKitEnv, webhookDeliveries } from '../support/real-livekit.js';
import { waitForAudioFlowing, waitForFirstRemoteFrame } from '../support/webrtc-probe.js';

/**
 * [LR4]-[LR5] Three people in LiveKit mode, with the real livekit-client in Chromium (fake camera and
 * microphone) and the real livekit-server as the SFU. Members run under the page's real CSP, which
 * must let them reach the SFU (they were refused before it named LIVEKIT_URL's origin). What is
 * asserted is what the pages decode (getStats on the tiles' tracks) and what LiveKit itself reports.
 */
const livekit = realLiveKit();
const rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
let stopForwarding: (() => Promise<void>) | undefined;
const group = useGroupOfThree({
  env: realLiveKitEnv(),
  // Before anyone joins, so that LiveKit's participant_joined events reach this Hearth.
  beforeJoining: async ({ hearth }) => void (stopForwarding = await forwardWebhooksTo(hearth.url)),
});
afterAll(async () => stopForwarding?.());

/** The audio tracks Sam's tile plays on this page (livekit-client's muted tracks leave the tile). */
function audioTracksInTile(page: Page, name: string): Promise<number> {
  return tile(page, name).evaluate((figure) => {
    const tracks = [...figure.querySelectorAll<HTMLMediaElement>('video, audio')]
      .flatMap((media) => (media.srcObject instanceof MediaStream ? media.srcObject.getAudioTracks() : []))
      .filter((track) => track.readyState === 'live');
    // The same stream can sit in both the <video> and the <audio> element.
    return new Set(tracks.map((track) => track.id)).size;
  });
}

const listed = () => rooms.listParticipants(group.live.session.id);

describe('[LR4] three people meet through the SFU', () => {
  it('every page decodes every other person’s video, and hears them', async () => {
    const views = [
      [group.fran, ['Sam', 'Alex']],
      [group.sam, ['Fran', 'Alex']],
      [group.alex, ['Fran', 'Sam']],
    ] as const;
    for (const [page, others] of views) {
      for (const other of others) expect(await waitForFirstRemoteFrame(page, other, { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    }
    await waitForAudioFlowing(group.alex, 'Sam', { timeoutMs: TIMEOUT });
  });

  it('LiveKit lists the three, each publishing a camera and a microphone', async () => {
    const everyone = await listed();
    expect(everyone.map((p) => p.name).sort()).toEqual(['Alex', 'Fran', 'Sam']);
    for (const p of everyone) expect(p.tracks.map((t) => t.type).sort()).toEqual([TrackType.AUDIO, TrackType.VIDEO].sort());
  });

  it('LiveKit’s participant_joined for each of them reached Hearth and passed verification', async () => {
    const identities = (await listed()).map((p) => p.identity);
    await expect
      .poll(async () => (await webhookDeliveries(group.hearth.url)).filter((d) => d.event === 'participant_joined' && d.status === 200).length, { timeout: TIMEOUT })
      .toBeGreaterThanOrEqual(identities.length);
    const joined = (await webhookDeliveries(group.hearth.url)).filter((d) => d.event === 'participant_joined');
    expect(joined.every((d) => d.status === 200 && d.room === group.live.session.id)).toBe(true);
  });
});

describe('[LR5] a facilitator’s mute goes through the SFU', () => {
  it('Fran mutes Sam: the others see Sam muted and no longer play Sam’s audio, and LiveKit reports the track muted', async () => {
    for (const page of [group.fran, group.alex]) expect(await audioTracksInTile(page, 'Sam')).toBe(1);
    await participants(group.fran).getByRole('button', { name: 'Mute Sam' }).click();
    await group.sam.getByRole('status').filter({ hasText: 'Fran muted you' }).waitFor({ timeout: TIMEOUT });
    for (const page of [group.fran, group.alex]) {
      await tile(page, 'Sam').getByText('Muted by Fran').waitFor({ timeout: TIMEOUT });
      await expect.poll(() => audioTracksInTile(page, 'Sam'), { timeout: TIMEOUT }).toBe(0);
    }
    const sam = (await listed()).find((p) => p.name === 'Sam');
    expect(sam?.tracks.find((t) => t.type === TrackType.AUDIO)?.muted).toBe(true);
    expect(sam?.tracks.find((t) => t.type === TrackType.VIDEO)?.muted).toBe(false);
  });
});
