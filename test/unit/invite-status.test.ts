import { describe, expect, it } from 'vitest';
import { inviteRefusal, inviteStatus, type InviteTerms } from '../../server/src/modules/invites/invite-status.js';

const NOW = 1_764_000_000_000;
const fresh: InviteTerms = { expiresAt: NOW + 60_000, revokedAt: null, maxUses: 3, uses: 0 };

describe('inviteStatus', () => {
  it.each([
    { case: 'unused, unexpired, not revoked', terms: {}, expected: 'active' },
    { case: 'one use left', terms: { uses: 2 }, expected: 'active' },
    { case: 'all uses taken', terms: { uses: 3 }, expected: 'used_up' },
    { case: 'more uses than allowed (never shown as active)', terms: { uses: 4 }, expected: 'used_up' },
    { case: 'expires exactly now', terms: { expiresAt: NOW }, expected: 'expired' },
    { case: 'expires one millisecond from now', terms: { expiresAt: NOW + 1 }, expected: 'active' },
    { case: 'expired earlier', terms: { expiresAt: NOW - 1 }, expected: 'expired' },
    { case: 'revoked', terms: { revokedAt: NOW - 5 }, expected: 'revoked' },
    { case: 'revoked at time 0 still counts', terms: { revokedAt: 0 }, expected: 'revoked' },
    { case: 'revoked beats expired', terms: { revokedAt: NOW - 5, expiresAt: NOW - 1 }, expected: 'revoked' },
    { case: 'revoked beats used up', terms: { revokedAt: NOW - 5, uses: 3 }, expected: 'revoked' },
    { case: 'expired beats used up', terms: { expiresAt: NOW - 1, uses: 3 }, expected: 'expired' },
  ] as const)('$case -> $expected', ({ terms, expected }) => {
    expect(inviteStatus({ ...fresh, ...terms }, NOW)).toBe(expected);
  });
});

describe('inviteRefusal', () => {
  it.each([
    { status: 'revoked', code: 'invite_revoked' },
    { status: 'expired', code: 'invite_expired' },
    { status: 'used_up', code: 'invite_used_up' },
  ] as const)('$status is refused with $code and a plain-words message', ({ status, code }) => {
    expect(inviteRefusal[status].code).toBe(code);
    expect(inviteRefusal[status].message).toMatch(/facilitator/);
  });
});
