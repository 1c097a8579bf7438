// [DS15] One tap for support: the request goes at the default level at once; the member who raised it may then add
// a level and a note (`distress:amend`), only to their own request, only while it is open. Facilitators only hear of it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));
const room = () => fixture.staffedRoom();

/** The one tap: a request at the default level, nothing else. */
async function raised(client: TestClient): Promise<string> {
  const ack = await client.send('distress:raise', { level: 'struggling' });
  if (!ack.ok) throw new Error('raise refused');
  return ack.alertId;
}

describe('[DS15] adding to a one-tap request', () => {
  it('the member who raised it adds a level and a note; facilitators get the update, members nothing', async () => {
    const { fran, kim, sam, alex } = await room();
    const alertId = await raised(sam);
    const franGets = fran.next('distress:updated');
    const kimGets = kim.next('distress:updated');
    expect(await sam.send('distress:amend', { alertId, level: 'not_safe', note: '  Please call me after  ' })).toEqual({ ok: true, alertId });
    const expected = { id: alertId, level: 'not_safe', note: 'Please call me after', status: 'raised' };
    expect(await franGets).toMatchObject(expected);
    expect(await kimGets).toMatchObject(expected);
    expect(await hearth.services.distress.find(live.session.id, alertId)).toMatchObject(expected);
    await settle();
    expect(alex.received.filter((r) => r.event.startsWith('distress:'))).toEqual([]);
    expect(sam.received.filter((r) => r.event === 'distress:updated')).toEqual([]);
  });

  it('a note alone keeps the level; a level alone keeps the note', async () => {
    const { sam } = await room();
    const alertId = await raised(sam);
    await sam.send('distress:amend', { alertId, note: 'Hard week' });
    await sam.send('distress:amend', { alertId, level: 'talk_privately' });
    expect(await hearth.services.distress.find(live.session.id, alertId)).toMatchObject({ level: 'talk_privately', note: 'Hard week' });
  });

  it('refuses another member, a facilitator, a closed request, and a payload with nothing to add', async () => {
    const { fran, sam, alex } = await room();
    const alertId = await raised(sam);
    expect(await alex.send('distress:amend', { alertId, note: 'not mine' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fran.send('distress:amend', { alertId, note: 'not mine either' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.send('distress:amend', { alertId })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await sam.send('distress:amend', { alertId, note: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await sam.send('distress:amend', { alertId, level: 'panic' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.send('distress:update', { alertId, action: 'resolve' })).toMatchObject({ ok: true });
    expect(await sam.send('distress:amend', { alertId, note: 'too late' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await hearth.services.distress.find(live.session.id, alertId)).toMatchObject({ level: 'struggling', note: null });
  });
});
