import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@hearth/shared';
import { facilitatorCredential, memberCredential, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { eventsNamed, joinAnyMode, settle } from '../support/sockets.js';

/**
 * [CH1] [CH2] [CH5] Group chat in LiveKit mode (against the LiveKit double): the same socket.io path as in the
 * mesh, and the chat never goes through the SFU (no data channel, no call to LiveKit).
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let live: LiveSession;
let livekit: LiveKitDouble;
beforeEach(() => ({ hearth, live, livekit } = fixture));

describe('group chat in LiveKit mode', () => {
  it('reaches the room as in the mesh, follows the mode and removal, and makes no call to LiveKit', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    for (const client of [fran, sam, alex]) expect((await joinAnyMode(client)).media.mode).toBe('livekit');
    await settle();
    const callsBefore = livekit.calls.length;

    const sent = await sam.send('chat:send', { text: 'Hello from the SFU room' });
    if (!sent.ok) throw new Error(sent.error.code);
    await settle();
    expect((eventsNamed(alex, 'chat:message') as ChatMessage[]).map((m) => m.text)).toEqual(['Hello from the SFU room']);
    expect((eventsNamed(fran, 'chat:message') as ChatMessage[]).map((m) => m.text)).toEqual(['Hello from the SFU room']);

    expect(await fran.send('chat:remove', { messageId: sent.message.id })).toEqual({ ok: true });
    await fran.send('chat:mode', { mode: 'facilitators' });
    expect(await fran.send('chat:send', { text: 'For facilitators' })).toMatchObject({ ok: true });
    await settle();
    expect(eventsNamed(alex, 'chat:removed')).toEqual([{ messageId: sent.message.id }]);
    expect((eventsNamed(alex, 'chat:message') as ChatMessage[]).map((m) => m.text)).not.toContain('For facilitators');
    expect(await sam.send('chat:history', {})).toEqual({ ok: true, mode: 'facilitators', messages: [] });
    expect(livekit.calls.slice(callsBefore)).toEqual([]);
  });
});
