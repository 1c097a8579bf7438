import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { facilitatorCredential, memberCredential, startLiveSession } from '../support/api.js';
import { freePort, startHearthProcess, type HearthProcess } from '../support/server-process.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

/**
 * [PC3] Private messages are stored before they are acknowledged, and their text never reaches the log:
 * the moment a writer is told "sent", the server is killed outright (no flush, no clean-up), and after a
 * restart on the same data every acknowledged message is in its history. Logging is at its most verbose.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const CASE_WORDS = 'I can hear you, Sam. Shall we step aside?';
const MEMBER_WORDS = 'yes, thank you, it has been a hard week';
const BACKCHANNEL_WORDS = 'Sam mentioned the hard week again';

async function connect(on: HearthProcess, token: string): Promise<TestClient> {
  const client = await connectParticipant(on.url, token);
  cleanup.push(() => client.close());
  await join(client);
  return client;
}

describe('private messages survive a crash', () => {
  it('[PC3] every acknowledged case and backchannel message is there after SIGKILL and restart, and none is in the log', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-messages-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };
    const first = await startHearthProcess({ ...env, LOG_LEVEL: 'trace' });
    cleanup.push(() => first.kill('SIGKILL'));

    const live = await startLiveSession(first);
    const sam = await connect(first, (await memberCredential(first, live, 'Sam')).token);
    const fran = await connect(first, (await facilitatorCredential(first, live)).token);
    const raised = await sam.send('distress:raise', { level: 'talk_privately' });
    if (!raised.ok) throw new Error(`raise refused: ${raised.error.code}`);
    expect(await fran.send('case:message', { alertId: raised.alertId, body: CASE_WORDS })).toMatchObject({ ok: true });
    expect(await sam.send('case:message', { alertId: raised.alertId, body: MEMBER_WORDS })).toMatchObject({ ok: true });
    expect(await fran.send('backchannel:message', { body: BACKCHANNEL_WORDS })).toMatchObject({ ok: true });

    // Killed the instant the last ack arrived: what was acknowledged must already be on disk.
    await first.kill('SIGKILL');
    expect(first.output()).toContain('incoming request'); // trace logging really was on
    for (const words of [CASE_WORDS, MEMBER_WORDS, BACKCHANNEL_WORDS]) expect(first.output()).not.toContain(words);

    const second = await startHearthProcess(env);
    cleanup.push(() => second.kill('SIGKILL'));
    const franAgain = await connect(second, (await facilitatorCredential(second, live)).token);
    const history = await franAgain.send('case:history', { alertId: raised.alertId });
    expect(history.ok && history.messages.map((m) => m.body)).toEqual([CASE_WORDS, MEMBER_WORDS]);
    const backchannel = await franAgain.send('backchannel:history', {});
    expect(backchannel.ok && backchannel.messages.map((m) => m.body)).toEqual([BACKCHANNEL_WORDS]);
  });
});
