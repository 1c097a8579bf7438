import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintTurnCredential } from '../../server/src/lib/index.js';
import { memberCredential, startLiveSession } from '../support/api.js';
import { startCoturn, type ThrowawayCoturn } from '../support/coturn.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join } from '../support/sockets.js';
import { allocate } from '../support/turn-client.js';

// [TN1] [TN2] The credential Hearth hands a member is one the real coturn accepts, and only while valid.
const SECRET = 'shared-secret-between-hearth-and-coturn';
let coturn: ThrowawayCoturn;
let hearth: TestHearth;

beforeAll(async () => {
  coturn = await startCoturn({ secret: SECRET });
  hearth = await startHearth({ env: { TURN_URLS: coturn.url, TURN_SECRET: SECRET, TURN_TTL_SECONDS: '60' } });
});
afterAll(async () => {
  await hearth?.close();
  await coturn?.stop();
});

const target = () => ({ host: coturn.ip, port: coturn.port });

describe('a credential Hearth minted, at the real coturn', () => {
  it('[TN2] the one in a member\'s room:join answer gets a relay allocation', async () => {
    const live = await startLiveSession(hearth);
    const client = await connectParticipant(hearth.url, (await memberCredential(hearth, live, 'Sam')).token);
    try {
      const turn = (await join(client)).media.iceServers.find((s) => s.username);
      expect(turn?.urls).toEqual([coturn.url]);
      const result = await allocate(target(), turn?.username ?? '', turn?.credential ?? '');
      expect(result, coturn.log()).toMatchObject({ ok: true, relayed: { address: coturn.ip, port: expect.any(Number) } });
    } finally {
      client.close();
    }
  });

  it('[TN2] an expired one is refused (401)', async () => {
    const expired = mintTurnCredential(SECRET, 60, Date.now() - 120_000);
    expect(await allocate(target(), expired.username, expired.credential)).toMatchObject({ ok: false, code: 401 });
  });

  it('one made with another secret is refused (401)', async () => {
    const forged = mintTurnCredential('not-the-secret-coturn-has', 60, Date.now());
    expect(await allocate(target(), forged.username, forged.credential)).toMatchObject({ ok: false, code: 401 });
  });

  it('a valid username with a changed credential is refused (401)', async () => {
    const good = mintTurnCredential(SECRET, 60, Date.now());
    const other = mintTurnCredential(SECRET, 60, Date.now());
    expect(await allocate(target(), good.username, other.credential)).toMatchObject({ ok: false, code: 401 });
    // The same call with its own credential succeeds, so the refusals above are about the credential.
    expect(await allocate(target(), good.username, good.credential)).toMatchObject({ ok: true });
  });
});
