import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { http, setUpFacilitator } from '../support/api.js';
import { launchBrowser, newPage, runAxe } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { resetLinkCommand } from '../../server/src/modules/accounts/operator-commands.js';
import { signIn, TIMEOUT } from './pages.js';

/**
 * [AC5] [AC6] In the browser: a facilitator who forgot their password asks for a link, gets one from the operator
 * (no SMTP here), sets a new password and signs in with it; then signs out everywhere and another browser's
 * sign-in ends too. Everything by role and label, as a person would.
 */
const EMAIL = 'fran@example.org';
const NEW_PASSWORD = 'a fresh start passphrase';

let hearth: TestHearth;
let browser: Browser;

beforeAll(async () => {
  hearth = await startHearth({ clientDist: resolve('client/dist') });
  await setUpFacilitator(hearth, 'Fran');
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

/** What `npm run reset-link -- <email>` prints, with the test server's address (the same command, in-process). */
async function operatorLink(): Promise<string> {
  const outcome = await resetLinkCommand([EMAIL], { db: hearth.services.db, publicUrl: hearth.url, now: Date.now() });
  expect(outcome.exitCode).toBe(0);
  return /(http\S+\/reset#token=\S+)/.exec(outcome.text)?.[1] ?? '';
}

describe('accounts in the browser', () => {
  it('[AC5] forgot password → the operator\'s link → a new password → sign in', async () => {
    const page = await newPage(browser);
    await page.goto(`${hearth.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor({ timeout: TIMEOUT });
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: TIMEOUT }).toMatch(/ask the person who runs Hearth/i);
    expect(await runAxe(page)).toEqual([]);

    const link = await operatorLink();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor({ timeout: TIMEOUT });
    // Keyboard only: the fields are labelled and reachable in order.
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the same one');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('The two passwords are not the same.').isVisible(), { timeout: TIMEOUT }).toBe(true);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Your password is set' }).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(page)).toEqual([]);

    // The same link a second time says so, and offers a new one.
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('another new passphrase');
    await page.getByLabel('New password again').fill('another new passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: TIMEOUT }).toMatch(/already been used/);
    await page.getByRole('link', { name: 'Ask for a new reset link' }).waitFor({ timeout: TIMEOUT });

    await signIn(page, hearth.url, EMAIL, NEW_PASSWORD);
    await page.context().close();
  });

  it('[AC6] sign out everywhere asks first, signs this browser out with a confirmation, and another browser too', async () => {
    const here = await newPage(browser);
    const elsewhere = await newPage(browser);
    await signIn(here, hearth.url, EMAIL, NEW_PASSWORD);
    await signIn(elsewhere, hearth.url, EMAIL, NEW_PASSWORD);

    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = here.getByRole('dialog', { name: 'Sign out everywhere?' });
    await dialog.waitFor({ timeout: TIMEOUT });
    // Cancel is the safe choice and where focus starts; Escape closes without doing anything.
    await here.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie: await cookieOf(elsewhere) })).status).toBe(200);

    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => here.getByRole('status').first().textContent(), { timeout: TIMEOUT }).toMatch(/signed out everywhere/);

    // The other browser's next page load finds itself signed out.
    await elsewhere.reload();
    await elsewhere.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: TIMEOUT });
    await here.context().close();
    await elsewhere.context().close();
  });
});

async function cookieOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'hearth_session');
  return cookie ? `${cookie.name}=${cookie.value}` : '';
}
