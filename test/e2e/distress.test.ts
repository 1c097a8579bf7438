import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGroupOfThree } from './facilitated-session.js';
import { supportPanel, TIMEOUT } from './pages.js';

/**
 * [DS2][DS4][DS15][DS16] A member asks for support with one press; only the facilitator is alerted; the
 * level and a note follow on the same request; pressing again sends nothing more; the facilitator
 * acknowledges; the member is told, privately, that it was seen; the other member's screen shows nothing.
 */
/**
 * Alex's page talks to the real server, except that Alex's first `distress:raise` (in the last test) is
 * answered by the network in the server's place with a refusal, through Playwright's WebSocket route: the
 * client itself is not touched. Alex is the member who sees nothing of Sam's request until then.
 */
async function failFirstRequestFor(page: Page, name: string): Promise<void> {
  if (name !== 'Alex') return;
  let failNext = true;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const raise = typeof message === 'string' ? /^42(\d+)\["distress:raise"/.exec(message) : null;
      if (raise && failNext) {
        failNext = false;
        ws.send(`43${raise[1]}[${JSON.stringify({ ok: false, error: { code: 'internal_error', message: 'Something went wrong.' } })}]`);
        return;
      }
      server.send(message);
    });
  });
}

const group = useGroupOfThree({ beforeMemberArrives: failFirstRequestFor });
let fran: Page;
let sam: Page;
let alex: Page;
beforeAll(() => ({ fran, sam, alex } = group));

const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const requests = (page: Page) => page.getByRole('region', { name: 'Support requests' });
const supportButton = (page: Page) => page.getByRole('button', { name: 'I need support' });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Alex, the other member, sees nothing of Sam's request, ever. */
async function alexSeesNothing() {
  await expect.poll(() => alex.getByRole('region', { name: 'Support requests' }).count()).toBe(0);
  await expect.poll(() => alex.getByText(/asked for support|added to their request|hard week|talk privately|seen your request|Add to your request/).count()).toBe(0);
}

describe('asking for support, privately', () => {
  it('the facilitator has no "I need support" button; members do', async () => {
    await expect.poll(() => fran.getByRole('button', { name: 'I need support' }).count()).toBe(0);
    await supportButton(sam).waitFor({ timeout: TIMEOUT });
  });

  it('[DS16] one press from the keyboard sends at once; only the facilitator is alerted', async () => {
    await supportButton(sam).focus();
    await sam.keyboard.press('Space');
    await status(sam, 'Sent privately to your facilitators.').waitFor({ timeout: TIMEOUT });
    // Focus moves to the optional panel, so the person hears where they are; nothing there is required.
    await supportPanel(sam).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => focusedText(sam)).toBe('Add to your request');

    await requests(fran).getByText('Struggling').waitFor({ timeout: TIMEOUT });
    await fran.getByRole('alert').filter({ hasText: 'Sam asked for support' }).waitFor({ timeout: TIMEOUT });
    await alexSeesNothing();
  });

  it('[DS15] the level and a note follow from the panel, and reach the facilitator on the same request', async () => {
    const panel = supportPanel(sam);
    await panel.getByRole('radio', { name: "I'd like to talk privately" }).check();
    await panel.getByLabel("Anything you'd like to add (optional)").fill('It is a hard week');
    await panel.getByRole('button', { name: 'Add to my request' }).press('Enter');
    await status(sam, 'Sent privately to your facilitators. What you added was sent too.').waitFor({ timeout: TIMEOUT });
    // Done: the panel folds away and focus is back on the button, where the person started.
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => focusedText(sam)).toBe('I need support');

    await requests(fran).getByText('It is a hard week').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('Would like to talk privately').waitFor({ timeout: TIMEOUT });
    // Heard, not only listed: a changed level must not slip in unnoticed.
    await fran.getByRole('alert').filter({ hasText: 'Sam added to their request: Would like to talk privately' }).waitFor({ timeout: TIMEOUT });
    expect(await requests(fran).getByRole('listitem').count()).toBe(1);
    await alexSeesNothing();
  });

  it('[DS16] pressing again (even twice) while the request is open only shows it; Escape folds it away', async () => {
    await supportButton(sam).dblclick();
    const panel = supportPanel(sam);
    await panel.waitFor({ timeout: TIMEOUT });
    expect(await panel.getByRole('radio', { name: "I'd like to talk privately" }).isChecked()).toBe(true);
    expect(await panel.getByLabel("Anything you'd like to add (optional)").inputValue()).toBe('It is a hard week');
    await sam.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => focusedText(sam)).toBe('I need support');
  });

  it('the facilitator acknowledges; the member is told quietly; there was only ever one request', async () => {
    await fran.getByRole('button', { name: "Acknowledge Sam's request" }).click();
    await requests(fran).getByText('Seen by Fran').waitFor({ timeout: TIMEOUT });
    await status(sam, 'A facilitator has seen your request.').waitFor({ timeout: TIMEOUT });
    // The presses above were answered before this round trip: a second request would be listed by now.
    expect(await requests(fran).getByRole('listitem').count()).toBe(1);
    await alexSeesNothing();
  });
});

describe('[DS16] when the request does not get through', () => {
  it('a failed press says so plainly; nothing chosen or typed is lost; Try again sends all of it', async () => {
    await supportButton(alex).click();
    await status(alex, 'Your request was not sent. Please try again.').waitFor({ timeout: TIMEOUT });
    const panel = supportPanel(alex);
    await panel.getByRole('radio', { name: "I don't feel safe right now" }).check();
    await panel.getByLabel("Anything you'd like to add (optional)").fill('Still here, struggling');
    expect(await requests(fran).getByText('Alex', { exact: true }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Try again' }).click();
    await status(alex, 'Sent privately to your facilitators.').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('Still here, struggling').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('Does not feel safe right now').waitFor({ timeout: TIMEOUT });
    await fran.getByRole('alert').filter({ hasText: 'Alex asked for support' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => sam.getByText(/Still here|Alex asked/).count()).toBe(0);
  });
});
