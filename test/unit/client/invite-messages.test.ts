import { describe, expect, test } from 'vitest';
import { networkError, unexpectedResponse } from '../../../client/src/lib/errors.js';
import { inviteProblem, storedCredentialStillUsable } from '../../../client/src/features/pre-join/components/invite-messages.js';

// What a member sees when their invite link cannot be used, and whether a credential already stored in
// this tab (from an earlier redemption) still lets them in. canRetry false also releases their camera.

describe('inviteProblem', () => {
  test.each([
    ['[IN2] unknown link', { code: 'invite_invalid', title: "This link doesn't work", says: /copied the whole link/ }],
    ['link not found', { code: 'not_found', title: "This link doesn't work", says: /copied the whole link/ }],
    ['[IN3] expired link', { code: 'invite_expired', title: 'This link has expired', says: /send you a new one/ }],
    ['[IN4] withdrawn link', { code: 'invite_revoked', title: 'This link is no longer active', says: /ask the person who invited you/ }],
    ['[IN5] every use taken', { code: 'invite_used_up', title: 'This link has already been used', says: /ask the person who invited you/ }],
    ['[MD6] removed from the session', { code: 'removed', title: "You can't rejoin this session", says: /facilitator removed you/ }],
    ['[IN7] session over', { code: 'session_ended', title: 'This session has ended', says: /Thank you/ }],
  ] as const)('%s: a calm title, what to do next, and no retry', (_name, { code, title, says }) => {
    const problem = inviteProblem({ code, message: 'What the server said' });
    expect(problem).toMatchObject({ title, canRetry: false });
    expect(problem.message).toMatch(says);
  });

  test('too many attempts: asked to wait, and may try again', () => {
    expect(inviteProblem({ code: 'rate_limited', message: 'Too many' })).toMatchObject({ title: 'Please wait a moment', canRetry: true });
  });

  test.each([
    networkError,
    unexpectedResponse,
    { code: 'internal_error', message: 'Something went wrong on our side. Please try again in a moment.' },
  ] as const)('$code: shows the words it came with, and may try again', (error) => {
    expect(inviteProblem(error)).toEqual({ title: "We couldn't open this invite", message: error.message, canRetry: true });
  });
});

describe('storedCredentialStillUsable', () => {
  test.each([
    // The reload that finds the link used up is usually the person who used its last place.
    ['[IN5] link used up (often by this very tab): the stored credential lets them back in', 'invite_used_up', true],
    // docs/protocol.md: "An invite's expiry limits only redeeming it: someone who joined before the link
    // expired can still reconnect." The handshake does not check expiry, so a reload must let them back in.
    ['[IN3] link expired after they joined: the stored credential lets them back in', 'invite_expired', true],
    ['[IN4] link withdrawn: its credentials are refused too', 'invite_revoked', false],
    ['[MD6] removed: the credential is refused', 'removed', false],
    ['[IN7] session ended: the credential is refused', 'session_ended', false],
    ['[IN2] not a link we know', 'invite_invalid', false],
  ] as const)('%s', (_name, code, expected) => {
    expect(storedCredentialStillUsable({ code, message: 'What the server said' })).toBe(expected);
  });
});
