import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** Opaque ids for rows; UUIDs without dashes fit IdSchema's pattern. */
export function newId(): string {
  return randomUUID().replaceAll('-', '');
}

/** A bearer secret: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** [LE1] A session's end-to-end media key: 32 random bytes, base64 (44 characters). */
export function newMediaKey(): string {
  return randomBytes(32).toString('base64');
}

/** Bearer secrets are stored only as hashes, so a leaked database does not leak live credentials. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

// scrypt parameters: N=2^15, r=8, p=1 (OWASP's minimum recommendation), 64-byte key.
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, 64, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key || ![n, r, p].every((v) => /^\d+$/.test(v))) return false;
  const expected = Buffer.from(key, 'base64url');
  // A key of the wrong length (e.g. empty after decoding) must never compare equal to anything.
  if (expected.length !== 64) return false;
  try {
    const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: SCRYPT.maxmem,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    // A corrupted stored hash (bad cost parameters) is a failed sign-in, not a server error.
    return false;
  }
}
