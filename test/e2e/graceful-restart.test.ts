import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, setUpFacilitator, startLiveSession, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { freePort, startHearthProcess, type HearthProcess } from '../support/server-process.js';
import { joinFromPreJoin, participants, signIn, supportPanel, TIMEOUT } from './pages.js';

/**
 * [RS1][RS2][RS3] A deploy in the middle of a go-round: Fran leads, Sam and Alex are in a check-in round,
 * Alex's hand is up and Sam has asked for support. The server gets SIGTERM and a new process starts on
 * the same port and data. Every page says it is reconnecting (never that the room ended), keeps the room
 * on screen, and comes back by itself, without a reload; Fran still has Sam's request, the round is still at
 * Sam and Alex's hand is still up.
 */
let dataDir: string;
let env: Record<string, string>;
let server: HearthProcess;
let live: LiveSession;
let browser: Browser;
let fran: Page;
let sam: Page;
let alex: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-e2e-restart-'));
  env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', CLIENT_DIST: resolve('client/dist') };
  server = await startHearthProcess(env);
  const cookie = await setUpFacilitator(server, 'Fran');
  live = await startLiveSession(server, cookie);
  browser = await launchBrowser();
  fran = await newPage(browser);
  await signIn(fran, server.url, 'fran@example.org', 'a long enough password');
  await fran.goto(`${server.url}/sessions/${live.session.id}/join`);
  await joinFromPreJoin(fran);
  sam = await newPage(browser, { bypassCSP: false });
  await sam.goto(server.url + (await createInvite(server, live)).path);
  await joinFromPreJoin(sam, 'Sam');
  alex = await newPage(browser, { bypassCSP: false });
  await alex.goto(server.url + (await createInvite(server, live)).path);
  await joinFromPreJoin(alex, 'Alex');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const panel = (page: Page) => page.getByRole('region', { name: 'Hands and rounds' });
const round = (page: Page) => panel(page).getByRole('region', { name: 'Check-in round' });
const requests = (page: Page) => page.getByRole('region', { name: 'Support requests' });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

describe('a graceful restart in the middle of a go-round', () => {
  it('sets the scene: a round at Sam, Alex\'s hand up, Sam\'s request open', async () => {
    await panel(fran).getByLabel('Round', { exact: true }).selectOption('check_in');
    await panel(fran).getByRole('button', { name: 'Start round', exact: true }).click();
    await round(sam).getByText('It is your turn.').waitFor({ timeout: TIMEOUT });
    await alex.getByRole('heading', { level: 1 }).first().click();
    await alex.keyboard.press('r');
    await panel(alex).getByRole('button', { name: 'Lower my hand', exact: true }).waitFor({ timeout: TIMEOUT });
    await sam.getByRole('heading', { level: 1 }).first().click();
    // [DS16] H, like the button, sends at once; the level and note follow from the panel.
    await sam.keyboard.press('h');
    await status(sam, 'Sent privately to your facilitators.').waitFor({ timeout: TIMEOUT });
    const followUp = supportPanel(sam);
    await followUp.getByRole('radio', { name: "I'd like to talk privately" }).check();
    await followUp.getByLabel("Anything you'd like to add (optional)").fill('It is a hard week');
    await followUp.getByRole('button', { name: 'Add to my request' }).click();
    await status(sam, 'What you added was sent too.').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('It is a hard week').waitFor({ timeout: TIMEOUT });
  });

  it('[RS1][RS2] on SIGTERM every page says it is reconnecting and keeps the room on screen', async () => {
    await server.kill('SIGTERM');
    expect(server.child.exitCode).toBe(0);
    for (const page of [fran, sam, alex]) {
      await status(page, 'Reconnecting…').waitFor({ timeout: TIMEOUT });
      await page.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
      expect(await page.getByText('The room closed the connection.').count()).toBe(0);
      expect(await page.getByText(/session has ended/i).count()).toBe(0);
    }
    // The round stays on screen through the pause (the rejoin replaces it with the server's).
    await round(fran).getByText('Now speaking: Sam').waitFor({ timeout: TIMEOUT });
  });

  it('[RS2][RS3] a new process on the same port and data: every page rejoins by itself; Fran still has the request', async () => {
    server = await startHearthProcess(env);
    for (const page of [fran, sam, alex]) {
      await expect.poll(() => status(page, 'Reconnecting…').count(), { timeout: TIMEOUT }).toBe(0);
      await page.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: TIMEOUT });
    }
    // Back in the same room: the others are there again (each page rejoined with its own credential).
    await participants(fran).getByText('Sam').first().waitFor({ timeout: TIMEOUT });
    await participants(fran).getByText('Alex').first().waitFor({ timeout: TIMEOUT });
    await participants(sam).getByText('Fran').first().waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('It is a hard week').waitFor({ timeout: TIMEOUT });
  });

  it('[RS4] the round is still at Sam and Alex\'s hand still up, as the new server tells it', async () => {
    // Each page forgot its floor as the rejoin was answered (use-floor.ts): what shows now came from the new process.
    await round(fran).getByText('Now speaking: Sam').waitFor({ timeout: TIMEOUT });
    await round(sam).getByText('It is your turn.').waitFor({ timeout: TIMEOUT });
    await panel(fran).getByRole('region', { name: 'Raised hands' }).getByRole('button', { name: "Lower Alex's hand" }).waitFor({ timeout: TIMEOUT });
    await panel(alex).getByRole('button', { name: 'Lower my hand', exact: true }).waitFor({ timeout: TIMEOUT });
  });
});
