import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestHearth } from '../support/hearth.js';
import { runAxe } from '../support/browser.js';
import { useGroupOfThree } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/**
 * [FL6][FL7] A check-in go-round with pass and return: the facilitator starts it; Sam (first by join
 * order) passes; Alex speaks and finishes; Sam is offered the floor again at the end and takes it; the
 * round ends for everyone. [FL2] Members never see the queue or the facilitator's controls.
 */
const session = useGroupOfThree();
let hearth: TestHearth;
let fran: Page;
let sam: Page;
let alex: Page;
beforeAll(() => ({ hearth, fran, sam, alex } = session));

const panel = (page: Page) => page.getByRole('region', { name: 'Hands and rounds' });
const round = (page: Page) => panel(page).getByRole('region', { name: 'Check-in round' });
const button = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });

describe('a check-in round with pass and return', () => {
  it('the facilitator starts a check-in round; everyone sees the prompt and whose turn it is', async () => {
    await panel(fran).getByLabel('Round', { exact: true }).selectOption('check_in');
    await panel(fran).getByLabel('Prompt (optional)').fill('One word for how you are arriving');
    await panel(fran).getByLabel('Time per turn').selectOption('120');
    await button(fran, 'Start round').click();
    await round(sam).getByText('It is your turn.').waitFor({ timeout: TIMEOUT });
    await round(alex).getByText('Now speaking: Sam').waitFor({ timeout: TIMEOUT });
    await round(alex).getByText('One word for how you are arriving').waitFor({ timeout: TIMEOUT });
    // The soft timer counts down for everyone.
    await round(alex).getByText(/\d:\d\d left/).waitFor({ timeout: TIMEOUT });
    // Members get no facilitator controls and no queue.
    expect(await button(alex, 'Next speaker').count()).toBe(0);
    expect(await panel(alex).getByRole('region', { name: 'Raised hands' }).count()).toBe(0);
    // Members' pages run under the real CSP (no axe injection); the facilitator's holds every control.
    expect(await runAxe(fran)).toEqual([]);
  });

  it('Sam passes; Alex speaks and finishes', async () => {
    await button(sam, 'Pass for now').click();
    await round(alex).getByText('It is your turn.').waitFor({ timeout: TIMEOUT });
    await round(fran).getByText('Now speaking: Alex').waitFor({ timeout: TIMEOUT });
    await round(fran).getByText('(offered again at the end)').waitFor({ timeout: TIMEOUT });
    await button(alex, "I'm done").click();
  });

  it('Sam is offered the floor again at the end, takes it, and the round ends', async () => {
    await round(sam).getByText('You passed earlier: you are offered the floor again.').waitFor({ timeout: TIMEOUT });
    await round(alex).getByText('Now speaking: Sam').waitFor({ timeout: TIMEOUT });
    await button(sam, "I'm done").click();
    for (const page of [fran, sam, alex]) {
      await expect.poll(() => round(page).count(), { timeout: TIMEOUT }).toBe(0);
      await panel(page).getByRole('status').filter({ hasText: 'The round has ended.' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    }
    await button(fran, 'Start round').waitFor({ timeout: TIMEOUT });
    expect(await hearth.services.floorRecords.countRoundsHeld(session.live.session.id)).toBe(1);
  });
});

describe('hands and private notes', () => {
  it('[FL1][FL2] a member raises a hand with R; only the facilitator sees the queue, with the reason for each place', async () => {
    await sam.locator('body').press('r');
    await button(sam, 'Lower my hand').waitFor({ timeout: TIMEOUT });
    await panel(sam).getByRole('status').filter({ hasText: 'Your hand is up. You are next.' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    const queue = panel(fran).getByRole('region', { name: 'Raised hands' });
    await queue.getByText(/^waiting less than a minute · has (not spoken yet|spoken (less than a minute|\d+ min))$/).waitFor({ timeout: TIMEOUT });
    expect(await panel(alex).getByRole('region', { name: 'Raised hands' }).count()).toBe(0);
    // Lowering comes before giving the floor: once Sam has the floor, Chromium's fake microphone (a beep)
    // counts as Sam speaking and the hand lowers itself [FL4], so there would be nothing left to lower.
    await queue.getByRole('button', { name: "Lower Sam's hand" }).click();
    await panel(sam).getByRole('status').filter({ hasText: 'A facilitator lowered your hand.' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    await sam.locator('body').press('r');
    await queue.getByRole('button', { name: 'Give the floor to Sam' }).click();
    // Shown, and announced (the same words in the live region).
    await panel(alex).getByText('Sam has the floor.').first().waitFor({ timeout: TIMEOUT });
    expect(await panel(alex).getByRole('status').filter({ hasText: 'Sam has the floor.' }).count()).toBe(1);
    await button(sam, 'Hand back the floor').click();
    await button(sam, 'Hand back the floor').waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('[FL9][FL10] a private invitation reaches only Alex; accepting raises Alex\'s hand and Fran hears the answer', async () => {
    const note = panel(fran).getByRole('form', { name: 'Private note' });
    await note.getByLabel('To').selectOption({ label: 'Alex' });
    await note.getByRole('button', { name: 'Send privately' }).click();
    const received = panel(alex).getByRole('region', { name: 'Private note from Fran' });
    await received.getByText("We'd love to hear from you if you'd like to share. No pressure — you can pass.").waitFor({ timeout: TIMEOUT });
    expect(await panel(sam).getByRole('region', { name: 'Private note from Fran' }).count()).toBe(0);
    await received.getByRole('button', { name: 'Raise my hand' }).click();
    await button(alex, 'Lower my hand').waitFor({ timeout: TIMEOUT });
    await panel(fran).getByRole('status').filter({ hasText: 'Alex accepted your invitation; their hand is up.' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    await panel(fran).getByRole('button', { name: 'Give the floor to Alex' }).waitFor({ timeout: TIMEOUT });
    expect(await received.count()).toBe(0);
  });
});
