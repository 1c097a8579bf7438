import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { facilitatorCredential, http, memberCredential, startLiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

let hearth: TestHearth | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await hearth?.close();
});

describe('ending a session', () => {
  it('leaves nothing of the room in memory: the agenda phase, open rule proposals, unanswered asks to unmute', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const fran = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
    const sam = await connectParticipant(hearth.url, (await memberCredential(hearth, live, 'Sam')).token);
    clients.push(fran, sam);
    await join(fran);
    const samId = (await join(sam)).self.id;
    expect(await fran.send('agenda:move', { step: 'next' })).toMatchObject({ ok: true });
    expect(await sam.send('rules:propose', { text: 'Cameras are optional' })).toMatchObject({ ok: true });
    await fran.send('moderation:mute', { participantId: samId });
    expect(await fran.send('moderation:ask-unmute', { participantId: samId })).toEqual({ ok: true });
    const { services } = hearth;
    const sessionId = live.session.id;
    expect(await services.sessionPhases.current(sessionId)).not.toBeNull();
    expect(await services.ruleProposals.list(sessionId)).toHaveLength(1);

    expect((await http(hearth, 'POST', ApiRoutes.endSession(sessionId), { cookie: live.cookie })).status).toBe(200);

    expect(await services.sessionPhases.current(sessionId)).toBeNull();
    expect(await services.ruleProposals.list(sessionId)).toEqual([]);
    expect(await services.unmuteAsks.take(sessionId, samId)).toBeUndefined();
  });
});
