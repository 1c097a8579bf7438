import { afterEach, beforeEach } from 'vitest';
import { startLiveSession, type LiveSession } from './api.js';
import { startHearth, type TestHearth } from './hearth.js';
import { connectParticipant, type TestClient } from './sockets.js';

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
