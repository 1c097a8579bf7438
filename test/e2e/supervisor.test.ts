import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { franJoins, memberJoins, startFacilitatedSession, type FacilitatedSession } from './facilitated-session.js';
import { packetsSent, waitForAudioFlowing, waitForFirstRemoteFrame } from '../support/webrtc-probe.js';
import { joinFromPreJoin, participants, tile, TIMEOUT } from './pages.js';

/**
 * [SV1]–[SV6] The supervisor, as people use it: the facilitator creates a supervisor link on the
 * dashboard; Vera joins with it and sees and hears the group; Sam, a member, is told an observer is
 * present but never sees a tile or her name, and his client sends her his audio and video; Vera sends
 * nothing. Then the facilitator turns observation off and Vera is taken out.
 */
let session: FacilitatedSession;
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let sam: Page;
let vera: Page;
let supervisorLink: string;

beforeAll(async () => {
  session = await startFacilitatedSession();
  ({ hearth, live, browser, fran } = session);
});

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

describe('a hidden supervisor observes a session', () => {
  it('the facilitator creates a supervisor invite link on the dashboard', async () => {
    const group = fran.getByRole('region', { name: live.group.name });
    await group.getByLabel('Invite role').selectOption('supervisor');
    const links = group.getByRole('textbox', { name: 'Invite link' });
    const before = await links.count();
    await group.getByRole('button', { name: 'Create invite link' }).click();
    await expect.poll(() => links.count(), { timeout: TIMEOUT }).toBe(before + 1);
    supervisorLink = (await links.first().inputValue());
    expect(supervisorLink).toMatch(/\/join\//);
    await group.getByRole('listitem').filter({ hasText: 'Supervisor (hidden from members)' }).first().waitFor({ timeout: TIMEOUT });
  });

  it('facilitator, member and supervisor join; the supervisor is told they are observing', async () => {
    await franJoins(session);
    sam = await memberJoins(session, 'Sam');
    vera = await newPage(browser);
    await vera.goto(supervisorLink);
    await vera.getByText('You are invited as a supervisor').waitFor({ timeout: TIMEOUT });
    await joinFromPreJoin(vera, 'Vera');

    await vera.getByRole('heading', { name: "You are observing; members can't see you" }).waitFor({ timeout: TIMEOUT });
    const controls = vera.getByRole('toolbar', { name: 'Call controls' });
    expect(await controls.getByRole('button', { name: 'Microphone' }).count()).toBe(0);
    expect(await controls.getByRole('button', { name: 'Camera' }).count()).toBe(0);
    await controls.getByRole('button', { name: 'Leave' }).focus();
    expect(await runAxe(vera)).toEqual([]);
  });

  it('the supervisor sees and hears the member and facilitator, and sends nothing', async () => {
    expect(await waitForFirstRemoteFrame(vera, 'Sam', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    await waitForAudioFlowing(vera, 'Sam', { timeoutMs: TIMEOUT });
    expect(await waitForFirstRemoteFrame(vera, 'Fran', { timeoutMs: TIMEOUT })).toBeGreaterThan(0);
    expect(await packetsSent(vera, 'audio')).toBe(0);
    expect(await packetsSent(vera, 'video')).toBe(0);
  });

  it("[SV6] the member's page says an observer is present, and shows no tile or name of them", async () => {
    await tile(sam, 'Fran').waitFor({ timeout: TIMEOUT });
    await sam.getByRole('status').filter({ hasText: 'An observer is present' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => participants(sam).getByRole('listitem').count()).toBe(2);
    expect(await sam.getByText(/Vera/).count()).toBe(0);
    expect(await tile(sam, 'Vera').count()).toBe(0);
  });

  it('the facilitator sees the supervisor, labelled as hidden from members, without a video tile', async () => {
    const list = participants(fran);
    const row = list.getByRole('listitem').filter({ hasText: 'Supervisor (hidden from members)' });
    await row.waitFor({ timeout: TIMEOUT });
    expect(await row.textContent()).toContain('Vera');
    expect(await tile(fran, 'Vera').count()).toBe(0);
  });

  it("the supervisor writes in the facilitators' channel; the facilitator reads it; the member sees nothing", async () => {
    await vera.getByRole('button', { name: "Facilitators' channel" }).click();
    await vera.getByLabel('Message to facilitators').fill('Sam looks tired tonight');
    await vera.getByRole('button', { name: 'Send to facilitators' }).click();
    await fran.getByRole('button', { name: /Facilitators' channel/ }).click();
    await fran.getByText('Sam looks tired tonight').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => sam.getByText('Sam looks tired tonight').count()).toBe(0);
  });

  it('[SV6] the facilitator turns observation off on the dashboard: the supervisor is told and leaves, the notice goes', async () => {
    const dashboard = await fran.context().newPage();
    await dashboard.goto(hearth.url + '/');
    const setting = dashboard.getByRole('region', { name: live.group.name }).getByRole('region', { name: 'Observation' });
    const allow = setting.getByRole('checkbox', { name: 'Allow a supervisor to observe sessions' });
    expect(await allow.isChecked()).toBe(true);
    await allow.press('Space');
    await setting.getByRole('status').filter({ hasText: 'Observation is off' }).waitFor({ timeout: TIMEOUT });
    expect(await allow.isChecked()).toBe(false);

    await vera.getByRole('heading', { name: 'Observation has been turned off' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => sam.getByText('An observer is present').count(), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => participants(fran).getByRole('listitem').filter({ hasText: 'Vera' }).count(), { timeout: TIMEOUT }).toBe(0);
    await tile(sam, 'Fran').waitFor({ timeout: TIMEOUT });

    // The supervisor's link no longer works, and says why.
    await vera.goto(supervisorLink);
    await vera.getByRole('heading', { name: 'Observation is turned off' }).waitFor({ timeout: TIMEOUT }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}\npage text: ${await vera.locator('body').innerText()}`);
    });
    await dashboard.close();
  });
});
