import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, mintTurnCredential } from '../../server/src/lib/index.js';

const SECRET = 'a-shared-secret-of-some-length';
const NOW = Date.UTC(2026, 11, 4, 19, 0, 0, 750);

describe('TURN REST API credentials', () => {
  it('[TN1] the username is "<expiry unix>:<opaque id>" and the credential is base64 HMAC-SHA1 of it with the secret', () => {
    const minted = mintTurnCredential(SECRET, 3600, NOW, 'opaque123');
    const expiry = Math.floor(NOW / 1000) + 3600;
    expect(minted.username).toBe(`${expiry}:opaque123`);
    // Computed here independently of the implementation, as coturn does.
    expect(minted.credential).toBe(createHmac('sha1', SECRET).update(`${expiry}:opaque123`).digest('base64'));
    expect(minted.expiresAt).toBe(expiry * 1000);
  });

  it('matches a known answer (so a change of hash or encoding cannot pass)', () => {
    // echo -n "1700000000:x" | openssl dgst -sha1 -hmac "a-shared-secret-of-some-length" -binary | base64
    expect(mintTurnCredential(SECRET, 60, 1_699_999_940_000, 'x').credential).toBe('6MGfE7YcB2pbhvcC0DRv3949OAg=');
  });

  it('[TN1] the random part is opaque and different every time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => mintTurnCredential(SECRET, 60, NOW).username.split(':')[1]));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('[TN2] the expiry is bounded by the TTL', () => {
    for (const ttl of [60, 3600, 86_400]) {
      const { username, expiresAt } = mintTurnCredential(SECRET, ttl, NOW);
      expect(Number(username.split(':')[0])).toBeLessThanOrEqual(NOW / 1000 + ttl);
      expect(expiresAt - NOW).toBeLessThanOrEqual(ttl * 1000);
      expect(expiresAt - NOW).toBeGreaterThan(ttl * 1000 - 1000);
    }
  });
});

describe('iceServersFor', () => {
  const stun = [{ urls: 'stun:stun.example.org:3478' }];

  it('without TURN gives ICE_SERVERS as configured', () => {
    expect(iceServersFor(stun, null, NOW)).toEqual(stun);
    expect(iceServersFor([], null, NOW)).toEqual([]);
  });

  it('with TURN adds one entry with every TURN URL and a fresh credential per call', () => {
    const turn = { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], secret: SECRET, ttlSeconds: 600 };
    const first = iceServersFor(stun, turn, NOW);
    const second = iceServersFor(stun, turn, NOW);
    expect(first).toEqual([...stun, { urls: turn.urls, username: expect.stringMatching(/^\d+:/), credential: expect.any(String) }]);
    expect(first[1]?.username).not.toBe(second[1]?.username);
    expect(first[1]?.credential).not.toBe(second[1]?.credential);
  });
});
