import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Page objects for the browser tests: what a person does, by role and label, never by CSS class.
 * Each returns once the page shows the result, so tests read as a story.
 */
export const TIMEOUT = 20_000;

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your groups' }).waitFor({ timeout: TIMEOUT });
}

export async function createGroup(page: Page, name: string, purpose: string): Promise<void> {
  await page.getByLabel('Group name').fill(name);
  await page.getByLabel('Purpose').fill(purpose);
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('heading', { name }).waitFor({ timeout: TIMEOUT });
}

/** Starts a session in the named group and returns the group's region. */
export async function startSession(page: Page, groupName: string) {
  const group = page.getByRole('region', { name: groupName });
  await group.getByRole('button', { name: 'Start session' }).click();
  await group.getByRole('link', { name: 'Enter room' }).waitFor({ timeout: TIMEOUT });
  return group;
}

/** Creates a one-person member invite in the group's live session and returns its full URL. */
export async function createInvite(page: Page, groupName: string): Promise<string> {
  const group = page.getByRole('region', { name: groupName });
  const links = group.getByRole('textbox', { name: 'Invite link' });
  const before = await links.count();
  await group.getByRole('button', { name: 'Create invite link' }).click();
  await expect.poll(() => links.count(), { timeout: TIMEOUT }).toBe(before + 1);
  const values = await links.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const fresh = values.find((value, index) => index < values.length && !values.slice(0, index).includes(value));
  // The list is newest first.
  return values[0] ?? fresh ?? '';
}

/** On a pre-join page: type a name and press Join; resolves when the room's controls are showing. */
export async function joinFromPreJoin(page: Page, displayName?: string): Promise<void> {
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: TIMEOUT });
  if (displayName) await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
}

/** [DS16] The member's "Add to your request" panel, open from the first press of "I need support". */
export function supportPanel(page: Page) {
  return page.getByRole('region', { name: 'Add to your request' });
}

/**
 * [DS16] A member asks for support as people do: one press sends at once (at the gentlest level); then, if
 * given, the level and a note follow from the panel (DS15). Resolves once the member has been told so.
 */
export async function askForSupport(page: Page, more: { level?: string; note?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: 'I need support' }).click();
  await page.getByRole('status').filter({ hasText: 'Sent privately to your facilitators.' }).waitFor({ timeout: TIMEOUT });
  if (!more.level && !more.note) return;
  const panel = supportPanel(page);
  if (more.level) await panel.getByRole('radio', { name: more.level }).check();
  if (more.note) await panel.getByLabel("Anything you'd like to add (optional)").fill(more.note);
  await panel.getByRole('button', { name: 'Add to my request' }).click();
  await page.getByRole('status').filter({ hasText: 'What you added was sent too.' }).waitFor({ timeout: TIMEOUT });
}

export function tile(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true });
}

export function participants(page: Page) {
  return page.getByRole('complementary', { name: 'Participants' });
}

/** Collects Content-Security-Policy violations the page reports, to prove the app runs under our CSP. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
