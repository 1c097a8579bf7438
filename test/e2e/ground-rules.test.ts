import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, type LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { startFacilitatedSession } from './facilitated-session.js';
import { joinFromPreJoin, signIn, TIMEOUT } from './pages.js';

/**
 * [GR1][GR3][GR5] A facilitator writes the group's ground rules from a template; a member reads and agrees
 * before entering; after the facilitator changes a rule the member is asked again with the change marked;
 * [GR6] a spotlighted rule reaches every member, and an ask to revisit reaches the facilitator without a name.
 */
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let editor: Page;
let sam: Page;
let alex: Page;

const PASSWORD = 'a long enough password';

beforeAll(async () => {
  ({ hearth, live, browser, fran: editor } = await startFacilitatedSession());
});

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

/** Presses Join on the pre-join page and waits for the consent gate with the given heading. */
async function joinUntilGate(page: Page, heading: string, displayName?: string) {
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: TIMEOUT });
  if (displayName) await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: TIMEOUT });
}

async function agree(page: Page) {
  await page.getByRole('button', { name: 'I agree to these ground rules' }).click();
  await page.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
}

describe('ground rules, agreed and revisited', () => {
  it('the facilitator writes the rules from a template, linked from the group on the dashboard', async () => {
    await editor.getByRole('link', { name: 'Ground rules for Tuesday circle' }).click();
    await editor.getByRole('heading', { name: 'Ground rules', level: 1 }).waitFor({ timeout: TIMEOUT });
    await editor.getByRole('button', { name: 'Use “Peer support group”' }).click();
    await expect.poll(() => editor.getByLabel('Confidentiality statement, with its limits').inputValue()).toMatch(/serious harm/);
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByRole('status').filter({ hasText: 'Saved as version 1.' }).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(editor)).toEqual([]);
  });

  it('a member reads the rules, with the confidentiality statement, and agrees before entering', async () => {
    fran = await newPage(browser);
    await signIn(fran, hearth.url, 'fran@example.org', PASSWORD);
    await fran.goto(`${hearth.url}/sessions/${live.session.id}/join`);
    await joinFromPreJoin(fran); // facilitators keep the rules; they are not asked

    sam = await newPage(browser);
    await sam.goto(hearth.url + (await createInvite(hearth, live)).path);
    await joinUntilGate(sam, 'Our ground rules', 'Sam');
    await sam.getByRole('heading', { name: 'Confidentiality' }).waitFor({ timeout: TIMEOUT });
    await sam.getByText(/at risk of serious harm/).waitFor({ timeout: TIMEOUT });
    const list = sam.getByRole('list', { name: 'Ground rules' });
    await list.getByText(/One voice at a time/).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(sam)).toEqual([]);
    await agree(sam);
  });

  it('after the facilitator changes a rule, the member is asked again with the change marked', async () => {
    await editor.getByRole('textbox', { name: 'Rule 2', exact: true }).fill('One voice at a time, and we let each other finish.');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByRole('status').filter({ hasText: 'Saved as version 2.' }).waitFor({ timeout: TIMEOUT });

    await sam.reload();
    await joinUntilGate(sam, 'The ground rules have changed', 'Sam');
    const changed = sam.getByRole('listitem').filter({ hasText: 'we let each other finish' });
    await changed.getByText('Changed', { exact: true }).waitFor({ timeout: TIMEOUT });
    // Only the changed rule is marked.
    await expect.poll(() => sam.getByRole('list', { name: 'Ground rules' }).getByText('Changed', { exact: true }).count()).toBe(1);
    await agree(sam);

    alex = await newPage(browser);
    await alex.goto(hearth.url + (await createInvite(hearth, live)).path);
    await joinUntilGate(alex, 'Our ground rules', 'Alex');
    await agree(alex);
  });

  it('a spotlighted rule reaches every member, calmly, and each can dismiss it', async () => {
    await fran.getByRole('heading', { level: 1 }).first().click(); // focus outside any text field
    await fran.keyboard.press('g');
    const panel = fran.getByRole('region', { name: 'Ground rules' });
    await panel.getByRole('heading', { name: 'Ground rules' }).waitFor({ timeout: TIMEOUT });
    await panel.getByRole('list', { name: 'Who has agreed' }).getByText('Sam').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran, '.ground-rules')).toEqual([]);
    await panel.getByRole('button', { name: 'Spotlight rule 2 to everyone' }).click();

    for (const page of [sam, alex, fran]) {
      const banner = page.getByRole('region', { name: 'Spotlighted ground rule' });
      await banner.getByText(/we let each other finish/).waitFor({ timeout: TIMEOUT });
      await page.getByRole('status').filter({ hasText: 'A facilitator is highlighting a ground rule' }).waitFor({ timeout: TIMEOUT, state: 'attached' });
    }
    await sam.getByRole('button', { name: 'Dismiss reminder' }).click();
    await expect.poll(() => sam.getByRole('region', { name: 'Spotlighted ground rule' }).count()).toBe(0);
    await expect.poll(() => alex.getByRole('region', { name: 'Spotlighted ground rule' }).count()).toBe(1);
  });

  it('a member asks to revisit a rule; the facilitator sees the rule and not who asked', async () => {
    await sam.getByRole('heading', { level: 1 }).first().click();
    await sam.keyboard.press('g');
    await sam.getByRole('button', { name: 'Ask to revisit rule 6, anonymously' }).click();
    await sam.getByRole('region', { name: 'Ground rules' }).getByText('Sent. The facilitators see the rule, not who asked.', { exact: true }).waitFor({ timeout: TIMEOUT });

    const asks = fran.getByRole('region', { name: 'Asked to revisit' });
    await asks.getByText(/Someone asked to revisit: “Phones away/).waitFor({ timeout: TIMEOUT });
    expect(await asks.textContent()).not.toMatch(/Sam/);
    await expect.poll(() => alex.getByRole('region', { name: 'Asked to revisit' }).count()).toBe(0);
  });

  it('[GR7] drafting together: a member proposes, another agrees, the facilitator adopts, and everyone sees the outcome', async () => {
    const samPanel = sam.getByRole('region', { name: 'Ground rules', exact: true });
    await samPanel.getByLabel('Your proposal').fill('Cameras are optional.');
    await samPanel.getByRole('button', { name: 'Propose', exact: true }).click();

    await alex.getByRole('heading', { level: 1 }).first().click();
    await alex.keyboard.press('g');
    const alexPanel = alex.getByRole('region', { name: 'Ground rules', exact: true });
    await alexPanel.getByRole('list', { name: 'Proposals' }).getByText('Cameras are optional.').waitFor({ timeout: TIMEOUT });
    await alexPanel.getByRole('button', { name: 'Agree with proposal 1' }).click();

    const franPanel = fran.getByRole('region', { name: 'Ground rules', exact: true });
    await franPanel.getByText('1 agree · 0 concerns').waitFor({ timeout: TIMEOUT });
    await franPanel.getByRole('button', { name: 'Adopt proposal 1' }).click();
    for (const page of [sam, alex, fran]) {
      const panel = page.getByRole('region', { name: 'Ground rules', exact: true });
      await panel.getByText(/Adopted in version 3/).waitFor({ timeout: TIMEOUT });
      await panel.getByRole('list', { name: 'Ground rules' }).getByText('Cameras are optional.').waitFor({ timeout: TIMEOUT });
    }
    // Members cannot adopt: they are never offered the choice.
    await expect.poll(() => alexPanel.getByRole('button', { name: /Adopt/ }).count()).toBe(0);
  });
});
