import { describe, expect, test } from 'vitest';
import { ErrorCode } from '@hearth/shared';
import type { ClientErrorCode } from '../../../client/src/lib/errors.js';
import { networkError, unexpectedResponse } from '../../../client/src/lib/errors.js';
import { closedMessage, credentialRejected, refusedMessage } from '../../../client/src/features/room/session/room-messages.js';

// What a person reads when their place in the room ends or cannot begin, and which button they get:
// 'rejoin' mounts the room again with the same credential, 'pre-join' goes back for a new one, 'reload'
// reloads the page, null offers nothing (there is nothing that would work).

const allCodes: ClientErrorCode[] = [...Object.values(ErrorCode), 'network_error', 'unexpected_response'];

describe('closedMessage', () => {
  test.each([
    { reason: 'removed', action: null, says: /facilitator removed you/i },
    { reason: 'session_ended', action: null, says: /session has ended/i },
    { reason: 'replaced', action: 'rejoin', says: /another tab/i },
  ] as const)('[RM6/MD6/RM7] $reason -> $action', ({ reason, action, says }) => {
    const message = closedMessage(reason);
    expect(message.action).toBe(action);
    expect(message.message).toMatch(says);
  });
});

describe('refusedMessage', () => {
  test.each([
    { code: 'protocol_mismatch', action: 'reload', says: /reload the page/i },
    { code: 'invite_revoked', action: null, says: /ask the person who invited you for a new one/i },
    { code: 'invite_expired', action: null, says: /ask the person who invited you for a new one/i },
    { code: 'unauthenticated', action: 'pre-join', says: /join again/i },
    // [RM3] the server's own words say why and that LiveKit mode would help.
    { code: 'room_full', action: 'rejoin', says: /What the server said/ },
  ] as const)('$code -> $action', ({ code, action, says }) => {
    const message = refusedMessage({ code, message: 'What the server said' });
    expect(message.action).toBe(action);
    expect(message.message).toMatch(says);
  });

  test.each(['removed', 'session_ended'] as const)('[MD6/RM7] a %s refusal reads the same as being closed for it', (code) => {
    expect(refusedMessage({ code, message: 'What the server said' })).toEqual(closedMessage(code));
  });

  test.each([
    { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
    { code: 'not_in_room', message: 'The connection closed while joining.' },
    { code: 'network_error', message: networkError.message },
  ] as const)('$code shows the words it came with and offers Rejoin', ({ code, message }) => {
    expect(refusedMessage({ code, message })).toEqual({ title: "We couldn't connect you", message, action: 'rejoin' });
  });

  // The join ack did not match the protocol (a server newer than this page, usually). The message tells
  // the person that reloading helps; a Rejoin button runs the same page code against the same server.
  test('an answer the page did not understand offers a reload, as its message says', () => {
    const message = refusedMessage(unexpectedResponse);
    expect(message.message).toMatch(/reloading the page/i);
    expect(message.action).toBe('reload');
  });

  test.each(allCodes.filter((code) => credentialRejected(code)))(
    'refused with %s (the stored credential is then forgotten): never offers Rejoin',
    (code) => {
      expect(refusedMessage({ code, message: 'What the server said' }).action).not.toBe('rejoin');
    },
  );
});

describe('credentialRejected', () => {
  const rejected = new Set<ClientErrorCode>(['removed', 'banned', 'session_ended', 'unauthenticated', 'invite_revoked', 'invite_expired']);
  test.each(allCodes.map((code) => ({ code, expected: rejected.has(code) })))('$code -> $expected', ({ code, expected }) => {
    expect(credentialRejected(code)).toBe(expected);
  });
});
