import { describe, expect, test } from 'vitest';
import type { PrivateMessage } from '@hearth/shared';
import {
  announcementText,
  caseKey,
  conversationsReducer,
  initialConversationsState,
  MESSAGE_MAX_LENGTH,
  openThreadKeys,
  remainingText,
  sendableBody,
  threadOf,
  unreadText,
  type ConversationsAction,
  type ConversationsState,
  type Where,
} from '../../../client/src/features/room/distress/conversations/conversations-state.js';

// Private text as one client knows it: a reducer over what the person did (open, close, type, send)
// and what the server said (history, new messages). These tests feed it the sequences the
// conversations hook dispatches and check what the person would see and hear.

const run = (...actions: ConversationsAction[]): ConversationsState => actions.reduce(conversationsReducer, initialConversationsState);
const key = caseKey('a1');
const fran = { id: 'fran', displayName: 'Fran', role: 'facilitator' } as const;
const sam = { id: 'sam', displayName: 'Sam', role: 'member' } as const;
const networkError = { code: 'network_error', message: "The room didn't answer in time. Please try again." } as const;

function message(id: string, from: PrivateMessage['from'], body: string, sentAt: number): PrivateMessage {
  return { id, from, body, sentAt };
}

const asMember: Where = { kind: 'case', viewer: 'member' };
const asFacilitator: Where = { kind: 'case', viewer: 'facilitator', participantId: 'sam', name: 'Sam' };
const received = (m: PrivateMessage, where: Where = asFacilitator, reveal = false): ConversationsAction =>
  ({ type: 'received', key, message: m, where, reveal });

describe('reading a conversation', () => {
  test('at first there is nothing: closed, empty, nothing unread, nothing announced', () => {
    expect(threadOf(initialConversationsState, key)).toMatchObject({ open: false, messages: [], unread: 0, history: 'idle', draft: '' });
    expect(initialConversationsState.announcement).toBeNull();
    expect(initialConversationsState.ownCase).toBeNull();
  });

  test('opening it clears the unread count and loads the history', () => {
    const state = run(received(message('m1', sam, 'hello', 1)), { type: 'opened', key }, { type: 'history-started', key });
    expect(threadOf(state, key)).toMatchObject({ open: true, unread: 0, history: 'loading' });
    expect(openThreadKeys(state)).toEqual([key]);
  });

  test('history and live messages overlap: each message is listed once, oldest first', () => {
    const state = run(
      { type: 'opened', key },
      received(message('m3', sam, 'third', 3)),
      { type: 'history-loaded', key, messages: [message('m2', fran, 'second', 2), message('m1', sam, 'first', 1), message('m3', sam, 'third', 3)] },
      received(message('m2', fran, 'second', 2)),
    );
    expect(threadOf(state, key).messages.map((m) => m.body)).toEqual(['first', 'second', 'third']);
    expect(threadOf(state, key).history).toBe('loaded');
  });

  test('a message delivered twice is not announced twice', () => {
    const once = run(received(message('m1', sam, 'hello', 1)));
    expect(conversationsReducer(once, received(message('m1', sam, 'hello', 1)))).toBe(once);
  });

  test('a history that fails to load says so, and loading again clears it', () => {
    const failed = run({ type: 'opened', key }, { type: 'history-started', key }, { type: 'history-failed', key, error: networkError });
    expect(threadOf(failed, key)).toMatchObject({ history: 'failed', historyError: networkError });
    expect(threadOf(conversationsReducer(failed, { type: 'history-started', key }), key)).toMatchObject({ history: 'loading', historyError: null });
  });

  test('only messages that arrive while it is closed count as unread', () => {
    const state = run(received(message('m1', sam, 'one', 1)), received(message('m2', sam, 'two', 2)));
    expect(threadOf(state, key).unread).toBe(2);
    const opened = conversationsReducer(state, { type: 'opened', key });
    expect(threadOf(conversationsReducer(opened, received(message('m3', sam, 'three', 3))), key).unread).toBe(0);
  });
});

describe("the member's own conversation", () => {
  test('appears by itself when a facilitator first writes, and is remembered as theirs', () => {
    const state = run(received(message('m1', fran, 'I am here', 1), asMember, true));
    expect(threadOf(state, key)).toMatchObject({ open: true, unread: 0 });
    expect(state.ownCase).toBe(key);
  });

  test('once the person closed it, a new message never opens it again: it shows as unread', () => {
    const closed = run(received(message('m1', fran, 'hi', 1), asMember, true), { type: 'closed', key });
    const state = conversationsReducer(closed, received(message('m2', fran, 'still here', 2), asMember, true));
    expect(threadOf(state, key)).toMatchObject({ open: false, closedByPerson: true, unread: 1 });
  });

  test("a facilitator's screen never takes another person's conversation as its own", () => {
    expect(run(received(message('m1', sam, 'hi', 1), asFacilitator)).ownCase).toBeNull();
  });

  test('the backchannel is never anyone\'s own case', () => {
    const state = run({ type: 'received', key: 'backchannel', message: message('b1', fran, 'hold the group?', 1), where: { kind: 'backchannel' } });
    expect(state.ownCase).toBeNull();
    expect(threadOf(state, 'backchannel').unread).toBe(1);
  });
});

describe('writing', () => {
  test('a successful send clears the box and lists the message', () => {
    const state = run(
      { type: 'draft-changed', key, draft: '  thank you  ' },
      { type: 'send-started', key, body: 'thank you' },
      { type: 'send-succeeded', key, message: message('m1', sam, 'thank you', 5) },
    );
    expect(threadOf(state, key)).toMatchObject({ draft: '', sending: null, error: null });
    expect(threadOf(state, key).messages.map((m) => m.id)).toEqual(['m1']);
  });

  test('anything typed while the message travelled stays', () => {
    const state = run(
      { type: 'draft-changed', key, draft: 'first' },
      { type: 'send-started', key, body: 'first' },
      { type: 'draft-changed', key, draft: 'first and more' },
      { type: 'send-succeeded', key, message: message('m1', sam, 'first', 5) },
    );
    expect(threadOf(state, key).draft).toBe('first and more');
  });

  test('a failed send keeps what was typed and says why, until the next attempt', () => {
    const failed = run({ type: 'draft-changed', key, draft: 'please' }, { type: 'send-started', key, body: 'please' }, { type: 'send-failed', key, error: networkError });
    expect(threadOf(failed, key)).toMatchObject({ draft: 'please', sending: null, error: networkError });
    expect(threadOf(conversationsReducer(failed, { type: 'draft-changed', key, draft: 'please!' }), key).error).toEqual(networkError);
    expect(threadOf(conversationsReducer(failed, { type: 'send-started', key, body: 'please' }), key).error).toBeNull();
  });

  test('closing keeps a half-written message', () => {
    const state = run({ type: 'opened', key }, { type: 'draft-changed', key, draft: 'half' }, { type: 'closed', key });
    expect(threadOf(state, key).draft).toBe('half');
  });

  test('conversations do not touch each other', () => {
    const other = caseKey('a2');
    const state = run({ type: 'draft-changed', key, draft: 'to Sam' }, { type: 'opened', key: other }, { type: 'draft-changed', key: 'backchannel', draft: 'to Cody' });
    expect([threadOf(state, key).draft, threadOf(state, other).draft, threadOf(state, 'backchannel').draft]).toEqual(['to Sam', '', 'to Cody']);
    expect(threadOf(state, key).open).toBe(false);
  });

  test.each([
    { draft: '', expected: null },
    { draft: '   \n ', expected: null },
    { draft: '  hello ', expected: 'hello' },
    { draft: 'x'.repeat(MESSAGE_MAX_LENGTH + 5), expected: 'x'.repeat(MESSAGE_MAX_LENGTH) },
  ])('sendableBody($draft.length chars)', ({ draft, expected }) => {
    expect(sendableBody(draft)).toBe(expected);
  });
});

describe('what is read out (politely) and written', () => {
  test('each message is a new announcement, even with the same words', () => {
    const state = run(received(message('m1', sam, 'ok', 1)), received(message('m2', sam, 'ok', 2)));
    expect(state.announcement).toEqual({ seq: 2, text: 'New message from Sam' });
  });

  test.each<{ case: string; where: Where; from: PrivateMessage['from']; open: boolean; expected: string }>([
    { case: 'member, open', where: asMember, from: fran, open: true, expected: 'Fran: I am here' },
    { case: 'member, closed', where: asMember, from: fran, open: false, expected: 'New message from Fran' },
    { case: 'facilitator, from the member, open', where: asFacilitator, from: sam, open: true, expected: 'Sam: I am here' },
    { case: 'facilitator, from the member, closed', where: asFacilitator, from: sam, open: false, expected: 'New message from Sam' },
    { case: 'facilitator, from another facilitator, open', where: asFacilitator, from: fran, open: true, expected: 'Fran to Sam: I am here' },
    { case: 'facilitator, from another facilitator, closed', where: asFacilitator, from: fran, open: false, expected: 'New message from Fran in the conversation with Sam' },
    { case: 'backchannel, open', where: { kind: 'backchannel' }, from: fran, open: true, expected: "Facilitators' channel, Fran: I am here" },
    { case: 'backchannel, closed', where: { kind: 'backchannel' }, from: fran, open: false, expected: "New message from Fran in the facilitators' channel" },
  ])('announcementText: $case', ({ where, from, open, expected }) => {
    expect(announcementText(where, message('m', from, 'I am here', 1), open)).toBe(expected);
  });

  test('unread and remaining counts in words', () => {
    expect([unreadText(0), unreadText(1), unreadText(3)]).toEqual(['', '1 new message', '3 new messages']);
    expect(remainingText('')).toBe(`${MESSAGE_MAX_LENGTH} characters left`);
    expect(remainingText('x'.repeat(MESSAGE_MAX_LENGTH - 1))).toBe('1 character left');
  });
});
