import { describe, expect, it } from 'vitest';
import { hashPassword, hashToken, newId, newToken, verifyPassword } from '../../server/src/lib/secrets.js';
import { IdSchema, check } from '@hearth/shared';

describe('passwords', () => {
  it('a hash verifies the password it was made from, and no other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('the same password hashes differently each time (salted), and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('passwords are compared after Unicode normalisation (NFKC)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it.each([
    { case: 'empty', stored: '' },
    { case: 'plain text', stored: 'hunter2' },
    { case: 'another scheme', stored: 'bcrypt$2b$10$salt$key$x' },
    { case: 'missing key', stored: 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$' },
    { case: 'missing fields', stored: 'scrypt$32768$8' },
    { case: 'N not a number', stored: 'scrypt$abc$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5' },
    { case: 'N not a power of two', stored: 'scrypt$3$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5' },
    { case: 'key that decodes to no bytes', stored: 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$@@@@' },
  ])('a malformed stored hash ($case) verifies nothing and does not throw', async ({ stored }) => {
    await expect(verifyPassword('any password', stored)).resolves.toBe(false);
  });
});

describe('tokens', () => {
  it('hashToken is deterministic and differs per token', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
    expect(hashToken(token)).not.toContain(token);
    // SHA-256, base64url without padding.
    expect(hashToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('newToken gives 32 URL-safe random bytes; newId fits IdSchema', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const id = newId();
    expect(check(IdSchema, id)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
