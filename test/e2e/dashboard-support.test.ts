import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, type Group } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, setUpFacilitator, startLiveSession, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage, runAxe } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';
import { askForSupport, joinFromPreJoin, signIn, TIMEOUT } from './pages.js';

/**
 * [DS7][DS8][DS10] From the dashboard a facilitator sets the group's crisis resources and emergency
 * contacts (with a clear error, nothing lost when a save fails, and a confirmation when it works); a
 * member asking for support sees those resources and never the contacts; once the session has ended,
 * the dashboard shows the request's record with its timeline and the handover of what was still open.
 */
const CRISIS = 'Samaritans: call 116 123, any time, day or night';
const CONTACT = 'Duty manager Priya: 0161 496 0000';

let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let sam: Page;
/** Fran in the room: a socket client, so this test depends on the dashboard and the member's screen only. */
let franInRoom: TestClient | undefined;

beforeAll(async () => {
  hearth = await startHearth({ clientDist: resolve('client/dist') });
  const cookie = await setUpFacilitator(hearth, 'Fran');
  live = await startLiveSession(hearth, cookie);
  browser = await launchBrowser();
  fran = await newPage(browser);
  await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
});

afterAll(async () => {
  franInRoom?.close();
  await browser?.close();
  await hearth?.close();
});

const group = () => fran.getByRole('region', { name: live.group.name });
const supportDetails = () => group().getByRole('region', { name: 'Support details' });

/** The text a screen reader reads with the field: everything its aria-describedby points at. */
function description(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('support details on the dashboard', () => {
  it('a mistake is explained next to its field, focus goes there, and nothing typed is lost', async () => {
    const form = supportDetails();
    await form.getByLabel('Crisis resources').fill(CRISIS);
    await form.getByLabel('Emergency contacts').fill(CONTACT);
    const days = form.getByLabel('Keep support records for (days)');
    await days.fill('0');
    await form.getByRole('button', { name: 'Save support details' }).click();

    const message = 'Please enter a whole number of days from 1 to 3650.';
    await form.getByText(message).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => focusedId(fran)).toBe(await days.getAttribute('id'));
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await description(days)).toContain(message);
    expect(await form.getByLabel('Crisis resources').inputValue()).toBe(CRISIS);
    expect(await form.getByLabel('Emergency contacts').inputValue()).toBe(CONTACT);
  });

  it('when the save cannot reach the server, the form says so and keeps everything typed', async () => {
    const form = supportDetails();
    await form.getByLabel('Keep support records for (days)').fill('30');
    const supportPath = ApiRoutes.groupSupport(live.group.id);
    await fran.route(`**${supportPath}`, (route) => route.abort('connectionrefused'));
    await form.getByRole('button', { name: 'Save support details' }).click();
    await form.getByRole('alert').filter({ hasText: "We couldn't reach Hearth just now" }).waitFor({ timeout: TIMEOUT });
    await fran.unroute(`**${supportPath}`);
    expect(await form.getByLabel('Crisis resources').inputValue()).toBe(CRISIS);
    expect(await form.getByLabel('Emergency contacts').inputValue()).toBe(CONTACT);
    expect(await form.getByLabel('Keep support records for (days)').inputValue()).toBe('30');
  });

  it('saving shows a confirmation, and the details are there after a reload', async () => {
    const form = supportDetails();
    await form.getByRole('button', { name: 'Save support details' }).click();
    await form.getByRole('status').filter({ hasText: 'Support details saved' }).waitFor({ timeout: TIMEOUT });
    expect(await form.getByRole('alert').count()).toBe(0);

    await fran.reload();
    await supportDetails().getByLabel('Crisis resources').waitFor({ timeout: TIMEOUT });
    expect(await supportDetails().getByLabel('Crisis resources').inputValue()).toBe(CRISIS);
    expect(await supportDetails().getByLabel('Emergency contacts').inputValue()).toBe(CONTACT);
    expect(await supportDetails().getByLabel('Keep support records for (days)').inputValue()).toBe('30');
    expect(await runAxe(fran)).toEqual([]);
  });
});

describe('the on-call webhook', () => {
  const savedGroup = async () => {
    const answer = await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: live.cookie });
    return answer.body.find((g) => g.id === live.group.id);
  };

  it('needs an address and a secret; a generated secret is accepted and never shown back', async () => {
    const form = supportDetails();
    await form.getByRole('radio', { name: 'Send reports to an on-call webhook' }).check();
    await form.getByRole('button', { name: 'Save support details' }).click();
    const address = form.getByLabel('Webhook address');
    await form.getByText('Please enter the web address reports should go to.').waitFor({ timeout: TIMEOUT });
    await form.getByText(/Please enter a secret of at least 16 characters/).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => focusedId(fran)).toBe(await address.getAttribute('id'));

    await address.fill('https://oncall.example.org/hearth');
    await form.getByRole('button', { name: 'Generate a secret' }).click();
    expect(await form.getByLabel('Signing secret').inputValue()).toMatch(/^[0-9a-f]{64}$/);
    await form.getByRole('checkbox', { name: "Include the member's name and note in reports" }).check();
    await form.getByRole('button', { name: 'Save support details' }).click();
    await form.getByRole('status').filter({ hasText: 'Support details saved' }).waitFor({ timeout: TIMEOUT });

    await form.getByRole('radio', { name: 'Keep sending reports to https://oncall.example.org/hearth' }).waitFor({ timeout: TIMEOUT });
    expect(await form.getByRole('radio', { name: /^Keep sending reports/ }).isChecked()).toBe(true);
    expect(await form.getByLabel('Signing secret').count()).toBe(0);
    expect(await savedGroup()).toMatchObject({ oncallWebhookUrl: 'https://oncall.example.org/hearth', oncallIncludeContent: true });
    expect(await form.getByLabel('Crisis resources').inputValue()).toBe(CRISIS);
  });

  it('can be turned off again', async () => {
    const form = supportDetails();
    await form.getByRole('radio', { name: 'Turn off' }).check();
    await form.getByRole('button', { name: 'Save support details' }).click();
    await form.getByRole('radio', { name: 'Off', exact: true }).waitFor({ timeout: TIMEOUT });
    expect(await savedGroup()).toMatchObject({ oncallWebhookUrl: null, oncallIncludeContent: false, crisisResources: CRISIS });
  });
});

describe('what the member sees, and the record afterwards', () => {
  it('a member who asks for support sees the crisis resources, and never the emergency contacts', async () => {
    const room = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
    franInRoom = room;
    await join(room);
    sam = await newPage(browser, { bypassCSP: false });
    await sam.goto(hearth.url + (await createInvite(hearth, live)).path);
    await joinFromPreJoin(sam, 'Sam');

    await askForSupport(sam, { level: "I'd like to talk privately" });

    const resources = sam.getByText(CRISIS).first();
    await resources.waitFor({ state: 'attached', timeout: TIMEOUT });
    // The resources are folded away so they never push the room aside; unfold them if they are.
    if (!(await resources.isVisible())) await sam.getByText('If you need help right now', { exact: true }).first().click();
    await resources.waitFor({ state: 'visible', timeout: TIMEOUT });
    await expect.poll(() => sam.getByText(/Duty manager|0161 496 0000/).count()).toBe(0);

    await expect.poll(() => room.received.filter((r) => r.event === 'distress:alert').length, { timeout: TIMEOUT }).toBe(1);
    const alertId = (room.received.find((r) => r.event === 'distress:alert')?.payload as { id: string }).id;
    expect(await room.send('distress:acknowledge', { alertId })).toMatchObject({ ok: true });
    await sam.getByRole('status').filter({ hasText: 'A facilitator has seen your request.' }).waitFor({ timeout: TIMEOUT });
  });

  it('after the session ends, the dashboard shows the handover and the record with its timeline', async () => {
    await group().getByRole('button', { name: 'End session' }).click();
    await group().getByRole('button', { name: 'Yes, end session' }).click();
    await group().getByRole('heading', { name: 'Past sessions' }).waitFor({ timeout: TIMEOUT });

    const toggle = group().getByRole('button', { name: 'Support requests' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    const handover = group().getByRole('region', { name: 'Handover: still open when the session ended' });
    await handover.waitFor({ timeout: TIMEOUT });
    const open = handover.getByRole('listitem');
    expect(await open.count()).toBe(1);
    const openText = await open.first().innerText();
    expect(openText).toContain('Sam');
    expect(openText).toContain('Would like to talk privately');
    expect(openText).toContain('Acknowledged, handled by Fran');

    const record = group().getByRole('list', { name: 'All support requests' }).getByRole('listitem').filter({ hasText: 'Sam' }).first();
    await record.getByText('Acknowledged by Fran').waitFor({ timeout: TIMEOUT });
    const steps = await record.getByRole('list', { name: 'Timeline' }).getByRole('listitem').allInnerTexts();
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatch(/^\d\d\D\d\d — Raised$/);
    expect(steps[1]).toMatch(/^\d\d\D\d\d — Acknowledged \(by Fran\)$/);
    const times = await record.getByRole('list', { name: 'Timeline' }).locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(times.every((t) => t !== null && !Number.isNaN(Date.parse(t)))).toBe(true);
    expect(await runAxe(fran)).toEqual([]);
  });
});
