import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe } from '../support/browser.js';
import { useGroupOfThree } from './facilitated-session.js';
import { TIMEOUT } from './pages.js';

/** [RX1]-[RX3] Quiet reactions in the room: Fran facilitates; Sam and Alex are members, each in their own browser page. */
const group = useGroupOfThree();

const reactions = (page: Page) => page.getByRole('region', { name: 'Reactions' });
const tile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('quiet reactions', () => {
  it('a member\'s "Me too" shows briefly beside them for everyone, then fades away', async () => {
    const { fran, sam, alex } = group;
    const button = reactions(sam).getByRole('button', { name: 'Me too' });
    await button.waitFor({ timeout: TIMEOUT });
    // From the keyboard: focus and Enter, as a member who does not use a mouse would.
    await button.focus();
    await sam.keyboard.press('Enter');
    for (const [page, name] of [[fran, 'Sam'], [alex, 'Sam'], [sam, 'Sam (you)']] as const) {
      await tile(page, name).getByText('Me too', { exact: true }).waitFor({ timeout: TIMEOUT });
    }
    // Nobody else's tile shows it.
    expect(await tile(fran, 'Alex').getByText('Me too').count()).toBe(0);
    await expect.poll(() => tile(fran, 'Sam').getByText('Me too', { exact: true }).count(), { timeout: 8000 }).toBe(0);
  });

  it('no animation for someone who prefers reduced motion; a short fade for others', async () => {
    const { fran, sam, alex } = group;
    await alex.emulateMedia({ reducedMotion: 'reduce' });
    await fran.emulateMedia({ reducedMotion: 'no-preference' });
    await reactions(sam).getByRole('button', { name: 'Thank you' }).click();
    const onAlex = tile(alex, 'Sam').getByText('Thank you', { exact: true });
    const onFran = tile(fran, 'Sam').getByText('Thank you', { exact: true });
    await onAlex.waitFor({ timeout: TIMEOUT });
    await onFran.waitFor({ timeout: TIMEOUT });
    const animation = (el: Element) => ({ name: getComputedStyle(el).animationName, reduce: matchMedia('(prefers-reduced-motion: reduce)').matches });
    expect(await onAlex.evaluate(animation)).toEqual({ name: 'none', reduce: true });
    expect(await onFran.evaluate(animation)).toEqual({ name: 'reaction-in', reduce: false });
    expect(await runAxe(fran)).toEqual([]);
  });

  it('the facilitator turns reactions off: members are told plainly and have no buttons; on again brings them back', async () => {
    const { fran, sam, alex } = group;
    await reactions(fran).getByRole('checkbox', { name: 'Allow reactions' }).uncheck();
    for (const page of [sam, alex]) {
      await reactions(page).getByText('Reactions are off for this group.').waitFor({ timeout: TIMEOUT });
      expect(await reactions(page).getByRole('button').count()).toBe(0);
    }
    // Members have no setting to change.
    expect(await reactions(sam).getByRole('checkbox').count()).toBe(0);
    await reactions(fran).getByText('Reactions are off for this group.').waitFor({ timeout: TIMEOUT });
    expect(await runAxe(fran)).toEqual([]);

    await reactions(fran).getByRole('checkbox', { name: 'Allow reactions' }).check();
    await reactions(sam).getByRole('button', { name: 'Sending support' }).click();
    await tile(fran, 'Sam').getByText('Sending support', { exact: true }).waitFor({ timeout: TIMEOUT });
  });
});
