import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { http, memberCredential, type LiveSession } from '../support/api.js';
import { runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';
import { franJoins, startFacilitatedSession } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/**
 * [TT5][TT6][TT9] The facilitator opens the talk-time panel with T and sees a member's time grow as the
 * member speaks; after the session, the dashboard shows the summary. The member is a plain socket that
 * reports speech (what its client's voice detection would send), so the figures are exact.
 */
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let sam: TestClient;

beforeAll(async () => {
  ({ hearth, live, browser, fran } = await startFacilitatedSession());
});

afterAll(async () => {
  sam?.close();
  await browser?.close();
  await hearth?.close();
});

const panel = (page: Page) => page.getByRole('region', { name: 'Talk time', exact: true });
const samRow = (page: Page) => panel(page).getByRole('row', { name: /^Sam / });

describe('talk time', () => {
  it('the facilitator opens the panel with T and sees a member\'s time grow as they speak', async () => {
    await franJoins({ hearth, live, browser, fran });
    sam = await connectParticipant(hearth.url, (await memberCredential(hearth, live, 'Sam')).token);
    await join(sam);
    await new Promise((resolve) => setTimeout(resolve, 3200));

    await fran.keyboard.press('t');
    await panel(fran).waitFor({ timeout: TIMEOUT });
    await panel(fran).getByText('Not spoken yet: Sam').waitFor({ timeout: TIMEOUT });

    await sam.send('talk:report', { intervals: [{ startAgoMs: 3000, endAgoMs: 0 }] });
    await samRow(fran).getByRole('cell', { name: '3 s', exact: true }).waitFor({ timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await sam.send('talk:report', { intervals: [], speakingForMs: 2000 });
    await samRow(fran).getByRole('cell', { name: '5 s', exact: true }).waitFor({ timeout: 3000 });
    expect(await samRow(fran).textContent()).toContain('100% of member talk; an even share would be 100%');
    await panel(fran).getByText('Not spoken yet: everyone present has spoken').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);

    // T again closes it; the toolbar's button opens it too.
    await fran.keyboard.press('t');
    await expect.poll(() => panel(fran).count()).toBe(0);
  });

  it('after the session the dashboard shows the summary, in words and as a chart with a table', async () => {
    expect((await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie })).status).toBe(200);
    await fran.goto(hearth.url + '/');
    await fran.getByRole('button', { name: 'Talk time' }).first().click();
    const table = fran.getByRole('table', { name: 'Members, in the order they joined' });
    await table.waitFor({ timeout: TIMEOUT });
    expect(await table.getByRole('row', { name: /^Sam / }).textContent()).toMatch(/Sam5 s100%100%1/);
    await fran.getByRole('img', { name: /Balance through the session/ }).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);
  });
});
