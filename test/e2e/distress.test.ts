import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGroupOfThree } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/**
 * [DS2][DS4] A member asks for support; only the facilitator is alerted; the facilitator acknowledges; the
 * member is told, privately, that it was seen; the other member's screen shows nothing of any of it.
 */
const group = useGroupOfThree();
let fran: Page;
let sam: Page;
let alex: Page;
beforeAll(() => ({ fran, sam, alex } = group));

describe('asking for support, privately', () => {
  it('the facilitator has no "I need support" button; members do', async () => {
    await expect.poll(() => fran.getByRole('button', { name: 'I need support' }).count()).toBe(0);
    await sam.getByRole('button', { name: 'I need support' }).waitFor({ timeout: TIMEOUT });
  });

  it('a member asks for support from the keyboard, and only the facilitator is alerted', async () => {
    await sam.getByRole('heading', { level: 1 }).first().click(); // focus outside any text field
    await sam.keyboard.press('h');
    const dialog = sam.getByRole('dialog', { name: 'Ask for support' });
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.getByRole('radio', { name: "I'd like to talk privately" }).check();
    await dialog.getByLabel("Anything you'd like to add (optional)").fill('It is a hard week');
    await dialog.getByRole('button', { name: 'Send privately' }).click();
    await sam.getByRole('status').filter({ hasText: 'Sent privately to your facilitators.' }).waitFor({ timeout: TIMEOUT });

    const requests = fran.getByRole('region', { name: 'Support requests' });
    await requests.getByText('It is a hard week').waitFor({ timeout: TIMEOUT });
    await requests.getByText('Would like to talk privately').waitFor({ timeout: TIMEOUT });
    await fran.getByRole('alert').filter({ hasText: 'Sam asked for support' }).waitFor({ timeout: TIMEOUT });

    await expect.poll(() => alex.getByRole('region', { name: 'Support requests' }).count()).toBe(0);
    await expect.poll(() => alex.getByText('It is a hard week').count()).toBe(0);
    await expect.poll(() => alex.getByText(/asked for support/).count()).toBe(0);
  });

  it('the facilitator acknowledges; the member is told quietly; the other member still sees nothing', async () => {
    await fran.getByRole('button', { name: "Acknowledge Sam's request" }).click();
    await fran.getByRole('region', { name: 'Support requests' }).getByText('Seen by Fran').waitFor({ timeout: TIMEOUT });
    await sam.getByRole('status').filter({ hasText: 'A facilitator has seen your request.' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => alex.getByText(/seen your request|Support requests|hard week/).count()).toBe(0);
  });
});
