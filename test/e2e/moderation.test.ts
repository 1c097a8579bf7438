import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInvite, type LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { useGroupOfThree } from './facilitated-session.js';
import { joinFromPreJoin, participants, TIMEOUT } from './pages.js';

/**
 * [MD7] [MD13] [MD12] [MD15] The moderation set in mesh mode, as the people in the room see it: mute
 * everyone, ask to unmute (accepted and declined), lock and unlock, and ban.
 */
const group = useGroupOfThree();
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let sam: Page;
let alex: Page;
beforeAll(() => ({ hearth, browser, live, fran, sam, alex } = group));

const controls = (page: Page) => page.getByRole('region', { name: 'Session controls' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();
const microphone = (page: Page) => page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Microphone' });

describe('moderation in the room', () => {
  it('mute everyone: confirmed, each member told why, the facilitator sees who', async () => {
    await participants(fran).getByText('Alex', { exact: true }).first().waitFor({ timeout: TIMEOUT });
    await controls(fran).getByRole('button', { name: 'Mute everyone' }).click();
    const dialog = fran.getByRole('dialog', { name: 'Mute everyone except the facilitators?' });
    await dialog.getByRole('button', { name: 'Mute everyone' }).click();
    await status(fran, 'Muted').waitFor({ timeout: TIMEOUT });
    for (const member of [sam, alex]) {
      await status(member, 'Fran muted everyone except the facilitators').waitFor({ timeout: TIMEOUT });
      await expect.poll(() => microphone(member).getAttribute('aria-pressed'), { timeout: TIMEOUT }).toBe('false');
    }
    await expect.poll(() => microphone(fran).getAttribute('aria-pressed')).toBe('true');
  });

  it('ask to unmute, accepted: only Sam is asked, Sam unmutes himself, Fran sees the answer', async () => {
    await participants(fran).getByRole('button', { name: 'Ask to unmute Sam' }).click();
    const prompt = sam.getByRole('group', { name: 'Fran asks you to unmute your microphone' });
    await prompt.waitFor({ timeout: TIMEOUT });
    // Members' pages run under the real CSP (no axe there); the facilitator's controls are checked instead.
    expect(await runAxe(fran)).toEqual([]);
    expect(await alex.getByRole('group', { name: /asks you to unmute/ }).count()).toBe(0);
    await prompt.getByRole('button', { name: 'Unmute' }).click();
    await status(fran, 'Sam chose to unmute').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => microphone(sam).getAttribute('aria-pressed'), { timeout: TIMEOUT }).toBe('true');
  });

  it('ask to unmute, declined: Alex stays muted and Fran is told', async () => {
    await participants(fran).getByRole('button', { name: 'Ask to unmute Alex' }).click();
    const prompt = alex.getByRole('group', { name: 'Fran asks you to unmute your microphone' });
    await prompt.getByRole('button', { name: 'Not now' }).click();
    await status(fran, 'Alex would rather stay muted for now').waitFor({ timeout: TIMEOUT });
    expect(await microphone(alex).getAttribute('aria-pressed')).toBe('false');
  });

  it('lock: a new member is refused with a clear message; unlocking lets them in', async () => {
    await controls(fran).getByRole('button', { name: 'Lock session' }).click();
    await status(fran, 'The session is locked').waitFor({ timeout: TIMEOUT });
    await status(sam, 'The facilitator has locked this session').waitFor({ timeout: TIMEOUT });
    const late = await newPage(browser, { bypassCSP: false });
    await late.goto(hearth.url + (await createInvite(hearth, live)).path);
    await late.getByRole('heading', { name: 'This session is locked' }).waitFor({ timeout: TIMEOUT });
    await late.getByText('nobody new can join').waitFor({ timeout: TIMEOUT });
    await controls(fran).getByRole('button', { name: 'Unlock session' }).click();
    await status(fran, 'The session is unlocked').waitFor({ timeout: TIMEOUT });
    await late.getByRole('button', { name: 'Try again' }).click();
    await joinFromPreJoin(late, 'Lee');
    await participants(fran).getByText('Lee', { exact: true }).first().waitFor({ timeout: TIMEOUT });
  });

  it('ban: confirmed; the banned member sees why and cannot rejoin with the link', async () => {
    const alexLink = alex.url();
    await participants(fran).getByRole('button', { name: 'Ban Alex' }).click();
    await fran.getByRole('dialog', { name: 'Ban Alex from this session?' }).getByRole('button', { name: 'Ban' }).click();
    await status(fran, 'Alex was removed and cannot rejoin this session').waitFor({ timeout: TIMEOUT });
    await alex.getByRole('heading', { name: 'You are no longer in this session' }).waitFor({ timeout: TIMEOUT });
    await alex.getByText('you cannot rejoin it').waitFor({ timeout: TIMEOUT });
    await alex.goto(alexLink);
    await alex.getByRole('heading', { name: "You can't rejoin this session" }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => participants(fran).getByText('Alex', { exact: true }).count(), { timeout: TIMEOUT }).toBe(0);
  });
});
