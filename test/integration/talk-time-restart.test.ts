import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TalkStats } from '@hearth/shared';
import { facilitatorCredential, memberCredential, startLiveSession } from '../support/api.js';
import { freePort, startHearthProcess } from '../support/server-process.js';
import { connectParticipant, join, settle } from '../support/sockets.js';

/**
 * [TT1] Totals survive a crash: a report is acknowledged only after what it credited is stored, so after a
 * SIGKILL and a restart on the same data the facilitator's view still shows it, and new talk adds to it.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('talk time survives a crash', () => {
  it('[TT1] credited talk is there after SIGKILL and restart, and keeps adding up after rejoining', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-talk-crash-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };

    const first = await startHearthProcess(env);
    cleanup.push(() => first.kill('SIGKILL'));
    const live = await startLiveSession(first);
    const samCredential = await memberCredential(first, live, 'Sam');
    const sam = await connectParticipant(first.url, samCredential.token);
    cleanup.push(() => sam.close());
    await join(sam);
    await settle(1300); // so a 1 s report lies wholly after joining
    expect(await sam.send('talk:report', { intervals: [{ startAgoMs: 1000, endAgoMs: 0 }] })).toEqual({ ok: true });
    await first.kill('SIGKILL');

    const second = await startHearthProcess(env);
    cleanup.push(() => second.kill('SIGKILL'));
    const fran = await connectParticipant(second.url, (await facilitatorCredential(second, live)).token);
    cleanup.push(() => fran.close());
    const firstStats = fran.next('talk:stats', 5000);
    await join(fran);
    expect((await firstStats).members).toEqual([expect.objectContaining({ participantId: samCredential.participantId, talkMs: 1000, present: false })]);

    const samAgain = await connectParticipant(second.url, samCredential.token);
    cleanup.push(() => samAgain.close());
    await join(samAgain);
    await settle(600);
    await samAgain.send('talk:report', { intervals: [{ startAgoMs: 500, endAgoMs: 0 }] });
    const deadline = Date.now() + 4000;
    let latest: TalkStats | undefined;
    while (Date.now() < deadline && latest?.members[0]?.talkMs !== 1500) {
      latest = await fran.next('talk:stats', 4000);
    }
    expect(latest?.members[0]).toMatchObject({ talkMs: 1500, present: true });
  }, 60_000);
});
