import { describe, expect, it } from 'vitest';
import { asideOf, awayIds, canStart, isPair, partnerOf, type Aside } from '../../server/src/modules/aside/aside-state.js';
import type { Participant } from '@hearth/shared';
import { AsideRegistry } from '../../server/src/modules/aside/aside-registry.js';
import { RoomRegistry } from '../../server/src/modules/rooms/room-registry.js';

const aside = (id: string, memberId: string, facilitatorId: string): Aside => ({ id, alertId: `case-${id}`, memberId, facilitatorId, startedAt: 0 });
const live = [aside('a1', 'sam', 'fran')];

describe('pull-aside state (pure)', () => {
  it.each([
    { case: 'two free people', member: 'alex', facilitator: 'kim', expected: { ok: true } },
    { case: 'a busy facilitator', member: 'alex', facilitator: 'fran', expected: { ok: false, code: 'conflict' } },
    { case: 'a busy member', member: 'sam', facilitator: 'kim', expected: { ok: false, code: 'conflict' } },
    { case: 'oneself', member: 'kim', facilitator: 'kim', expected: { ok: false, code: 'not_allowed' } },
  ])('[PA3] canStart with $case', ({ member, facilitator, expected }) => {
    expect(canStart(live, member, facilitator)).toMatchObject(expected);
  });

  it.each([
    { a: 'sam', b: 'fran', pair: true },
    { a: 'fran', b: 'sam', pair: true },
    { a: 'sam', b: 'alex', pair: false },
    { a: 'alex', b: 'sam', pair: false },
    { a: 'sam', b: 'sam', pair: false },
    { a: 'kim', b: 'alex', pair: false },
  ])('[PA4] isPair($a, $b) is $pair', ({ a, b, pair }) => {
    expect(isPair(live, a, b)).toBe(pair);
  });

  it('finds the aside and partner of either person, and lists who is away in a stable order', () => {
    const two = [...live, aside('a2', 'bea', 'kim')];
    expect(asideOf(two, 'kim')?.id).toBe('a2');
    expect(asideOf(two, 'alex')).toBeUndefined();
    expect(partnerOf(live[0]!, 'sam')).toBe('fran');
    expect(partnerOf(live[0]!, 'fran')).toBe('sam');
    expect(awayIds(two)).toEqual(['bea', 'fran', 'kim', 'sam']);
    expect(awayIds([])).toEqual([]);
  });
});

describe('AsideRegistry', () => {
  it('[PA3] starts, refuses a second one for the same person, and ends by id, per session', () => {
    const registry = new AsideRegistry();
    expect(registry.start('s1', aside('a1', 'sam', 'fran'))).toEqual({ ok: true });
    expect(registry.start('s1', aside('a2', 'sam', 'kim'))).toMatchObject({ ok: false, code: 'conflict' });
    expect(registry.start('s2', aside('a3', 'sam', 'kim'))).toEqual({ ok: true }); // another session
    expect(registry.isPair('s1', 'sam', 'fran')).toBe(true);
    expect(registry.isPair('s2', 'sam', 'fran')).toBe(false);
    expect(registry.end('s1', 'nope')).toBeUndefined();
    expect(registry.end('s1', 'a1')?.memberId).toBe('sam');
    expect(registry.away('s1')).toEqual([]);
    expect(registry.away('s2')).toEqual(['kim', 'sam']);
  });
});

describe('[PA5] RoomRegistry tells the aside module whenever a place in a room ends', () => {
  const presence = (id: string, connectionId = `c-${id}`) => {
    const participant: Participant = { id, displayName: id, organisation: null, role: 'member', audio: true, video: true, mutedBy: null, joinedAt: 0 };
    return { participant, connectionId, inviteId: null };
  };

  it('on leaving, on being replaced by a newer connection, and when the session is cleared; not for a stale connection', () => {
    const rooms = new RoomRegistry(8);
    const departed: string[] = [];
    const stop = rooms.onDeparture((sessionId, participantId) => departed.push(`${sessionId}/${participantId}`));
    rooms.admit('s1', presence('sam'));
    rooms.admit('s1', presence('fran'));
    expect(departed).toEqual([]);
    rooms.admit('s1', presence('sam', 'c-sam-2')); // another tab
    expect(rooms.depart('s1', 'sam', 'c-sam')).toBeUndefined(); // the old tab's disconnect changes nothing
    rooms.depart('s1', 'sam', 'c-sam-2');
    rooms.clear('s1');
    expect(departed).toEqual(['s1/sam', 's1/sam', 's1/fran']);
    stop();
    rooms.admit('s1', presence('alex'));
    rooms.clear('s1');
    expect(departed).toHaveLength(3);
  });
});
