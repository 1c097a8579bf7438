import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IceServer } from '@hearth/shared';
import { memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

// [TN1] [TN2] What a member's browser is given to reach the TURN relay, read from a real room:join answer.
const SECRET = 'turn-secret-for-the-integration-test';
const TURN_URLS = ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'];
const STUN = { urls: 'stun:stun.example.org:3478' };

let clock = Date.UTC(2026, 11, 4, 19, 0, 0);
let hearth: TestHearth;
let live: LiveSession;
const clients: TestClient[] = [];

beforeEach(async () => {
  clock = Date.UTC(2026, 11, 4, 19, 0, 0);
  hearth = await startHearth({
    now: () => clock,
    env: { TURN_URLS: TURN_URLS.join(','), TURN_SECRET: SECRET, TURN_TTL_SECONDS: '600', ICE_SERVERS: JSON.stringify([STUN]) },
  });
  live = await startLiveSession(hearth);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await hearth.close();
});

async function joinedTurn(token: string): Promise<{ ice: IceServer[]; self: { id: string } }> {
  const client = await connectParticipant(hearth.url, token);
  clients.push(client);
  const joined = await join(client);
  return { ice: joined.media.iceServers, self: joined.self };
}

const turnEntry = (ice: IceServer[]) => ice.find((s) => Array.isArray(s.urls) && s.urls.some((u) => u.startsWith('turn')));

describe('TURN credentials in the room:join answer', () => {
  it('[TN2] keeps ICE_SERVERS and adds the TURN URLs with a credential coturn can check with the shared secret', async () => {
    const credential = await memberCredential(hearth, live, 'Sam Carer');
    const { ice } = await joinedTurn(credential.token);
    expect(ice[0]).toEqual(STUN);
    const turn = turnEntry(ice);
    expect(turn?.urls).toEqual(TURN_URLS);
    const username = turn?.username ?? '';
    expect(turn?.credential).toBe(createHmac('sha1', SECRET).update(username).digest('base64'));
    // [TN2] Expires within the TTL of the (server's) clock.
    const expiry = Number(username.split(':')[0]);
    expect(expiry).toBeGreaterThan(clock / 1000);
    expect(expiry).toBeLessThanOrEqual(clock / 1000 + 600);
  });

  it('[TN1] the username names nobody: not the display name, not the participant id, not the room credential', async () => {
    const credential = await memberCredential(hearth, live, 'Sam Carer');
    const { ice, self } = await joinedTurn(credential.token);
    const username = turnEntry(ice)?.username ?? '';
    expect(username).toMatch(/^\d+:[A-Za-z0-9_-]+$/);
    for (const personal of ['Sam', 'Carer', self.id, credential.participantId, credential.token, live.session.id]) {
      expect(username).not.toContain(personal);
    }
  });

  it('[TN2] a reconnect gets a fresh credential that expires later', async () => {
    const credential = await memberCredential(hearth, live, 'Sam');
    const first = turnEntry((await joinedTurn(credential.token)).ice);
    clients.splice(0).forEach((c) => c.close());
    clock += 5 * 60_000;
    const second = turnEntry((await joinedTurn(credential.token)).ice);
    expect(second?.username).not.toBe(first?.username);
    expect(Number(second?.username?.split(':')[0])).toBe(Number(first?.username?.split(':')[0]) + 300);
  });

  it('two members get different credentials', async () => {
    const a = turnEntry((await joinedTurn((await memberCredential(hearth, live, 'Sam')).token)).ice);
    const b = turnEntry((await joinedTurn((await memberCredential(hearth, live, 'Alex')).token)).ice);
    expect(a?.username).not.toBe(b?.username);
  });
});
