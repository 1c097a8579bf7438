import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomServiceClient } from 'livekit-server-sdk';
import { createInvite, memberCredential } from '../support/api.js';
import { closePage, newPage } from '../support/browser.js';
import { openLiveKitPage } from '../support/livekit-page.js';
import { realLiveKit, realLiveKitEnv } from '../support/real-livekit.js';
import { connectParticipant, joinAnyMode } from '../support/sockets.js';
import { waitForFirstRemoteFrame } from '../support/webrtc-probe.js';
import { franJoins, memberJoins, startFacilitatedSession, type FacilitatedSession } from '../e2e/facilitated-session.js';
import { joinFromPreJoin, tile, TIMEOUT } from '../e2e/pages.js';
import { listedByName } from './tiles.js';

/**
 * [LR13]-[LR15] Who gets into the SFU room in LiveKit mode: nobody while the session is locked or
 * while they wait to be admitted (no token, so nothing in LiveKit), and the hidden supervisor is in
 * it but absent from what a member's livekit-client is told. One session (Fran, Sam) for the file.
 */
const livekit = realLiveKit();
const rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
let session: FacilitatedSession;
let sam: Page;

beforeAll(async () => {
  session = await startFacilitatedSession({ env: realLiveKitEnv() });
  await franJoins(session);
  sam = await memberJoins(session, 'Sam');
}, 60_000);
afterAll(async () => {
  await session?.browser.close();
  await session?.hearth.close();
});

const names = async () => [...(await listedByName(rooms, session.live.session.id)).keys()].sort();
const controls = (page: Page) => page.getByRole('region', { name: 'Session controls' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();

async function arrive(name: string): Promise<Page> {
  const page = await newPage(session.browser, { bypassCSP: false });
  await page.goto(session.hearth.url + (await createInvite(session.hearth, session.live)).path);
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: TIMEOUT });
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  return page;
}

describe('[LR13] a locked session keeps newcomers out of the SFU', () => {
  it('Lee is refused while locked and is not in LiveKit; after unlocking Lee joins and decodes Fran', async () => {
    await expect.poll(names, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
    await controls(session.fran).getByRole('button', { name: 'Lock session' }).click();
    await status(session.fran, 'The session is locked').waitFor({ timeout: TIMEOUT });
    const lee = await newPage(session.browser, { bypassCSP: false });
    await lee.goto(session.hearth.url + (await createInvite(session.hearth, session.live)).path);
    await lee.getByRole('heading', { name: 'This session is locked' }).waitFor({ timeout: TIMEOUT });
    expect(await names()).toEqual(['Fran', 'Sam']);
    await controls(session.fran).getByRole('button', { name: 'Unlock session' }).click();
    await status(session.fran, 'The session is unlocked').waitFor({ timeout: TIMEOUT });
    await lee.getByRole('button', { name: 'Try again' }).click();
    await joinFromPreJoin(lee, 'Lee');
    expect(await waitForFirstRemoteFrame(lee, 'Fran', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await expect.poll(names, { timeout: TIMEOUT }).toEqual(['Fran', 'Lee', 'Sam']);
    await closePage(lee);
  });
});

describe('[LR14] the waiting room keeps a member out of the SFU until admitted', () => {
  it('Wren waits outside LiveKit; once admitted Wren is in it and decodes Fran', async () => {
    await controls(session.fran).getByRole('checkbox', { name: 'Members wait to be admitted' }).check();
    await status(session.fran, 'Waiting room on').waitFor({ timeout: TIMEOUT });
    const wren = await arrive('Wren');
    await wren.getByRole('heading', { name: 'Waiting to be let in' }).waitFor({ timeout: TIMEOUT });
    await status(session.fran, 'Wren is waiting to join').waitFor({ timeout: TIMEOUT });
    await expect.poll(names, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
    await controls(session.fran).getByRole('button', { name: 'Admit Wren' }).click();
    await wren.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
    expect(await waitForFirstRemoteFrame(wren, 'Fran', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await expect.poll(names, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam', 'Wren']);
    await closePage(wren);
    await controls(session.fran).getByRole('checkbox', { name: 'Members wait to be admitted' }).uncheck();
    await expect.poll(names, { timeout: TIMEOUT }).toEqual(['Fran', 'Sam']);
  });
});

describe('[LR15] the hidden supervisor is in the SFU room, and members’ livekit-client never hears of her', () => {
  it('Vera decodes Sam; LiveKit lists her hidden with no tracks; a member’s livekit-client sees only Fran and Sam', async () => {
    const link = (await createInvite(session.hearth, session.live, { role: 'supervisor' })).path;
    const vera = await newPage(session.browser);
    await vera.goto(session.hearth.url + link);
    await joinFromPreJoin(vera, 'Vera');
    expect(await waitForFirstRemoteFrame(vera, 'Sam', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await expect.poll(async () => (await listedByName(rooms, session.live.session.id)).get('Vera'), { timeout: TIMEOUT }).toMatchObject({
      hidden: true,
      audio: 'none',
      video: 'none',
    });
    // A member's own livekit-client, with the token Hearth gives a member now.
    const socket = await connectParticipant(session.hearth.url, (await memberCredential(session.hearth, session.live, 'Kim')).token);
    const ack = await joinAnyMode(socket);
    if (ack.media.mode !== 'livekit') throw new Error('expected LiveKit mode');
    const kim = await openLiveKitPage(session.browser, session.hearth.url, ack.media.url, ack.media.token);
    try {
      await expect.poll(async () => (await kim.remoteParticipants()).map((p) => `${p.name}:${p.tracks.join('+')}`).sort(), { timeout: TIMEOUT }).toEqual([
        'Fran:audio+video',
        'Sam:audio+video',
      ]);
      expect(JSON.stringify(await kim.remoteParticipants())).not.toContain('Vera');
      // Nor does Sam's page show a tile for her.
      expect(await tile(sam, 'Vera').count()).toBe(0);
    } finally {
      await kim.close();
      socket.close();
    }
  });
});
