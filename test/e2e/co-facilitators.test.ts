import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, type MyOrganisation } from '@hearth/shared';
import { http, type LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { memberJoins, startFacilitatedSession } from './facilitated-session.js';
import { joinFromPreJoin, participants, TIMEOUT } from './pages.js';

/**
 * [CF1]-[CF5] In the browser: Fran, of Northside Trust, invites Cole, a facilitator of another organisation, by
 * a one-time link; Cole makes his account on the link's page; Fran adds him to her group; Cole sees it on his
 * dashboard, enters its session and mutes the room; Fran removes him, and he is out of the room at once.
 * One browser context per person, one session for the whole file.
 */
const COLE_EMAIL = 'cole@riverside-care.example.org';
const PASSWORD = 'a long enough password';
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let cole: Page;
let link = '';

beforeAll(async () => {
  ({ hearth, live, browser, fran } = await startFacilitatedSession());
  // Fran's organisation hosts the group; Cole's is another one (made once he has an account, below).
  const northside = await http<MyOrganisation>(hearth, 'POST', ApiRoutes.organisations, { cookie: live.cookie, body: { name: 'Northside Trust' } });
  await http(hearth, 'PUT', ApiRoutes.groupOrganisation(live.group.id), { cookie: live.cookie, body: { organisationId: northside.body.id } });
  cole = await newPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

const group = (page: Page) => page.getByRole('region', { name: 'Tuesday circle' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();

describe('a co-facilitator from another organisation', () => {
  it('[CF1] Fran makes a one-time invite link for Cole and is told what to do with it', async () => {
    const invite = fran.getByRole('region', { name: 'Invite a facilitator' });
    await invite.getByLabel('Their email').fill(COLE_EMAIL);
    await invite.getByRole('button', { name: 'Make invite link' }).click();
    await status(fran, `Invite link made for ${COLE_EMAIL}`).waitFor({ timeout: TIMEOUT });
    const field = invite.getByRole('textbox', { name: `Invite link for ${COLE_EMAIL}` });
    link = await field.inputValue();
    expect(link).toMatch(/\/accept-invite#token=[\w-]{43}$/);
    await invite.getByRole('listitem').filter({ hasText: COLE_EMAIL }).getByText('Not used yet').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);
  });

  it('[CF2] Cole chooses his name and password on the link\'s page, by keyboard, and lands on his dashboard', async () => {
    await cole.goto(link.replace(/^https?:\/\/[^/]+/, hearth.url));
    await cole.getByRole('heading', { name: 'Join Hearth as a facilitator' }).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(cole)).toEqual([]);
    await cole.getByLabel('Your name').fill('Cole');
    await cole.keyboard.press('Tab');
    await cole.keyboard.type(PASSWORD);
    await cole.keyboard.press('Tab');
    await cole.keyboard.type(PASSWORD);
    await cole.keyboard.press('Enter');
    await cole.getByRole('heading', { name: 'Your groups' }).waitFor({ timeout: TIMEOUT });
    await cole.getByText('Signed in as Cole').waitFor({ timeout: TIMEOUT });
    const login = await http(hearth, 'POST', ApiRoutes.login, { body: { email: COLE_EMAIL, password: PASSWORD } });
    await http(hearth, 'POST', ApiRoutes.organisations, { cookie: login.cookie, body: { name: 'Riverside Care' } });
  });

  it('[CF3] Fran adds Cole to her group as co-facilitator, with a confirmation', async () => {
    await group(fran).getByLabel("Co-facilitator's email").fill(COLE_EMAIL);
    await group(fran).getByRole('button', { name: 'Add co-facilitator' }).click();
    await status(fran, 'Cole is now a co-facilitator of Tuesday circle').waitFor({ timeout: TIMEOUT });
    await group(fran).getByRole('list', { name: 'Facilitators of Tuesday circle' }).getByText('Cole').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);
  });

  it('[CF4] Cole sees the group on his dashboard, enters its session and mutes the room', async () => {
    await cole.reload();
    await group(cole).getByText('You co-facilitate this group').waitFor({ timeout: TIMEOUT });
    // The group's settings are Fran's: Cole is not offered them.
    expect(await group(cole).getByRole('button', { name: 'Add co-facilitator' }).count()).toBe(0);
    const sam = await memberJoins({ hearth, live, browser, fran }, 'Sam');
    await group(cole).getByRole('link', { name: 'Enter room' }).click();
    await joinFromPreJoin(cole);
    await participants(cole).getByText('Sam', { exact: true }).first().waitFor({ timeout: TIMEOUT });
    await cole.getByRole('region', { name: 'Session controls' }).getByRole('button', { name: 'Mute everyone' }).click();
    await cole.getByRole('dialog', { name: 'Mute everyone except the facilitators?' }).getByRole('button', { name: 'Mute everyone' }).click();
    await status(sam, 'Cole muted everyone except the facilitators').waitFor({ timeout: TIMEOUT });
  });

  it('[CF5] Fran removes Cole after confirming; he is out of the room at once and the group leaves his dashboard', async () => {
    await fran.reload();
    await group(fran).getByRole('button', { name: 'Remove Cole as co-facilitator' }).click();
    const dialog = fran.getByRole('dialog', { name: 'Remove Cole as co-facilitator?' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await status(fran, 'Cole is no longer a co-facilitator of Tuesday circle').waitFor({ timeout: TIMEOUT });
    await cole.getByRole('heading', { name: 'You are no longer in this session' }).waitFor({ timeout: TIMEOUT });
    await cole.goto(`${hearth.url}/`);
    await cole.getByText('You have no groups yet').waitFor({ timeout: TIMEOUT });
  });
});
