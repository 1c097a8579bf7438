import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomServiceClient } from 'livekit-server-sdk';
import { useGroupOfThree } from '../e2e/facilitated-session.js';
import { askForSupport, tile, TIMEOUT } from '../e2e/pages.js';
import { forwardWebhooksTo, realLiveKit, realLiveKitEnv } from '../support/real-livekit.js';
import { waitForGrowth } from '../support/webrtc-probe.js';
import { inboundStreamsFlowing, listedByName, tracksInTile } from './tiles.js';

/**
 * [LR16] The pull-aside in LiveKit mode, with the real livekit-client in Chromium and the real
 * livekit-server: the same guarantee as the mesh test (test/e2e/pull-aside.test.ts), enforced by the
 * SFU. Sam asks to talk privately and Fran takes them aside: while it lasts Alex's browser receives no
 * audio and no video at all (getStats: no inbound stream grows; their tiles hold no track) and LiveKit
 * lists Sam and Fran in the session room with nothing published, while the two see and hear each other
 * in a LiveKit room of their own; after Sam returns, everything flows as before and that room is gone.
 */
const livekit = realLiveKit();
const rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
let stopForwarding: (() => Promise<void>) | undefined;
const group = useGroupOfThree({
  env: realLiveKitEnv(),
  beforeJoining: async ({ hearth }) => void (stopForwarding = await forwardWebhooksTo(hearth.url)),
});
afterAll(async () => stopForwarding?.());

const session = () => group.live.session.id;
const privatePanel = (page: Page, name: string) => page.getByRole('region', { name: `Private conversation with ${name}` });
const asideRooms = async () => (await rooms.listRooms()).map((r) => r.name).filter((name) => name.startsWith(`${session()}.aside.`));
const published = async () => [...(await listedByName(rooms, session())).values()].map((p) => `${p.name}:${p.audio}/${p.video}`).sort();

/** Packets received for one kind of the tracks shown in the private panel, over every live peer connection. */
function packetsInPanel(page: Page, name: string, kind: 'audio' | 'video'): Promise<number | null> {
  return packetsIn(privatePanel(page, name), kind);
}

/** The same for the tracks shown in a tile or a panel (null when it shows none). */
function packetsIn(where: ReturnType<Page['locator']>, kind: 'audio' | 'video'): Promise<number | null> {
  return where.evaluate(async (panel, kind) => {
    const ids = new Set<string>();
    for (const media of panel.querySelectorAll<HTMLMediaElement>('video, audio')) {
      if (media.srcObject instanceof MediaStream) for (const t of media.srcObject.getTracks()) if (t.kind === kind) ids.add(t.id);
    }
    const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
    let total: number | null = null;
    for (const pc of peers) {
      if (pc.connectionState === 'closed') continue;
      for (const receiver of pc.getReceivers()) {
        if (!ids.has(receiver.track.id)) continue;
        for (const report of (await receiver.getStats()).values()) {
          if (report.type === 'inbound-rtp' && report.kind === kind) total = (total ?? 0) + Number(report.packetsReceived ?? 0);
        }
      }
    }
    return total;
  }, kind);
}

describe('[LR16] a pull-aside through the SFU while the group continues', () => {
  it('before: Alex receives Sam’s and Fran’s audio and video', async () => {
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'audio'), { timeout: TIMEOUT }).toBe(2);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(2);
    expect(await published()).toEqual(['Alex:on/on', 'Fran:on/on', 'Sam:on/on']);
  });

  it('Fran takes Sam aside: LiveKit lists nothing of theirs in the session room, and a room of the two alone', async () => {
    await askForSupport(group.sam, { level: "I'd like to talk privately" });
    await group.fran.getByRole('button', { name: 'Talk privately (audio and video) with Sam' }).click({ timeout: TIMEOUT });
    for (const [page, other] of [[group.fran, 'Sam'], [group.sam, 'Fran']] as const) await privatePanel(page, other).waitFor({ timeout: TIMEOUT });

    await expect.poll(published, { timeout: TIMEOUT }).toEqual(['Alex:on/on', 'Fran:none/none', 'Sam:none/none']);
    const [asideRoom, ...more] = await asideRooms();
    expect(more).toEqual([]);
    await expect.poll(async () => [...(await listedByName(rooms, asideRoom ?? '')).values()].map((p) => `${p.name}:${p.audio}/${p.video}`).sort(), { timeout: TIMEOUT }).toEqual([
      'Fran:on/on',
      'Sam:on/on',
    ]);
  });

  it('Alex’s browser receives no audio and no video of either; nothing plays in their tiles', async () => {
    await tile(group.alex, 'Sam').getByText('Away for a moment').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'audio'), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(0);
    // And it stays so (not a gap between two tracks).
    expect(await inboundStreamsFlowing(group.alex, 'audio', 3_000)).toBe(0);
    expect(await inboundStreamsFlowing(group.alex, 'video', 3_000)).toBe(0);
    for (const name of ['Sam', 'Fran']) {
      // Nothing arrives (above); the tile lets go of the ended track once livekit-client has the SFU's
      // participant update, which can come after the packets stop (seen in CI under load).
      await expect.poll(() => tracksInTile(group.alex, name, 'audio'), { timeout: TIMEOUT, message: `an audio track of ${name} in Alex's tile` }).toBe(0);
      // Whatever video element the tile still holds receives nothing (a frozen last frame at most).
      const before = await packetsIn(tile(group.alex, name), 'video');
      await new Promise((done) => setTimeout(done, 1_500));
      expect(await packetsIn(tile(group.alex, name), 'video')).toBe(before);
    }
  });

  it('Sam and Fran see and hear each other in the private panel', async () => {
    for (const [page, other] of [[group.fran, 'Sam'], [group.sam, 'Fran']] as const) {
      for (const kind of ['audio', 'video'] as const) {
        await waitForGrowth(`${kind} from ${other} in the private panel`, () => packetsInPanel(page, other, kind), { timeoutMs: TIMEOUT });
      }
    }
  });

  it('Sam returns: Alex receives both again, LiveKit lists their tracks in the session room, and the aside’s room is gone', async () => {
    await privatePanel(group.sam, 'Fran').getByRole('button', { name: 'Return to the group' }).click();
    for (const [page, other] of [[group.fran, 'Sam'], [group.sam, 'Fran']] as const) {
      await expect.poll(() => privatePanel(page, other).count(), { timeout: TIMEOUT }).toBe(0);
    }
    await expect.poll(published, { timeout: TIMEOUT }).toEqual(['Alex:on/on', 'Fran:on/on', 'Sam:on/on']);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'audio'), { timeout: TIMEOUT }).toBe(2);
    await expect.poll(() => inboundStreamsFlowing(group.alex, 'video'), { timeout: TIMEOUT }).toBe(2);
    await expect.poll(() => tracksInTile(group.alex, 'Sam', 'video'), { timeout: TIMEOUT }).toBe(1);
    await expect.poll(asideRooms, { timeout: TIMEOUT }).toEqual([]);
  });
});
