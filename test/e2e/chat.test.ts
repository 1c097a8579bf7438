import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../support/browser.js';
import { useGroupOfThree } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/**
 * [CH1]-[CH5] Group chat in the browser, as people use it: Fran (facilitator), Sam and Alex (members),
 * each in their own page. Mesh mode; the chat is signalling only, so LiveKit mode uses the same path.
 */
const group = useGroupOfThree();

const chatOf = (page: Page) => page.getByRole('region', { name: 'Group chat' });
const logOf = (page: Page) => chatOf(page).getByRole('log', { name: 'Chat messages' });
const boxOf = (page: Page) => chatOf(page).getByRole('textbox', { name: 'Message to the group' });

async function say(page: Page, text: string): Promise<void> {
  await boxOf(page).fill(text);
  await boxOf(page).press('Enter');
  // Sent: the box is cleared and the message is in the sender's own log.
  await expect.poll(() => boxOf(page).inputValue(), { timeout: TIMEOUT }).toBe('');
  await logOf(page).getByText(text, { exact: true }).waitFor({ timeout: TIMEOUT });
}

const shows = (page: Page, text: string) => logOf(page).getByText(text, { exact: true }).waitFor({ timeout: TIMEOUT });
const countOf = (page: Page, text: string) => logOf(page).getByText(text, { exact: true }).count();

describe('group chat', () => {
  it('[CH1] a message reaches both members, as plain text; the panel passes axe', async () => {
    const { fran, sam, alex } = group;
    await say(fran, 'Welcome, everyone. The notes are at https://example.org/notes');
    await shows(sam, 'Welcome, everyone. The notes are at https://example.org/notes');
    await shows(alex, 'Welcome, everyone. The notes are at https://example.org/notes');
    // A link is text, never a link or a preview.
    expect(await logOf(sam).getByRole('link').count()).toBe(0);
    // Members have no Remove button and no mode selector.
    expect(await chatOf(sam).getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await chatOf(sam).getByRole('combobox').count()).toBe(0);
    // Members' pages run under the real CSP, which (rightly) refuses axe's inline script: checked on Fran's.
    expect(await runAxe(fran, '.chat')).toEqual([]);
  });

  it('[CH5] the facilitator removes a message and it disappears for everyone', async () => {
    const { fran, sam, alex } = group;
    await say(sam, 'Something I should not have said');
    await shows(fran, 'Something I should not have said');
    await shows(alex, 'Something I should not have said');
    await chatOf(fran).getByRole('button', { name: 'Remove message from Sam' }).click();
    await chatOf(fran).getByRole('status').filter({ hasText: 'Message from Sam removed for everyone.' }).waitFor({ timeout: TIMEOUT });
    for (const page of [fran, sam, alex]) await expect.poll(() => countOf(page, 'Something I should not have said'), { timeout: TIMEOUT }).toBe(0);
    // What was there before stays.
    await shows(alex, 'Welcome, everyone. The notes are at https://example.org/notes');
  });

  it('[CH2] facilitators only: a member sees why the box is closed, and no facilitator message', async () => {
    const { fran, sam, alex } = group;
    await chatOf(fran).getByRole('combobox', { name: 'Who can use the chat' }).selectOption({ label: 'Facilitators only' });
    await chatOf(sam).getByText('Chat is for facilitators only.').waitFor({ timeout: TIMEOUT });
    expect(await boxOf(sam).isDisabled()).toBe(true);
    // The history a member may read is empty while the chat is for facilitators.
    await expect.poll(() => countOf(sam, 'Welcome, everyone. The notes are at https://example.org/notes'), { timeout: TIMEOUT }).toBe(0);
    await say(fran, 'Keep an eye on the time, please');

    // Opened again: Alex's new words reach Sam, so Sam's page is live, and the facilitators' note never did.
    await chatOf(fran).getByRole('combobox', { name: 'Who can use the chat' }).selectOption({ label: 'Everyone' });
    await expect.poll(() => boxOf(alex).isDisabled(), { timeout: TIMEOUT }).toBe(false);
    await say(alex, 'Thanks for tonight');
    await shows(sam, 'Thanks for tonight');
    await shows(sam, 'Welcome, everyone. The notes are at https://example.org/notes');
    expect(await countOf(sam, 'Keep an eye on the time, please')).toBe(0);
    expect(await countOf(alex, 'Keep an eye on the time, please')).toBe(0);
  });

  it('[CH3] off: the member\'s box is disabled, with the reason said plainly', async () => {
    const { fran, sam } = group;
    await chatOf(fran).getByRole('combobox', { name: 'Who can use the chat' }).selectOption({ label: 'Off' });
    await chatOf(sam).getByText('Chat is off.').waitFor({ timeout: TIMEOUT });
    expect(await boxOf(sam).isDisabled()).toBe(true);
    expect(await chatOf(sam).getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    // The reason is the box's description, so a screen reader hears it with the label.
    const describedBy = (await boxOf(sam).getAttribute('aria-describedby')) ?? '';
    expect(await sam.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toBe('Chat is off.');
    expect(await boxOf(fran).isDisabled()).toBe(true);
    // The same panel, closed, on Fran's page (axe needs a page without the real CSP).
    await chatOf(fran).getByText('Chat is off.').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran, '.chat')).toEqual([]);
  });
});
