import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, type Session } from '@hearth/shared';
import { createInvite, http, redeem, setUpFacilitator, startLiveSession, facilitatorCredential, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage, runAxe } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';
import { signIn, TIMEOUT } from './pages.js';

/**
 * [RT3] On the dashboard, with the server's clock moved forward: an ended session shows its support requests with
 * the member's name while the group keeps them; once its 7 days have passed and the sweep has run, it is a "Past
 * session" that says its names, support requests and talk time were removed, and its name appears nowhere.
 */
const DAY = 86_400_000;
const MEMBER = 'Zelda Quartermaine';
const TITLE = 'Zephyrine farewell evening';

let clock = Date.now();
let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
const clients: TestClient[] = [];

beforeAll(async () => {
  hearth = await startHearth({ clientDist: resolve('client/dist'), now: () => clock });
  const cookie = await setUpFacilitator(hearth, 'Fran');
  const started = await startLiveSession(hearth, cookie);
  await http(hearth, 'PUT', ApiRoutes.groupSupport(started.group.id), { cookie, body: { recordsRetentionDays: 7 } });
  // A titled session (startLiveSession's has the default title).
  const session = (await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(started.group.id), { cookie, body: { title: TITLE } })).body;
  await http(hearth, 'POST', ApiRoutes.endSession(started.session.id), { cookie });
  live = { cookie, group: started.group, session };
  const facilitator = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
  const zelda = await connectParticipant(hearth.url, (await redeem(hearth, await createInvite(hearth, live, { role: 'member', label: 'for Zelda' }), MEMBER)).body.token);
  clients.push(facilitator, zelda);
  await join(facilitator);
  await join(zelda);
  expect(await zelda.send('distress:raise', { level: 'struggling' })).toMatchObject({ ok: true });
  await http(hearth, 'POST', ApiRoutes.endSession(session.id), { cookie });
  browser = await launchBrowser();
  fran = await newPage(browser);
}, 30_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await browser?.close();
  await hearth?.close();
});

const group = () => fran.getByRole('region', { name: live.group.name });
const pastSession = (text: string) => group().getByRole('listitem').filter({ hasText: text });

describe('[RT3] an ended session on the dashboard, before and after its records expire', () => {
  it('within the retention: the title, and the support request with the member\'s name', async () => {
    clock += 7 * DAY - 60_000;
    await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
    const item = pastSession(TITLE);
    await item.getByRole('button', { name: 'Support requests' }).click();
    await item.getByRole('list', { name: 'All support requests' }).getByText(MEMBER).first().waitFor({ timeout: TIMEOUT });
  });

  it('once expired: "Past session", said plainly what was removed, and the name nowhere on the page', async () => {
    clock += 60_000;
    await hearth.services.retention.run();
    await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
    await group().getByRole('heading', { name: 'Past sessions' }).waitFor({ timeout: TIMEOUT });
    // Both of the group's sessions have expired (the first, untitled, ended at once).
    const expired = pastSession('Names, support requests and talk time were removed on');
    await expired.first().waitFor({ timeout: TIMEOUT });
    expect(await expired.count()).toBe(2);
    const item = expired.first();
    expect(await item.innerText()).toContain('Past session');
    expect(await item.getByRole('button', { name: 'Support requests' }).count()).toBe(0);
    const page = await fran.locator('body').innerText();
    expect(page).not.toContain(MEMBER);
    expect(page).not.toContain(TITLE);
    expect(await runAxe(fran)).toEqual([]);
  });
});
