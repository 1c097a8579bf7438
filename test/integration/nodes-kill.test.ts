import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { facilitatorCredential, memberCredential, startLiveSession } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { cookieFor, startNginx, type TestNginx } from '../support/nginx.js';
import { startNodes, type HearthNodes } from '../support/nodes.js';
import { stickyClient, until, type StickyClient } from '../support/sticky-client.js';

/**
 * [ND7] [ND8] kill -9 of one of two nodes behind nginx: its people reconnect by themselves through the same
 * address, land on the other node, join again, and find the room as it was: their hand still up at its place,
 * the floor still with the person who held it, the facilitator's queue unchanged. Someone who does not come
 * back is taken out once the node has been silent past NODE_LOST_SECONDS, by one node, told to the room once.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The part of a join answer this test reads, checked rather than cast. */
const joinedSelf = z.object({ self: z.object({ id: z.string() }) });

describe('a node killed with SIGKILL', () => {
  const client = (url: string, token: string, cookie: string, reconnection = true) => {
    const made = stickyClient(url, token, cookie, { reconnection });
    cleanup.push(() => made.close());
    return made;
  };

  // Started once for the file (two processes and nginx take most of its time).
  let cluster: HearthNodes;
  let nginx: TestNginx;
  beforeAll(async () => {
    // A short grace, so the person who does not come back is seen to go within the test.
    cluster = await startNodes(2, await newPostgresDatabase(), { NODE_LOST_SECONDS: '2' });
    cleanup.push(() => cluster.stop());
    const portOf = (url: string) => Number(new URL(url).port);
    nginx = await startNginx(cluster.nodes.map((node) => portOf(node.url)));
    cleanup.push(() => nginx.stop());
  }, 60_000);

  it('its people reconnect to the other node and find their hand up and the floor as it was', async () => {
    const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
    const portOf = (url: string) => Number(new URL(url).port);
    const [toA, toB] = [await cookieFor(nginx, portOf(a.url)), await cookieFor(nginx, portOf(b.url))];
    const live = await startLiveSession(a);

    // Fran leads from B; Sam and Jo are on A, the node that will die.
    const fran = client(nginx.url, (await facilitatorCredential(a, live)).token, toB);
    const sam = client(nginx.url, (await memberCredential(a, live, 'Sam')).token, toA);
    const jo = client(nginx.url, (await memberCredential(a, live, 'Jo')).token, toA);
    // Lee is on A too, and will not come back.
    const lee = client(nginx.url, (await memberCredential(a, live, 'Lee')).token, toA, false);
    await until(() => [fran, sam, jo, lee].every((c) => c.joins.length === 1), 'everyone joined');
    expect([fran, sam, jo, lee].map((c) => c.joins[0]?.ok)).toEqual([true, true, true, true]);
    const idOf = (c: StickyClient) => joinedSelf.parse(c.joins[0]).self.id;
    const [samId, joId, leeId] = [idOf(sam), idOf(jo), idOf(lee)];

    // Jo's hand goes up and Fran gives Jo the floor; then Sam's hand goes up, first in the queue.
    expect(await jo.send('hand:raise')).toMatchObject({ ok: true });
    expect(await fran.send('floor:give', { participantId: joId })).toMatchObject({ ok: true });
    expect(await fran.send('hands:lower', { participantId: joId })).toMatchObject({ ok: true });
    expect(await sam.send('hand:raise')).toMatchObject({ ok: true, hand: { raised: true, place: 1 } });
    expect(await lee.send('hand:raise')).toMatchObject({ ok: true, hand: { raised: true, place: 2 } });

    const aGone = new Promise<void>((resolve) => a.child.once('exit', () => resolve()));
    for (const c of [fran, sam, jo]) c.mark();
    a.child.kill('SIGKILL');
    await aGone;

    // Sam and Jo are back, through the same address, on B.
    await until(() => sam.joins.length === 2 && jo.joins.length === 2, 'rejoined on B');
    expect([sam.joins[1]?.ok, jo.joins[1]?.ok]).toEqual([true, true]);
    // Sam's hand is still up at its place (told after the join); Jo still holds the floor.
    await until(() => sam.since('hand:mine').length > 0 && jo.since('floor:state').length > 0, 'the floor delivered after the join');
    expect(sam.since('hand:mine').at(-1)).toMatchObject({ raised: true, place: 1 });
    expect(jo.since('floor:state').at(-1)).toMatchObject({ holderId: joId });
    expect(sam.since('floor:state').at(-1)).toMatchObject({ holderId: joId });
    // Fran, who never moved, still sees Sam's hand and Jo with the floor, and can act on both.
    const franFloor = await fran.send('floor:control', { on: false });
    expect(franFloor).toMatchObject({ ok: true, floor: { holderId: joId } });
    expect(await fran.send('moderation:mute', { participantId: samId })).toMatchObject({ ok: true });
    const queue = await fran.send('hands:order', { order: 'first_come' });
    expect(queue).toMatchObject({ ok: true, queue: { hands: [expect.objectContaining({ participantId: samId }), expect.objectContaining({ participantId: leeId })] } });

    // Lee does not come back: once A has been silent past NODE_LOST_SECONDS, the room is told Lee left (once),
    // and Lee's hand goes down; Sam, Jo and the floor stay.
    const leeLeft = () => fran.since('participant:left').filter((p) => (p as { participantId: string }).participantId === leeId);
    await until(() => leeLeft().length > 0, 'Lee taken out after the grace', 20_000);
    expect(leeLeft()).toEqual([{ participantId: leeId, reason: 'disconnected' }]);
    await until(() => (fran.since('floor:queue').at(-1) as { hands: unknown[] } | undefined)?.hands.length === 1, 'Lee\'s hand down');
    expect(fran.since('floor:queue').at(-1)).toMatchObject({ hands: [{ participantId: samId }] });
    expect(sam.since('participant:left')).toContainEqual({ participantId: leeId, reason: 'disconnected' });
    expect(await fran.send('floor:control', { on: false })).toMatchObject({ ok: true, floor: { holderId: joId } });
    expect(await fran.send('moderation:mute', { participantId: leeId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(leeLeft()).toHaveLength(1);
  }, 30_000);
});
