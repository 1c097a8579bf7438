import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@hearth/shared';
import { chatClosedReason, chatReducer, initialChatView } from '../../../client/src/features/room/chat/chat-state.js';

const message = (id: string): ChatMessage => ({ id, from: { id: 'sam', displayName: 'Sam', role: 'member' }, text: `words ${id}`, sentAt: 1, audience: 'everyone' });

describe('the chat as one screen holds it', () => {
  it('adds each message once (an ack and a late fact for the same message do not double it)', () => {
    let view = chatReducer(initialChatView, { type: 'loaded', mode: 'everyone', messages: [message('a')] });
    view = chatReducer(view, { type: 'message', message: message('b') });
    view = chatReducer(view, { type: 'message', message: message('b') });
    expect(view.messages.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('[CH5] a removed message disappears; the mode is replaced; reset forgets everything', () => {
    let view = chatReducer(initialChatView, { type: 'loaded', mode: 'everyone', messages: [message('a'), message('b')] });
    view = chatReducer(view, { type: 'removed', messageId: 'a' });
    view = chatReducer(view, { type: 'mode', mode: 'off' });
    expect(view).toMatchObject({ mode: 'off', messages: [message('b')] });
    expect(chatReducer(view, { type: 'reset' })).toEqual(initialChatView);
  });

  it.each([
    ['everyone', true, false, null],
    ['off', false, false, 'Chat is off.'],
    ['facilitators', false, false, 'Chat is for facilitators only.'],
    ['facilitators', true, false, null],
    ['everyone', false, true, 'You are observing: you can read the chat, not write in it.'],
  ] as const)('in %s (may write: %s, observing: %s) the reason shown is %j', (mode, canWrite, observing, reason) => {
    expect(chatClosedReason(mode, canWrite, observing)).toBe(reason);
  });
});
