import { describe, expect, it } from 'vitest';
import type { Participant } from '@hearth/shared';
import { RoomRegistry, type Presence } from '../../server/src/modules/rooms/room-registry.js';

function presence(id: string, connectionId = `conn-${id}`): Presence {
  const participant: Participant = { id, displayName: id, organisation: null, role: 'member', audio: true, video: true, mutedBy: null, joinedAt: 0 };
  return { participant, connectionId, inviteId: null };
}

function fill(rooms: RoomRegistry, sessionId: string, count: number): void {
  for (let i = 0; i < count; i++) expect(rooms.admit(sessionId, presence(`p${i}`)).ok).toBe(true);
}

describe('RoomRegistry capacity', () => {
  it('[RM3] the ninth distinct participant is refused and the room is unchanged', () => {
    const rooms = new RoomRegistry(8);
    fill(rooms, 's1', 8);
    expect(rooms.admit('s1', presence('ninth'))).toEqual({ ok: false });
    expect(rooms.get('s1', 'ninth')).toBeUndefined();
    expect(rooms.list('s1')).toHaveLength(8);
  });

  it('someone already present is re-admitted to a full room and the old presence is returned as replaced', () => {
    const rooms = new RoomRegistry(8);
    fill(rooms, 's1', 8);
    const again = presence('p3', 'conn-new-tab');
    const result = rooms.admit('s1', again);
    expect(result).toEqual({ ok: true, replaced: presence('p3') });
    expect(rooms.get('s1', 'p3')?.connectionId).toBe('conn-new-tab');
    expect(rooms.list('s1')).toHaveLength(8);
  });

  it('a first admission replaces nothing', () => {
    expect(new RoomRegistry(8).admit('s1', presence('a'))).toEqual({ ok: true, replaced: undefined });
  });

  it('capacity counts each session separately', () => {
    const rooms = new RoomRegistry(2);
    fill(rooms, 's1', 2);
    expect(rooms.admit('s2', presence('x')).ok).toBe(true);
    expect(rooms.admit('s1', presence('x')).ok).toBe(false);
  });

  it('a seat freed by someone leaving can be taken', () => {
    const rooms = new RoomRegistry(2);
    fill(rooms, 's1', 2);
    rooms.depart('s1', 'p0');
    expect(rooms.admit('s1', presence('late')).ok).toBe(true);
  });
});

describe('RoomRegistry depart', () => {
  it('a stale connection leaving does not evict the newer connection that replaced it', () => {
    const rooms = new RoomRegistry(8);
    rooms.admit('s1', presence('a', 'old'));
    rooms.admit('s1', presence('a', 'new'));
    expect(rooms.depart('s1', 'a', 'old')).toBeUndefined();
    expect(rooms.get('s1', 'a')?.connectionId).toBe('new');
    expect(rooms.depart('s1', 'a', 'new')?.connectionId).toBe('new');
    expect(rooms.get('s1', 'a')).toBeUndefined();
  });

  it('depart without a connectionId (removal) takes whoever is there', () => {
    const rooms = new RoomRegistry(8);
    rooms.admit('s1', presence('a', 'c1'));
    expect(rooms.depart('s1', 'a')?.participant.id).toBe('a');
    expect(rooms.list('s1')).toEqual([]);
  });

  it('departing someone unknown, or from an unknown session, changes nothing', () => {
    const rooms = new RoomRegistry(8);
    rooms.admit('s1', presence('a'));
    expect(rooms.depart('s1', 'nobody')).toBeUndefined();
    expect(rooms.depart('s2', 'a')).toBeUndefined();
    expect(rooms.list('s1').map((p) => p.participant.id)).toEqual(['a']);
  });
});

describe('RoomRegistry update and clear', () => {
  it('update changes the stored participant and returns it; unknown participants give undefined', () => {
    const rooms = new RoomRegistry(8);
    rooms.admit('s1', presence('a'));
    expect(rooms.update('s1', 'a', (p) => ({ ...p, audio: false }))?.audio).toBe(false);
    expect(rooms.get('s1', 'a')?.participant.audio).toBe(false);
    expect(rooms.update('s1', 'b', (p) => p)).toBeUndefined();
  });

  it('clear empties one session, returns who was there, and leaves other sessions alone', () => {
    const rooms = new RoomRegistry(8);
    fill(rooms, 's1', 3);
    rooms.admit('s2', presence('other'));
    expect(rooms.clear('s1').map((p) => p.participant.id).sort()).toEqual(['p0', 'p1', 'p2']);
    expect(rooms.list('s1')).toEqual([]);
    expect(rooms.get('s1', 'p0')).toBeUndefined();
    expect(rooms.list('s2').map((p) => p.participant.id)).toEqual(['other']);
    expect(rooms.clear('s1')).toEqual([]);
    fill(rooms, 's1', 8);
  });
});
