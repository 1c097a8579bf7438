import { beforeEach, describe, expect, it } from 'vitest';
import { facilitatorCredential, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/** Fran (facilitator), Kim (co-facilitator), Sam (raised a request) and Alex (another member). */
async function room() {
  const { fran, kim, sam, alex } = await fixture.staffedRoom();
  const raised = await sam.send('distress:raise', { level: 'talk_privately' });
  if (!raised.ok) throw new Error('raise failed');
  await settle();
  return { fran, kim, sam, alex, alertId: raised.alertId };
}

const privateEvents = ['case:message', 'backchannel:message'];
const privateTraffic = (client: TestClient) => client.received.filter((r) => privateEvents.includes(r.event));

describe('the conversation on a support request', () => {
  it('[PC1] reaches the member and the facilitators, never another member; writing moves the request into conversation', async () => {
    const { fran, kim, sam, alex, alertId } = await room();
    const samGets = sam.next('case:message');
    const seen = sam.next('distress:seen');
    const sent = await fran.send('case:message', { alertId, body: 'Hi Sam, I am here. Would you like to talk?' });
    expect(sent).toMatchObject({ ok: true, message: { from: { displayName: 'Fran', role: 'facilitator' }, body: 'Hi Sam, I am here. Would you like to talk?' } });
    expect(await samGets).toMatchObject({ alertId, message: { body: 'Hi Sam, I am here. Would you like to talk?' } });
    expect(await seen).toMatchObject({ alertId });

    const franGets = fran.next('case:message');
    await sam.send('case:message', { alertId, body: 'Yes please' });
    expect(await franGets).toMatchObject({ message: { from: { displayName: 'Sam', role: 'member' }, body: 'Yes please' } });
    await settle();
    expect(eventsNamed(kim, 'case:message')).toHaveLength(2);
    expect(privateTraffic(alex)).toEqual([]);
    expect(eventsNamed(sam, 'case:message')).toHaveLength(1); // not an echo of their own message

    const history = await kim.send('case:history', { alertId });
    expect(history.ok && history.messages.map((m) => m.body)).toEqual(['Hi Sam, I am here. Would you like to talk?', 'Yes please']);
    const records = await hearth.services.distress.find(live.session.id, alertId);
    expect(records?.status).toBe('in_conversation');
    expect(records?.timeline.map((t) => t.kind)).toEqual(['raised', 'acknowledged', 'in_conversation']);
  });

  it('[PC1] another member can neither write to nor read someone else\'s request', async () => {
    const { alex, fran, alertId } = await room();
    await fran.send('case:message', { alertId, body: 'Private words' });
    expect(await alex.send('case:message', { alertId, body: 'let me in' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await alex.send('case:history', { alertId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a resolved request takes no more messages; bad bodies are refused', async () => {
    const { fran, sam, alertId } = await room();
    expect(await fran.sendRaw('case:message', { alertId, body: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.sendRaw('case:message', { alertId, body: 'x'.repeat(1001) })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.sendRaw('case:message', { alertId, body: 'hi', to: 'someone' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await fran.send('distress:update', { alertId, action: 'resolve' });
    expect(await sam.send('case:message', { alertId, body: 'one more thing' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('[PC1] a facilitator of another session cannot reach this request', async () => {
    const { alertId } = await room();
    const other = await startLiveSession(hearth, live.cookie);
    const elsewhere = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    await join(elsewhere);
    expect(await elsewhere.send('case:message', { alertId, body: 'hello?' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the facilitators\' backchannel', () => {
  it('[PC2] reaches facilitators and co-facilitators only, and keeps its history for them', async () => {
    const { fran, kim, sam, alex } = await room();
    const kimGets = kim.next('backchannel:message');
    expect(await fran.send('backchannel:message', { body: 'I will take Sam; can you hold the group?' })).toMatchObject({ ok: true });
    expect(await kimGets).toMatchObject({ from: { displayName: 'Fran' }, body: 'I will take Sam; can you hold the group?' });
    await settle();
    expect(privateTraffic(sam)).toEqual([]);
    expect(privateTraffic(alex)).toEqual([]);
    const history = await kim.send('backchannel:history', {});
    expect(history.ok && history.messages.map((m) => m.body)).toEqual(['I will take Sam; can you hold the group?']);
  });

  it('[AU1] members can neither write to nor read the backchannel', async () => {
    const { sam } = await room();
    expect(await sam.send('backchannel:message', { body: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await sam.send('backchannel:history', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});
