import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHearth } from '../support/hearth.js';
import { franJoins, memberJoins, startFacilitatedSession } from './facilitated-session.js';
import { waitForAudioFlowing, waitForAudioStopped, waitForGrowth } from '../support/webrtc-probe.js';
import { askForSupport, tile, TIMEOUT } from './pages.js';

/**
 * [PA1][PA2][PA4] The pull-aside, as people use it: Sam asks to talk privately; Fran (facilitator)
 * chooses "Talk privately"; Sam and Fran see each other in a private panel and hear each other over
 * their own connection, while Alex sees only that they are away for a moment and receives no audio
 * from either of them; Sam mutes, returns to the group from the keyboard and stays muted (a return never
 * unmutes anyone); once Sam unmutes, the whole group hears them again.
 */
let hearth: TestHearth;
let browser: Browser;
let fran: Page;
let sam: Page;
let alex: Page;

const privatePanel = (page: Page, name: string) => page.getByRole('region', { name: `Private conversation with ${name}` });

/**
 * Audio packets received for the tracks shown in a tile, summed over every live peer connection that
 * receives them. During an aside the same remote track can be received on two connections (the
 * group's, now silent, and the aside's; Chromium may give both receivers the sender's track id), so
 * the first match (webrtc-probe's inboundStatFor) may be the silent one.
 */
function audioInTile(page: Page, label: string): Promise<number | null> {
  return tile(page, label).evaluate(async (figure) => {
    const ids = new Set<string>();
    for (const media of figure.querySelectorAll<HTMLMediaElement>('video, audio')) {
      if (media.srcObject instanceof MediaStream) for (const t of media.srcObject.getAudioTracks()) ids.add(t.id);
    }
    const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
    let total: number | null = null;
    for (const pc of peers) {
      if (pc.connectionState === 'closed') continue;
      for (const receiver of pc.getReceivers()) {
        if (!ids.has(receiver.track.id)) continue;
        for (const report of (await receiver.getStats()).values()) {
          if (report.type === 'inbound-rtp' && report.kind === 'audio') total = (total ?? 0) + Number(report.packetsReceived ?? 0);
        }
      }
    }
    return total;
  });
}

beforeAll(async () => {
  const session = await startFacilitatedSession();
  ({ hearth, browser, fran } = session);
  await franJoins(session);
  sam = await memberJoins(session, 'Sam');
  alex = await memberJoins(session, 'Alex');
}, 180_000); // three browsers on a shared two-core machine

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

describe('a private pull-aside while the group continues', () => {
  it('everyone hears everyone before', async () => {
    await waitForAudioFlowing(alex, 'Sam', { timeoutMs: TIMEOUT });
    await waitForAudioFlowing(alex, 'Fran', { timeoutMs: TIMEOUT });
    await waitForAudioFlowing(fran, 'Sam', { timeoutMs: TIMEOUT });
  });

  it('Sam asks to talk privately; Fran starts a private conversation; both see the private panel', async () => {
    await askForSupport(sam, { level: "I'd like to talk privately" });

    await fran.getByRole('button', { name: 'Talk privately (audio and video) with Sam' }).click({ timeout: TIMEOUT });
    for (const [page, other] of [[fran, 'Sam'], [sam, 'Fran']] as const) {
      const panel = privatePanel(page, other);
      await panel.waitFor({ timeout: TIMEOUT });
      await panel.getByText("The group can't hear you").waitFor({ timeout: TIMEOUT });
      await panel.getByRole('button', { name: 'Return to the group' }).waitFor({ timeout: TIMEOUT });
      await tile(page, other).waitFor({ timeout: TIMEOUT });
      await page.getByRole('status').filter({ hasText: `Private conversation with ${other} started` }).waitFor({ timeout: TIMEOUT });
    }
    // Keyboard and screen reader users land in the panel.
    await expect.poll(() => sam.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Private conversation with Fran');
  });

  it('Alex sees only that they are away, and hears neither; Sam and Fran hear each other', async () => {
    await tile(alex, 'Sam').getByText('Away for a moment').waitFor({ timeout: TIMEOUT });
    await tile(alex, 'Fran').getByText('Away for a moment').waitFor({ timeout: TIMEOUT });
    // Nothing says why: no private conversation, no request for support.
    expect(await alex.evaluate(() => document.body.innerText)).not.toMatch(/private conversation|talk(ing)? privately|asked for support|Sam's request/i);

    await waitForAudioStopped(alex, 'Sam', { timeoutMs: TIMEOUT });
    await waitForAudioStopped(alex, 'Fran', { timeoutMs: TIMEOUT });
    // Over their own connection (the group's tiles are not shown to them now).
    await waitForGrowth('audio from Sam in the private panel', () => audioInTile(fran, 'Sam'), { timeoutMs: TIMEOUT });
    await waitForGrowth('audio from Fran in the private panel', () => audioInTile(sam, 'Fran'), { timeoutMs: TIMEOUT });
  });

  it('[PA5] Sam mutes, returns to the group from the keyboard, and stays muted; the group hears Fran again', async () => {
    await sam.keyboard.press('m');
    await sam.getByRole('button', { name: /^Microphone/, pressed: false }).waitFor({ timeout: TIMEOUT });
    await sam.keyboard.press('Tab');
    await expect.poll(() => sam.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Return to the group');
    await sam.keyboard.press('Enter');
    for (const [page, other] of [[fran, 'Sam'], [sam, 'Fran']] as const) {
      await expect.poll(() => privatePanel(page, other).count(), { timeout: TIMEOUT }).toBe(0);
    }
    await sam.getByRole('status').filter({ hasText: "You're back with the group." }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => tile(alex, 'Sam').getByText('Away for a moment').count(), { timeout: TIMEOUT }).toBe(0);
    await waitForAudioFlowing(alex, 'Fran', { timeoutMs: TIMEOUT });
    await waitForAudioFlowing(sam, 'Fran', { timeoutMs: TIMEOUT });
    // Returning turned nothing on: Sam is still muted, and nobody receives their audio.
    await sam.getByRole('button', { name: /^Microphone/, pressed: false }).waitFor({ timeout: TIMEOUT });
    await waitForAudioStopped(alex, 'Sam', { timeoutMs: TIMEOUT });
  });

  it('Sam unmutes, and the whole group hears them again', async () => {
    await sam.keyboard.press('m');
    await waitForAudioFlowing(alex, 'Sam', { timeoutMs: TIMEOUT });
    await waitForAudioFlowing(fran, 'Sam', { timeoutMs: TIMEOUT });
  });
});
