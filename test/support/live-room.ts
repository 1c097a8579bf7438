import { afterEach, beforeEach } from 'vitest';
import { createInvite, facilitatorCredential, memberCredential, redeem, startLiveSession, type LiveSession } from './api.js';
import { startHearth, type TestHearth } from './hearth.js';
import { connectParticipant, join, settle, type TestClient } from './sockets.js';

/**
 * A fresh server and live session for every test, and socket clients that are closed after it.
 * Call at the top of a test file; read `fixture.hearth` and `fixture.live` inside tests.
 */
export function useLiveRoom() {
  const clients: TestClient[] = [];
  const fixture = {
    hearth: undefined as unknown as TestHearth,
    live: undefined as unknown as LiveSession,
    async connect(token: string): Promise<TestClient> {
      const client = await connectParticipant(fixture.hearth.url, token);
      clients.push(client);
      return client;
    },
    /**
     * The usual cast, joined in this order: Fran (the facilitator), Kim (co-facilitator), Sam and Alex
     * (members). Join broadcasts have landed when it returns, so tests see only what they cause.
     */
    async staffedRoom() {
      const { hearth, live } = fixture;
      const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
      const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
      const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
      const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
      const ids = {
        fran: (await join(fran)).self.id,
        kim: (await join(kim)).self.id,
        sam: (await join(sam)).self.id,
        alex: (await join(alex)).self.id,
      };
      await settle();
      return { fran, kim, sam, alex, ids };
    },
  };
  beforeEach(async () => {
    fixture.hearth = await startHearth();
    fixture.live = await startLiveSession(fixture.hearth);
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await fixture.hearth.close();
  });
  return fixture;
}
