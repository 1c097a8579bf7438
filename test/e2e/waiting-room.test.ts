import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, type LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { franJoins, startFacilitatedSession } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/**
 * [MD9] [MD14] The waiting room in mesh mode: the facilitator writes the group's welcome, turns the
 * waiting room on; a member waits, reads the welcome, writes privately to the facilitators and is
 * admitted; another is declined and told kindly.
 */
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;

beforeAll(async () => {
  ({ hearth, live, browser, fran } = await startFacilitatedSession());
});

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

const controls = (page: Page) => page.getByRole('region', { name: 'Session controls' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first();

/** Opens a fresh invite link and presses Join; the member lands wherever the server sends them. */
async function arrive(name: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(hearth.url + (await createInvite(hearth, live)).path);
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: TIMEOUT });
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  return page;
}

describe('the waiting room', () => {
  it('the facilitator writes the welcome text on the dashboard and turns the waiting room on in the room', async () => {
    const group = fran.getByRole('region', { name: 'Tuesday circle' });
    await group.getByRole('textbox', { name: 'Welcome text' }).fill('Welcome. Make yourself a cup of tea; we start at seven.');
    await group.getByRole('button', { name: 'Save welcome text' }).click();
    await group.getByRole('status').filter({ hasText: 'Welcome text saved' }).waitFor({ timeout: TIMEOUT });
    await franJoins({ hearth, live, browser, fran });
    await controls(fran).getByRole('checkbox', { name: 'Members wait to be admitted' }).check();
    await status(fran, 'Waiting room on').waitFor({ timeout: TIMEOUT });
  });

  it('a member waits with the welcome, writes to the facilitator, and is admitted', async () => {
    const wren = await arrive('Wren');
    await wren.getByRole('heading', { name: 'Waiting to be let in' }).waitFor({ timeout: TIMEOUT });
    await wren.getByRole('region', { name: 'Welcome from the facilitator' }).getByText('Make yourself a cup of tea').waitFor({ timeout: TIMEOUT });
    await status(fran, 'Wren is waiting to join').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(wren)).toEqual([]);

    await wren.getByRole('textbox', { name: /Message to the facilitators/ }).fill('Is this the carers group?');
    await wren.getByRole('button', { name: 'Send' }).click();
    const thread = controls(fran).getByRole('list', { name: 'Messages with Wren' });
    await thread.getByText('Is this the carers group?').waitFor({ timeout: TIMEOUT });
    await controls(fran).getByRole('textbox', { name: 'Message to Wren' }).fill('Yes, welcome. One moment.');
    await controls(fran).getByRole('button', { name: 'Send to Wren' }).click();
    await wren.getByRole('list', { name: 'Messages with the facilitators' }).getByText('Yes, welcome. One moment.').waitFor({ timeout: TIMEOUT });

    await controls(fran).getByRole('button', { name: 'Admit Wren' }).click();
    await wren.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
    await fran.getByRole('complementary', { name: 'Participants' }).getByText('Wren', { exact: true }).first().waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);
  });

  it('another member is declined and told kindly', async () => {
    const dee = await arrive('Dee');
    await dee.getByRole('heading', { name: 'Waiting to be let in' }).waitFor({ timeout: TIMEOUT });
    await controls(fran).getByRole('button', { name: 'Decline Dee' }).click();
    await dee.getByRole('heading', { name: "You can't join just now" }).waitFor({ timeout: TIMEOUT });
    await dee.getByText('Thank you for coming').waitFor({ timeout: TIMEOUT });
    await status(fran, 'Dee was told kindly').waitFor({ timeout: TIMEOUT });
  });
});
