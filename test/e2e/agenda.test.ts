import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, type LiveSession } from '../support/api.js';
import { newPage, runAxe } from '../support/browser.js';
import type { TestHearth } from '../support/hearth.js';
import { startFacilitatedSession } from './facilitated-session.js';
import { joinFromPreJoin, TIMEOUT } from './pages.js';

/**
 * [AG1][AG3][AG4][AG5] The facilitator shapes the group's agenda beside its ground rules; in the room
 * they move through it, every member sees the current phase, entering the ground-rules phase opens the
 * rules panel for everyone (a member can close it again), and someone joining later sees where the room is.
 */
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let sam: Page;


beforeAll(async () => {
  ({ hearth, live, browser, fran: fran } = await startFacilitatedSession());
});

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

const agendaOf = (page: Page) => page.getByRole('region', { name: 'Session agenda' });
/** The calm line everyone sees: the phase's name and where it sits in the agenda. */
const currentPhase = (page: Page, name: string, position: number) => agendaOf(page).getByText(`Current phase: ${name} (phase ${position} of 5)`);
const rulesPanel = (page: Page) => page.getByRole('region', { name: 'Ground rules', exact: true });

describe('the session agenda', () => {
  it('the facilitator edits the agenda beside the ground rules', async () => {
    await fran.getByRole('link', { name: 'Ground rules for Tuesday circle' }).click();
    const section = fran.getByRole('region', { name: 'Session agenda' });
    const third = section.getByRole('textbox', { name: 'Phase 3', exact: true });
    await expect.poll(() => third.inputValue(), { timeout: TIMEOUT }).toBe('Main discussion or activity');
    await third.fill('Main activity: a round of sharing');
    await section.getByRole('button', { name: 'Save the agenda' }).click();
    await section.getByRole('status').filter({ hasText: 'Agenda saved.' }).waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);
  });

  it('the facilitator moves to the ground-rules phase: each member sees it and their rules panel opens', async () => {
    await fran.goto(`${hearth.url}/sessions/${live.session.id}/join`);
    await joinFromPreJoin(fran);
    sam = await newPage(browser);
    await sam.goto(hearth.url + (await createInvite(hearth, live)).path);
    await joinFromPreJoin(sam, 'Sam');

    // Members see nothing of the agenda before it starts, and are never offered the controls.
    await agendaOf(fran).getByText('The agenda has not started.').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => agendaOf(sam).getByRole('button').count()).toBe(0);

    await agendaOf(fran).getByRole('button', { name: 'Start: Welcome and check-in' }).click();
    await currentPhase(sam, 'Welcome and check-in', 1).waitFor({ timeout: TIMEOUT });
    expect(await rulesPanel(sam).count()).toBe(0);

    await agendaOf(fran).getByRole('button', { name: 'Next: Ground rules' }).click();
    for (const page of [sam, fran]) {
      await currentPhase(page, 'Ground rules', 2).waitFor({ timeout: TIMEOUT });
      await page.getByRole('status').filter({ hasText: 'Now: Ground rules, phase 2 of 5.' }).waitFor({ timeout: TIMEOUT, state: 'attached' });
      await rulesPanel(page).getByRole('heading', { name: 'Ground rules' }).waitFor({ timeout: TIMEOUT });
    }
    // Opened by the phase, not by Sam: their focus stays where it was (they may have been typing).
    expect(await sam.evaluate(() => document.activeElement?.id ?? '')).not.toBe('ground-rules-panel-heading');
    expect(await runAxe(sam, '.session-agenda')).toEqual([]);
    expect(await runAxe(fran, '.session-agenda')).toEqual([]);

    // A member can close it again; it stays closed while the phase does not change.
    await sam.getByRole('button', { name: /^Ground rules/, expanded: true }).click();
    await expect.poll(() => rulesPanel(sam).count()).toBe(0);
  });

  it('someone joining later sees the current phase, and the edited names', async () => {
    const alex = await newPage(browser);
    await alex.goto(hearth.url + (await createInvite(hearth, live)).path);
    await joinFromPreJoin(alex, 'Alex');
    await currentPhase(alex, 'Ground rules', 2).waitFor({ timeout: TIMEOUT });
    await rulesPanel(alex).getByRole('heading', { name: 'Ground rules' }).waitFor({ timeout: TIMEOUT });

    await agendaOf(fran).getByRole('button', { name: 'Next: Main activity: a round of sharing' }).click();
    for (const page of [sam, alex]) await currentPhase(page, 'Main activity: a round of sharing', 3).waitFor({ timeout: TIMEOUT });
    // Leaving the phase does not reopen or close anything for anyone.
    await expect.poll(() => rulesPanel(sam).count()).toBe(0);
  });
});
