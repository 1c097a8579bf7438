import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createInvite, setUpFacilitator, startLiveSession, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { joinFromPreJoin, signIn } from './pages.js';

export interface FacilitatedSession {
  hearth: TestHearth;
  live: LiveSession;
  browser: Browser;
  /** Fran, the group's facilitator, signed in (not yet in the room). */
  fran: Page;
}

/**
 * A Hearth with the built client, a live session run by Fran, and a browser with Fran signed in.
 * `env` adds server settings (LiveKit mode: test/support/real-livekit.ts).
 */
export async function startFacilitatedSession(options: { env?: Record<string, string> } = {}): Promise<FacilitatedSession> {
  const hearth = await startHearth({ clientDist: resolve('client/dist'), ...(options.env ? { env: options.env } : {}) });
  const cookie = await setUpFacilitator(hearth, 'Fran');
  const live = await startLiveSession(hearth, cookie);
  const browser = await launchBrowser();
  const fran = await newPage(browser);
  await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
  return { hearth, live, browser, fran };
}

/** Fran goes from the dashboard's session link into the room. */
export async function franJoins({ hearth, live, fran }: FacilitatedSession): Promise<void> {
  await fran.goto(`${hearth.url}/sessions/${live.session.id}/join`);
  await joinFromPreJoin(fran);
}

/**
 * A member arrives from their own invite link, under the page's real CSP, and joins as `name`.
 * `beforeArriving` runs on the fresh page first (e.g. a WebSocket route, which must exist before the socket).
 */
export async function memberJoins({ hearth, live, browser }: FacilitatedSession, name: string, beforeArriving?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await newPage(browser, { bypassCSP: false });
  await beforeArriving?.(page);
  await page.goto(hearth.url + (await createInvite(hearth, live)).path);
  await joinFromPreJoin(page, name);
  return page;
}

export interface GroupOfThree extends FacilitatedSession {
  sam: Page;
  alex: Page;
}

/**
 * For a whole test file: Fran in the room, then members Sam and Alex, each in their own page; closed
 * after the file. Call at the top level; the fields are there once the file's first test runs.
 */
export function useGroupOfThree(
  options: {
    env?: Record<string, string>;
    beforeJoining?: (session: FacilitatedSession) => Promise<void>;
    /** Runs on each member's fresh page before it opens the invite (see memberJoins). */
    beforeMemberArrives?: (page: Page, name: 'Sam' | 'Alex') => Promise<void>;
  } = {},
): GroupOfThree {
  const group = {} as GroupOfThree;
  beforeAll(async () => {
    const session = await startFacilitatedSession(options);
    Object.assign(group, session);
    await options.beforeJoining?.(session);
    await franJoins(session);
    const prepare = options.beforeMemberArrives;
    group.sam = await memberJoins(session, 'Sam', prepare && ((page) => prepare(page, 'Sam')));
    group.alex = await memberJoins(session, 'Alex', prepare && ((page) => prepare(page, 'Alex')));
  });
  afterAll(async () => {
    await group.browser?.close();
    await group.hearth?.close();
  });
  return group;
}
