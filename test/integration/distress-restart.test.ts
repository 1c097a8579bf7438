import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { facilitatorCredential, memberCredential, startLiveSession } from '../support/api.js';
import { freePort, startHearthProcess, type HearthProcess } from '../support/server-process.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

/**
 * [DS3] No alert is lost if the server is killed outright: the member was told "received" only after
 * the alert was stored, so after a SIGKILL and a restart on the same data, the facilitator gets it.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('distress alerts survive a crash', () => {
  it('[DS3] an acknowledged-as-received alert is delivered after SIGKILL and restart', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-crash-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };

    // The most verbose logging, to prove that even it carries no names or notes.
    const first: HearthProcess = await startHearthProcess({ ...env, LOG_LEVEL: 'trace' });
    cleanup.push(() => first.kill('SIGKILL'));
    const live = await startLiveSession(first);
    const samCredential = await memberCredential(first, live, 'Samira-Pseudonym');
    const sam: TestClient = await connectParticipant(first.url, samCredential.token);
    cleanup.push(() => sam.close());
    await join(sam);
    const raised = await sam.send('distress:raise', { level: 'not_safe', note: 'please check on me' });
    expect(raised).toMatchObject({ ok: true });
    if (!raised.ok) return;

    // [PR1] Nothing personal reached the log: not the name, the note, nor the invite token.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.output()).toContain('incoming request'); // request logging really was on
    expect(first.output()).not.toContain('Samira-Pseudonym');
    expect(first.output()).not.toContain('please check on me');
    expect(first.output()).not.toContain(samCredential.token);

    // The moment the member has been told, the server dies without any chance to flush or clean up.
    await first.kill('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startHearthProcess(env);
    cleanup.push(() => second.kill('SIGKILL'));
    const fran = await connectParticipant(second.url, (await facilitatorCredential(second, live)).token);
    cleanup.push(() => fran.close());
    const delivered = fran.next('distress:alert', 5000);
    await join(fran);
    expect(await delivered).toMatchObject({ id: raised.alertId, level: 'not_safe', note: 'please check on me', displayName: 'Samira-Pseudonym', acknowledgedAt: null });
  });
});
