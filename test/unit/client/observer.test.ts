import { describe, expect, test } from 'vitest';
import { isStaffRole, isVisibleTo, type MediaAccess, type Participant } from '@hearth/shared';
import { isObserver, mediaPeerIds, observerFlags, observerIsPresent, tileParticipants } from '../../../client/src/features/room/media/observer.js';
import { initialRoomState, roomReducer, type JoinResult } from '../../../client/src/features/room/session/room-state.js';
import { canAskForSupport } from '../../../client/src/features/room/distress/distress-state.js';
import { hiddenMediaPeers, visibleParticipants } from '../../../server/src/modules/recipients/index.js';
import type { Presence } from '../../../server/src/modules/rooms/room-registry.js';
import { mayModerate } from '../../../server/src/modules/moderation/moderation.policy.js';

// The hidden supervisor (docs/spec.md [SV1]–[SV5]): who may know of them, who sends them media, and
// what their own client offers. Pure functions on both sides of the wire.

function person(id: string, role: Participant['role']): Participant {
  return { id, displayName: id.toUpperCase(), organisation: null, role, audio: role !== 'supervisor', video: false, mutedBy: null, joinedAt: 1 };
}
const presence = (p: Participant): Presence => ({ participant: p, connectionId: `c-${p.id}`, inviteId: null });
const room = [person('fran', 'facilitator'), person('kim', 'co_facilitator'), person('sam', 'member'), person('vera', 'supervisor')];

describe('[SV1] who may learn of the supervisor', () => {
  test('staff see them; members do not', () => {
    expect(['facilitator', 'co_facilitator', 'supervisor'].map((r) => isStaffRole(r as Participant['role']))).toEqual([true, true, true]);
    expect(isStaffRole('member')).toBe(false);
    expect(isVisibleTo(person('vera', 'supervisor'), 'member')).toBe(false);
    expect(isVisibleTo(person('vera', 'supervisor'), 'co_facilitator')).toBe(true);
    expect(isVisibleTo(person('sam', 'member'), 'member')).toBe(true);
  });

  test("a member's participant list leaves them out; a facilitator's does not", () => {
    const presences = room.map(presence);
    expect(visibleParticipants(presences, 'member').map((p) => p.id)).toEqual(['fran', 'kim', 'sam']);
    expect(visibleParticipants(presences, 'facilitator').map((p) => p.id)).toEqual(['fran', 'kim', 'sam', 'vera']);
  });

  test('[SV5] only members get the supervisor as a bare hidden media peer', () => {
    const presences = room.map(presence);
    expect(hiddenMediaPeers(presences, 'member')).toEqual(['vera']);
    expect(hiddenMediaPeers(presences, 'facilitator')).toEqual([]);
    expect(hiddenMediaPeers(presences, 'supervisor')).toEqual([]);
  });
});

describe("[SV3][SV5] the client's media and tiles", () => {
  test('media goes to everyone visible plus the hidden peers, never to self, deduplicated and sorted', () => {
    expect(mediaPeerIds(['sam', 'fran'], ['vera'], 'kim')).toEqual(['fran', 'sam', 'vera']);
    expect(mediaPeerIds(['sam', 'vera'], ['vera'], 'fran')).toEqual(['sam', 'vera']);
    expect(mediaPeerIds(['fran'], ['me'], 'me')).toEqual(['fran']);
  });

  test('nobody gets a tile for the supervisor', () => {
    expect(tileParticipants(room).map((p) => p.id)).toEqual(['fran', 'kim', 'sam']);
  });

  test("the supervisor's flags are always off, and they never ask for support", () => {
    expect(isObserver('supervisor')).toBe(true);
    expect(isObserver('co_facilitator')).toBe(false);
    expect(observerFlags('supervisor', { audio: true, video: true })).toEqual({ audio: false, video: false });
    expect(observerFlags('member', { audio: true, video: false })).toEqual({ audio: true, video: false });
    expect(canAskForSupport('supervisor')).toBe(false);
    expect(canAskForSupport('member')).toBe(true);
  });

  test('the room state keeps the hidden media peers from joining and from later facts', () => {
    const media: MediaAccess = { mode: 'mesh', iceServers: [], signallingTicket: 't', capacity: 8 };
    const result: JoinResult = {
      self: person('sam', 'member'),
      participants: [person('fran', 'facilitator')],
      session: { id: 's', title: 'Tuesday', groupName: 'Carers' },
      media,
      support: { crisisResources: null, emergencyContacts: null },
      hiddenMediaPeers: ['vera'],
    };
    const joined = roomReducer(initialRoomState, { type: 'joined', result });
    expect(joined.hiddenMediaPeers).toEqual(['vera']);
    expect([...joined.others.keys()]).toEqual(['fran']);
    const gone = roomReducer(joined, { type: 'hidden-media-peers', participantIds: [] });
    expect(gone.hiddenMediaPeers).toEqual([]);
    const { hiddenMediaPeers: _omitted, ...older } = result;
    expect(roomReducer(initialRoomState, { type: 'joined', result: older }).hiddenMediaPeers).toEqual([]);
  });
});

describe('[SV2][SV3] moderating the supervisor', () => {
  test('there is nothing to mute; a facilitator may still remove them; they moderate nobody', () => {
    const fran = { id: 'fran', role: 'facilitator' as const };
    const vera = { id: 'vera', role: 'supervisor' as const };
    expect(mayModerate(fran, vera, 'mute')).toEqual({ allowed: false, reason: 'The supervisor is observing; their microphone is always off.' });
    expect(mayModerate(fran, vera, 'remove')).toEqual({ allowed: true });
    expect(mayModerate(vera, { id: 'sam', role: 'member' }, 'mute')).toMatchObject({ allowed: false });
  });
});

describe('[SV6] everyone but the observer is told an observer is present', () => {
  const members = room.filter((p) => p.role !== 'supervisor');
  test('a member learns it from the bare hidden media-peer ids', () => {
    expect(observerIsPresent('member', members, ['vera'])).toBe(true);
    expect(observerIsPresent('member', members, [])).toBe(false);
  });
  test('staff learn it from the supervisor in their list', () => {
    expect(observerIsPresent('facilitator', room, [])).toBe(true);
    expect(observerIsPresent('co_facilitator', members, [])).toBe(false);
  });
  test('the supervisor is not told about themselves', () => {
    expect(observerIsPresent('supervisor', members, [])).toBe(false);
  });
});
