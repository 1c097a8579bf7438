import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { createInvite, http, setUpFacilitator, startLiveSession, type LiveSession } from '../support/api.js';
import { launchBrowser, newPage, runAxe } from '../support/browser.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { joinFromPreJoin, signIn, supportPanel, TIMEOUT } from './pages.js';

/**
 * [DS2][DS4][DS5][DS7][PC1][PC2][PC4] One session: Fran (facilitator), Cody (co-facilitator), Sam and Alex
 * (members). Sam asks for support with a note; Fran claims it; Sam is told quietly; they write to each
 * other privately; Fran resolves it. Fran and Cody talk in the facilitators' channel. Alex's page shows
 * nothing of any of it at any point, and Sam never sees the facilitators' channel. Every button is pressed
 * from the keyboard (Enter on the focused button): a stalled mouse click on a busy machine cannot hang it.
 */
const CRISIS = 'Samaritans: 116 123, any time';
const CONTACTS = 'On-call lead: Dana, 07700 900123';
const NOTE = 'It is a hard week';
const FROM_FRAN = 'Thank you for telling us. Shall we talk after the round?';
const FROM_SAM = 'Yes please, that would help';
const BACK_FRAN = "I'll take Sam; can you hold the group?";
const BACK_CODY = 'Yes, I have the group';

let hearth: TestHearth;
let browser: Browser;
let live: LiveSession;
let fran: Page;
let cody: Page;
let sam: Page;
let alex: Page;

beforeAll(async () => {
  hearth = await startHearth({ clientDist: resolve('client/dist') });
  const cookie = await setUpFacilitator(hearth, 'Fran');
  live = await startLiveSession(hearth, cookie);
  const support = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), {
    cookie: live.cookie, body: { crisisResources: CRISIS, emergencyContacts: CONTACTS },
  });
  expect(support.status).toBe(200);
  browser = await launchBrowser();
  fran = await newPage(browser);
  await signIn(fran, hearth.url, 'fran@example.org', 'a long enough password');
  await fran.goto(`${hearth.url}/sessions/${live.session.id}/join`);
  await join(fran);
  cody = await newPage(browser);
  await cody.goto(hearth.url + (await createInvite(hearth, live, { role: 'co_facilitator' })).path);
  await join(cody, 'Cody');
  sam = await newPage(browser);
  await sam.goto(hearth.url + (await createInvite(hearth, live)).path);
  await join(sam, 'Sam');
  alex = await newPage(browser);
  await alex.goto(hearth.url + (await createInvite(hearth, live)).path);
  await join(alex, 'Alex');
  // Let the four connect their audio before acting: on a busy 2-core machine the first clicks can stall otherwise.
  for (const page of [fran, cody, sam, alex]) {
    await page.getByText('Connecting audio and video…').waitFor({ state: 'hidden', timeout: 60_000 });
  }
}, 180_000);

/** Joins with the camera off: four people's video on a 2-core machine would slow everything else down. */
async function join(page: Page, name?: string): Promise<void> {
  await page.getByRole('heading', { name: 'Ready to join?' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Camera', pressed: true }).press('Enter');
  await page.getByRole('button', { name: 'Camera', pressed: false }).waitFor({ timeout: TIMEOUT });
  await joinFromPreJoin(page, name);
}

afterAll(async () => {
  await browser?.close();
  await hearth?.close();
});

const requests = (page: Page) => page.getByRole('region', { name: 'Support requests' });
const backchannel = (page: Page) => page.getByRole('region', { name: 'Facilitators only' });
const samConversation = (page: Page) => page.getByRole('region', { name: 'Conversation with Sam' });
const ownConversation = (page: Page) => page.getByRole('region', { name: 'Conversation with your facilitators' });
const messageField = (scope: ReturnType<Page['getByRole']>) => scope.getByRole('textbox', { name: 'Message', exact: true });

/** Nothing private reaches this page: no region, no button, no alert, not one word of it (hidden text included). */
async function seesNothingPrivate(page: Page, words: readonly string[]): Promise<void> {
  expect(await requests(page).count()).toBe(0);
  expect(await backchannel(page).count()).toBe(0);
  expect(await page.getByRole('region', { name: /Conversation with/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /Message your facilitators|Facilitators' channel|Acknowledge|Resolve|Escalate|Emergency contacts/ }).count()).toBe(0);
  expect(await page.getByRole('alert').filter({ hasText: /support/ }).count()).toBe(0);
  for (const text of words) expect(await page.getByText(text, { exact: false }).count()).toBe(0);
}
const everything = [NOTE, FROM_FRAN, FROM_SAM, BACK_FRAN, BACK_CODY, CONTACTS, 'asked for support', 'added to their request', 'Seen by', 'seen your request', 'New message', 'Escalated', 'Resolved'];

describe('a private conversation about a request for support', () => {
  it('[PC4] before anyone asks, members can open the crisis resources themselves; facilitators can read the emergency contacts', async () => {
    // From the keyboard: each is a real button that says whether it is open.
    const toggle = alex.getByRole('button', { name: 'Crisis resources' });
    await toggle.waitFor({ timeout: TIMEOUT });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.press('Enter');
    await alex.getByText(CRISIS).waitFor({ timeout: TIMEOUT });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.press('Enter');
    await expect.poll(() => alex.getByText(CRISIS).isVisible()).toBe(false);

    for (const facilitator of [fran, cody]) {
      await facilitator.getByRole('button', { name: 'Emergency contacts' }).press('Enter');
      await facilitator.getByText(CONTACTS).waitFor({ timeout: TIMEOUT });
    }
    await seesNothingPrivate(alex, everything);
    await seesNothingPrivate(sam, everything);
  });

  it('Sam asks for support with a note, sees the crisis resources at once, and both facilitators see the request', async () => {
    // [DS16] One press sends; the level and note follow from the panel, from the keyboard too.
    await sam.getByRole('button', { name: 'I need support' }).press('Enter');
    await sam.getByRole('status').filter({ hasText: 'Sent privately to your facilitators.' }).waitFor({ timeout: TIMEOUT });
    const dialog = supportPanel(sam);
    await dialog.waitFor({ timeout: TIMEOUT });
    expect(await runAxe(sam, '.support-control')).toEqual([]);
    await dialog.getByRole('radio', { name: "I'd like to talk privately" }).check();
    await dialog.getByLabel("Anything you'd like to add (optional)").fill(NOTE);
    await dialog.getByRole('button', { name: 'Add to my request' }).press('Enter');
    await sam.getByRole('status').filter({ hasText: 'What you added was sent too.' }).waitFor({ timeout: TIMEOUT });
    // Shown at once, privately; and folded away and opened again at will.
    await sam.getByText(CRISIS).waitFor({ timeout: TIMEOUT });
    const crisis = sam.getByRole('button', { name: 'Crisis resources' });
    expect(await crisis.getAttribute('aria-expanded')).toBe('true');
    await crisis.press('Enter');
    await expect.poll(() => sam.getByText(CRISIS).isVisible()).toBe(false);
    await crisis.press('Enter');
    await sam.getByText(CRISIS).waitFor({ timeout: TIMEOUT });

    for (const facilitator of [fran, cody]) {
      await requests(facilitator).getByText(NOTE).waitFor({ timeout: TIMEOUT });
      await requests(facilitator).getByText('Would like to talk privately').waitFor({ timeout: TIMEOUT });
      // The latest announcement: what Sam added after the one-tap request (which was announced first).
      await facilitator.getByRole('alert').filter({ hasText: 'Sam added to their request: Would like to talk privately' }).waitFor({ timeout: TIMEOUT });
    }
    await seesNothingPrivate(alex, everything);
  });

  it('Fran claims it; Cody sees who is handling it; Sam is told quietly', async () => {
    await requests(fran).getByRole('button', { name: "Acknowledge Sam's request" }).press('Enter');
    await requests(fran).getByText('Seen by Fran').waitFor({ timeout: TIMEOUT });
    await requests(cody).getByText('Seen by Fran').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => requests(cody).getByRole('button', { name: "Acknowledge Sam's request" }).count()).toBe(0);
    await sam.getByRole('status').filter({ hasText: 'A facilitator has seen your request.' }).waitFor({ timeout: TIMEOUT });
    await seesNothingPrivate(alex, everything);
  });

  it('[PC4] Fran writes to Sam; the conversation opens for Sam by itself and Sam answers; nobody else but Cody reads it', async () => {
    await requests(fran).getByRole('button', { name: 'Message Sam' }).press('Enter');
    const franSide = samConversation(fran);
    await franSide.getByText('Only Sam and this session\'s facilitators can read this.').waitFor({ timeout: TIMEOUT });
    await messageField(franSide).fill(FROM_FRAN);
    await franSide.getByRole('button', { name: 'Send', exact: true }).press('Enter');
    await franSide.getByRole('list', { name: 'Messages' }).getByText(FROM_FRAN).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => messageField(franSide).inputValue()).toBe('');

    const samSide = ownConversation(sam);
    await samSide.getByText(FROM_FRAN).waitFor({ timeout: TIMEOUT });
    await samSide.getByText('Only your facilitators can read this. Nobody else in the group sees it.').waitFor({ timeout: TIMEOUT });
    // Read out politely, without moving Sam's focus.
    await expect.poll(() => sam.locator('[aria-live="polite"]').filter({ hasText: FROM_FRAN }).count()).toBe(1);
    await messageField(samSide).fill(FROM_SAM);
    await messageField(samSide).press('Control+Enter');
    await samSide.getByText(FROM_SAM).waitFor({ timeout: TIMEOUT });

    await franSide.getByText(FROM_SAM).waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('In conversation').waitFor({ timeout: TIMEOUT });
    // Cody, the other facilitator, sees the conversation waiting, and can read all of it.
    await requests(cody).getByRole('button', { name: /Message Sam \(2 new messages\)/ }).press('Enter');
    await samConversation(cody).getByText(FROM_FRAN).waitFor({ timeout: TIMEOUT });
    await samConversation(cody).getByText(FROM_SAM).waitFor({ timeout: TIMEOUT });

    await seesNothingPrivate(alex, everything);
    expect(await backchannel(sam).count()).toBe(0);
  });

  it('[PC4] the facilitators talk in their channel; Sam and Alex never see it', async () => {
    await backchannel(fran).getByRole('button', { name: "Facilitators' channel" }).press('Enter');
    await backchannel(fran).getByRole('textbox', { name: 'Message to facilitators' }).fill(BACK_FRAN);
    await backchannel(fran).getByRole('button', { name: 'Send to facilitators' }).press('Enter');
    await backchannel(fran).getByRole('list', { name: 'Messages' }).getByText(BACK_FRAN).waitFor({ timeout: TIMEOUT });

    await backchannel(cody).getByRole('button', { name: "Facilitators' channel (1 new message)" }).press('Enter');
    await backchannel(cody).getByText(BACK_FRAN).waitFor({ timeout: TIMEOUT });
    await backchannel(cody).getByRole('textbox', { name: 'Message to facilitators' }).fill(BACK_CODY);
    await backchannel(cody).getByRole('button', { name: 'Send to facilitators' }).press('Enter');
    await backchannel(fran).getByText(BACK_CODY).waitFor({ timeout: TIMEOUT });

    await seesNothingPrivate(alex, everything);
    expect(await backchannel(sam).count()).toBe(0);
    for (const text of [BACK_FRAN, BACK_CODY, CONTACTS]) expect(await sam.getByText(text).count()).toBe(0);
  });

  it('the private panels pass an accessibility check', async () => {
    expect(await runAxe(fran, '.room__support')).toEqual([]);
    expect(await runAxe(sam, '.room__support')).toEqual([]);
  });

  it('Cody escalates it; both facilitators see who did, in words', async () => {
    await requests(cody).getByRole('button', { name: "Escalate Sam's request" }).press('Enter');
    await requests(cody).getByRole('status').filter({ hasText: "Sam's request is marked as escalated." }).waitFor({ timeout: TIMEOUT });
    await requests(fran).getByText('Seen by Fran · Escalated by Cody').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => requests(fran).getByRole('button', { name: "Escalate Sam's request" }).count()).toBe(0);
    await seesNothingPrivate(alex, everything);
  });

  it('Fran resolves it after confirming; it folds away under Resolved, and nobody else is told', async () => {
    await requests(fran).getByRole('button', { name: "Resolve Sam's request" }).press('Enter');
    const confirm = requests(fran).getByRole('group', { name: 'Mark as resolved?' });
    await confirm.getByRole('button', { name: 'Yes, resolved' }).press('Enter');
    await requests(fran).getByText('No open requests.').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByRole('status').filter({ hasText: "Sam's request is resolved." }).waitFor({ timeout: TIMEOUT });
    await requests(cody).getByText('No open requests.').waitFor({ timeout: TIMEOUT });
    await requests(fran).getByRole('button', { name: 'Resolved (1)' }).press('Enter');
    await requests(fran).getByText('Resolved by Fran').waitFor({ timeout: TIMEOUT });
    // The conversation can still be read, but takes no more messages.
    await requests(fran).getByText('This request is resolved; the conversation is closed.').waitFor({ timeout: TIMEOUT });

    await seesNothingPrivate(alex, everything);
    expect(await backchannel(sam).count()).toBe(0);
  });

  it('Fran opens a case about Alex from the participants list; Cody sees it as Fran\'s; Alex and Sam see nothing', async () => {
    const CONCERN = 'Very quiet tonight, seemed upset';
    await fran.getByRole('complementary', { name: 'Participants' }).getByRole('button', { name: 'Concerned about Alex' }).press('Enter');
    const dialog = fran.getByRole('dialog', { name: 'Open a support case for Alex' });
    await dialog.getByRole('radio', { name: 'Would like to talk privately' }).check();
    await dialog.getByLabel('Note for the other facilitators (optional)').fill(CONCERN);
    await dialog.getByRole('button', { name: 'Open case privately' }).press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    for (const facilitator of [fran, cody]) {
      await requests(facilitator).getByText(CONCERN).waitFor({ timeout: TIMEOUT });
      await requests(facilitator).getByText('Opened by Fran').waitFor({ timeout: TIMEOUT });
    }
    // Members have no such button, and the member concerned is not told.
    for (const member of [alex, sam]) {
      expect(await member.getByRole('button', { name: /Concerned about/ }).count()).toBe(0);
      expect(await member.getByText(CONCERN).count()).toBe(0);
      expect(await member.getByText('Opened by', { exact: false }).count()).toBe(0);
    }
    await seesNothingPrivate(alex, everything);
  });

  it("[DS14] Fran's notes about Alex stay with the facilitators; once Fran brings Alex in, Alex sees what follows and not the notes", async () => {
    const NOTE_ABOUT = 'Left the round early; check in gently';
    const TO_ALEX = 'Alex, would a quiet word after the round help?';
    const alexCase = requests(fran).getByRole('listitem').filter({ hasText: 'Opened by Fran' });
    await alexCase.getByText('Alex has not been told of this case.', { exact: false }).waitFor({ timeout: TIMEOUT });
    // Not offered while Alex is not in it: talking privately would tell them.
    expect(await alexCase.getByRole('button', { name: /Talk privately/ }).count()).toBe(0);
    await alexCase.getByRole('button', { name: "Facilitators' notes about Alex" }).press('Enter');
    const notes = fran.getByRole('region', { name: "Facilitators' notes about Alex" });
    await notes.getByText("Only this session's facilitators can read this; Alex cannot.").waitFor({ timeout: TIMEOUT });
    await messageField(notes).fill(NOTE_ABOUT);
    await notes.getByRole('button', { name: 'Send', exact: true }).press('Enter');
    await notes.getByRole('list', { name: 'Messages' }).getByText(NOTE_ABOUT).waitFor({ timeout: TIMEOUT });
    await cody.getByText('Opened by Fran').waitFor({ timeout: TIMEOUT });
    await seesNothingPrivate(alex, [...everything, NOTE_ABOUT]);

    await alexCase.getByRole('button', { name: 'Bring Alex into the conversation' }).press('Enter');
    await requests(fran).getByRole('status').filter({ hasText: 'Alex will now see what you write in this conversation.' }).waitFor({ timeout: TIMEOUT });
    const conversation = fran.getByRole('region', { name: 'Conversation with Alex' });
    await conversation.getByText('Only Alex and this session\'s facilitators can read this.').waitFor({ timeout: TIMEOUT });
    await messageField(conversation).fill(TO_ALEX);
    await conversation.getByRole('button', { name: 'Send', exact: true }).press('Enter');
    await ownConversation(alex).getByText(TO_ALEX).waitFor({ timeout: TIMEOUT });
    expect(await alex.getByText(NOTE_ABOUT).count()).toBe(0);
    expect(await sam.getByText(TO_ALEX).count()).toBe(0);
  });
});
