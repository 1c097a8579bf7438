import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, setUpFacilitator, startLiveSession } from '../support/api.js';
import { launchBrowser, newPage, runAxe } from '../support/browser.js';
import { startCoturn, type ThrowawayCoturn } from '../support/coturn.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { TIMEOUT } from './pages.js';

/**
 * [TN3] The pre-join connection check, in a real Chromium against a real coturn: where the relay answers, the
 * member is told their network can reach the group; where it does not, they are told so plainly, with what to try.
 */
const SECRET = 'route-check-secret-for-coturn';
let browser: Browser;
let coturn: ThrowawayCoturn;
let hearth: TestHearth | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  coturn = await startCoturn({ secret: SECRET });
});
afterEach(async () => {
  await hearth?.close();
  hearth = undefined;
});
afterAll(async () => {
  await browser?.close();
  await coturn?.stop();
});

async function inviteWith(turnUrl: string): Promise<Page> {
  hearth = await startHearth({ clientDist: resolve('client/dist'), env: { TURN_URLS: turnUrl, TURN_SECRET: SECRET, TURN_TTL_SECONDS: '600' } });
  const live = await startLiveSession(hearth, await setUpFacilitator(hearth, 'Fran'));
  const page = await newPage(browser);
  await page.goto(hearth.url + (await createInvite(hearth, live)).path);
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: TIMEOUT });
  return page;
}

const check = (page: Page) => page.getByRole('region', { name: 'Connection check' });

describe('the pre-join connection check', () => {
  it('says the network can reach the group when the relay gives this browser a route', async () => {
    const page = await inviteWith(coturn.url);
    await check(page).getByRole('status').filter({ hasText: 'Your network can reach the group.' }).waitFor({ timeout: TIMEOUT });
    expect(await check(page).getByRole('button', { name: 'Check again' }).count()).toBe(0);
    await page.context().close();
  });

  it('when no route can be found, says so plainly with what to try, keyboard reachable, and joining stays open', async () => {
    // A port nobody listens on: the relay never answers, as behind a network that blocks it.
    const page = await inviteWith(`turn:127.0.0.1:${coturn.port + 7}?transport=udp`);
    const region = check(page);
    await region.getByRole('status').filter({ hasText: 'We could not find a way to connect you to the group from this network.' }).waitFor({ timeout: TIMEOUT });
    const tips = await region.getByRole('listitem').allInnerTexts();
    expect(tips.join('\n')).toMatch(/another network/);
    expect(tips.join('\n')).toMatch(/VPN, turn it off/);
    expect(tips.join('\n')).toMatch(/Ask your facilitator/);
    expect(await runAxe(page)).toEqual([]);

    // Reached by Tab, as a keyboard user would.
    const again = region.getByRole('button', { name: 'Check again' });
    for (let i = 0; i < 30 && !(await again.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await region.getByRole('status').filter({ hasText: 'Checking that your network can reach the group' }).waitFor({ timeout: TIMEOUT });
    expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);
    await region.getByRole('status').filter({ hasText: 'We could not find a way' }).waitFor({ timeout: TIMEOUT });

    expect(await page.getByRole('button', { name: 'Join' }).isEnabled()).toBe(true);
    await page.context().close();
  });
});
