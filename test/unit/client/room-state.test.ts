import { describe, expect, test } from 'vitest';
import type { MediaAccess, Participant } from '@hearth/shared';
import {
  audioAllowed,
  initialRoomState,
  isFinished,
  orderedParticipants,
  roomReducer,
  type JoinResult,
  type RoomAction,
  type RoomPhase,
  type RoomState,
} from '../../../client/src/features/room/session/room-state.js';

// The client's room is a reducer over what the server said; these tests feed it the same sequences
// of facts the socket hook dispatches and check what the person would see (who is listed, muted, the phase).

const fran = { id: 'fran', displayName: 'Fran' };

function person(id: string, overrides: Partial<Participant> = {}): Participant {
  return { id, displayName: id.toUpperCase(), organisation: null, role: 'member', audio: true, video: true, mutedBy: null, joinedAt: 100, ...overrides };
}

function media(ticket: string): MediaAccess {
  return { mode: 'mesh', iceServers: [], signallingTicket: ticket, capacity: 8 };
}

const me = person('me', { joinedAt: 300 });

function joined(participants: Participant[], ticket = 't1', self: Participant = me): RoomAction {
  const result: JoinResult = {
    self,
    participants,
    session: { id: 's1', title: 'Tuesday', groupName: 'Carers' },
    media: media(ticket),
    support: { crisisResources: null, emergencyContacts: null },
  };
  return { type: 'joined', result };
}

const run = (...actions: RoomAction[]): RoomState => actions.reduce(roomReducer, initialRoomState);
const ids = (state: RoomState) => [...state.others.keys()].sort();

describe('roomReducer: joining', () => {
  test('before the server answers, the room is connecting and shows nobody', () => {
    expect(initialRoomState.phase).toEqual({ kind: 'connecting' });
    expect(initialRoomState.self).toBeNull();
    expect(initialRoomState.others.size).toBe(0);
  });

  test('joining shows everyone already there, the session and the media access', () => {
    const state = run(joined([person('a'), person('b')]));
    expect(state.phase).toEqual({ kind: 'in-room' });
    expect(state.self).toEqual(me);
    expect(state.session?.title).toBe('Tuesday');
    expect(state.media).toMatchObject({ signallingTicket: 't1' });
    expect(ids(state)).toEqual(['a', 'b']);
  });

  test('self listed among the participants is not shown a second time', () => {
    expect(ids(run(joined([person('a'), me])))).toEqual(['a']);
  });

  test('a rejoin after a lost connection replaces the list: who left meanwhile goes, who came is shown', () => {
    const state = run(joined([person('a'), person('b')]), { type: 'connection-lost' }, joined([person('b'), person('c')], 't2'));
    expect(state.phase).toEqual({ kind: 'in-room' });
    expect(ids(state)).toEqual(['b', 'c']);
  });

  test('a rejoin brings a new media access object, so the media connection is rebuilt', () => {
    const first = run(joined([]));
    const second = [{ type: 'connection-lost' } as const, joined([], 't2')].reduce(roomReducer, first);
    expect(second.media).not.toBe(first.media);
    expect(second.media).toMatchObject({ signallingTicket: 't2' });
  });

  test('facts that arrive before the join answer do not outlive it', () => {
    const state = run({ type: 'participant', participant: person('early') }, joined([person('a')]));
    expect(ids(state)).toEqual(['a']);
  });
});

describe('roomReducer: people coming and going', () => {
  const start = joined([person('a'), person('b')]);
  // [name, events after joining with A and B, who is then listed as [id, name]]
  test.each<[string, RoomAction[], Array<[string, string]>]>([
    ['someone new joins', [{ type: 'participant', participant: person('c') }], [['a', 'A'], ['b', 'B'], ['c', 'C']]],
    [
      'the same person joining twice is listed once, with the latest details',
      [{ type: 'participant', participant: person('c') }, { type: 'participant', participant: person('c', { displayName: 'Cy' }) }],
      [['a', 'A'], ['b', 'B'], ['c', 'Cy']],
    ],
    ['an update replaces what is shown', [{ type: 'participant', participant: person('a', { displayName: 'Ann' }) }], [['a', 'Ann'], ['b', 'B']]],
    // participant:updated carries the whole participant, so a missed (or dropped) join heals itself.
    ['an update for someone not yet known shows them', [{ type: 'participant', participant: person('z') }], [['a', 'A'], ['b', 'B'], ['z', 'Z']]],
    ['someone leaves', [{ type: 'participant-left', participantId: 'a' }], [['b', 'B']]],
    ['a departure of someone unknown changes nobody', [{ type: 'participant-left', participantId: 'nobody' }], [['a', 'A'], ['b', 'B']]],
    [
      'a remove ack followed by the participant:left fact removes them once',
      [{ type: 'participant-left', participantId: 'a' }, { type: 'participant-left', participantId: 'a' }],
      [['b', 'B']],
    ],
    [
      'someone who left and comes back is listed again',
      [{ type: 'participant-left', participantId: 'a' }, { type: 'participant', participant: person('a', { joinedAt: 900 }) }],
      [['a', 'A'], ['b', 'B']],
    ],
    ['an update about self changes self, not the others', [{ type: 'participant', participant: { ...me, video: false } }], [['a', 'A'], ['b', 'B']]],
  ])('%s', (_name, actions, expected) => {
    const state = run(start, ...actions);
    expect([...state.others.values()].map((p) => [p.id, p.displayName]).sort()).toEqual(expected);
    expect(state.others.has(me.id)).toBe(false);
  });

  test('an update about self is shown as self', () => {
    expect(run(start, { type: 'participant', participant: { ...me, video: false } }).self?.video).toBe(false);
  });

  test('a departure of someone unknown gives back the same state (nothing re-renders)', () => {
    const before = run(start);
    expect(roomReducer(before, { type: 'participant-left', participantId: 'nobody' })).toBe(before);
  });

  test('changes make a new list and leave the previous one as it was', () => {
    const before = run(start);
    const added = roomReducer(before, { type: 'participant', participant: person('c') });
    const removed = roomReducer(before, { type: 'participant-left', participantId: 'a' });
    expect(added.others).not.toBe(before.others);
    expect(removed.others).not.toBe(before.others);
    expect(ids(before)).toEqual(['a', 'b']);
  });
});

describe('roomReducer: muting', () => {
  test('[MD2] the mute notice says who muted and when', () => {
    expect(run(joined([]), { type: 'muted-by', by: fran, at: 5 }).lastMutedBy).toEqual({ by: fran, at: 5 });
  });

  test('[MD2] each mute is a new notice, even by the same facilitator at the same moment', () => {
    const once = run(joined([]), { type: 'muted-by', by: fran, at: 5 });
    const twice = roomReducer(once, { type: 'muted-by', by: fran, at: 5 });
    expect(twice.lastMutedBy).toEqual(once.lastMutedBy);
    expect(twice.lastMutedBy).not.toBe(once.lastMutedBy);
  });

  test('a rejoin after a lost connection does not repeat an earlier mute notice', () => {
    const muted = run(joined([]), { type: 'muted-by', by: fran, at: 5 });
    const back = [{ type: 'connection-lost' } as const, joined([], 't2')].reduce(roomReducer, muted);
    expect(back.lastMutedBy).toBe(muted.lastMutedBy);
  });

  test('[MD1] when they unmute themselves, mutedBy is cleared and their audio plays again', () => {
    const muted = run(joined([]), { type: 'participant', participant: { ...me, audio: false, mutedBy: fran } });
    expect(muted.self?.mutedBy).toEqual(fran);
    const unmuted = roomReducer(muted, { type: 'participant', participant: { ...me, audio: true, mutedBy: null } });
    expect(unmuted.self?.mutedBy).toBeNull();
    expect(audioAllowed(unmuted.self ?? me)).toBe(true);
  });

  test('[MD2] everyone sees a muted participant as muted until they unmute', () => {
    const muted = run(joined([person('a')]), { type: 'participant', participant: person('a', { audio: false, mutedBy: fran }) });
    expect(audioAllowed(muted.others.get('a') ?? person('missing'))).toBe(false);
    const unmuted = roomReducer(muted, { type: 'participant', participant: person('a') });
    expect(unmuted.others.get('a')?.mutedBy).toBeNull();
    expect(audioAllowed(unmuted.others.get('a') ?? person('missing'))).toBe(true);
  });
});

describe('roomReducer: connection and endings', () => {
  const inRoom = run(joined([person('a')]));
  const phases: Record<'connecting' | 'in-room' | 'reconnecting', RoomState> = {
    connecting: initialRoomState,
    'in-room': inRoom,
    reconnecting: roomReducer(inRoom, { type: 'connection-lost' }),
  };

  test.each([
    { from: 'connecting', expected: 'connecting' },
    { from: 'in-room', expected: 'reconnecting' },
    { from: 'reconnecting', expected: 'reconnecting' },
  ] as const)('a lost connection while $from -> $expected', ({ from, expected }) => {
    expect(roomReducer(phases[from], { type: 'connection-lost' }).phase.kind).toBe(expected);
  });

  test('[RS2] a server restart is a pause with its own words; failed retries keep them; the rejoin ends it', () => {
    const restarting = roomReducer(inRoom, { type: 'connection-lost', restarting: true });
    expect(restarting.phase).toEqual({ kind: 'reconnecting', restarting: true });
    expect(roomReducer(restarting, { type: 'connection-lost' }).phase).toEqual({ kind: 'reconnecting', restarting: true });
    expect(roomReducer(phases.reconnecting, { type: 'connection-lost', restarting: true }).phase).toEqual({ kind: 'reconnecting', restarting: true });
    expect(restarting.self).toEqual(me);
    expect(roomReducer(restarting, joined([], 't3')).phase).toEqual({ kind: 'in-room' });
  });

  test('while reconnecting, everyone stays on screen until the rejoin answers', () => {
    expect(phases.reconnecting.self).toEqual(me);
    expect(ids(phases.reconnecting)).toEqual(['a']);
  });

  const error = { code: 'room_full', message: 'Full' } as const;
  const endings: Array<{ label: string; action: RoomAction; phase: RoomPhase }> = [
    { label: 'refused', action: { type: 'refused', error }, phase: { kind: 'refused', error } },
    { label: 'closed (removed)', action: { type: 'closed', reason: 'removed' }, phase: { kind: 'closed', reason: 'removed' } },
    { label: 'closed (replaced)', action: { type: 'closed', reason: 'replaced' }, phase: { kind: 'closed', reason: 'replaced' } },
    { label: 'left', action: { type: 'left' }, phase: { kind: 'left' } },
  ];
  test.each((['connecting', 'in-room', 'reconnecting'] as const).flatMap((from) => endings.map((e) => ({ from, ...e }))))(
    '$label while $from ends the room',
    ({ from, action, phase }) => {
      const state = roomReducer(phases[from], action);
      expect(state.phase).toEqual(phase);
      expect(isFinished(state.phase)).toBe(true);
    },
  );

  const everyAction: RoomAction[] = [
    joined([person('x')], 't9'),
    { type: 'participant', participant: person('x') },
    { type: 'participant', participant: { ...me, audio: false } },
    { type: 'participant-left', participantId: 'a' },
    { type: 'muted-by', by: fran, at: 9 },
    { type: 'connection-lost' },
    ...endings.map((e) => e.action),
  ];
  test.each(endings)('once $label, no later event changes anything (a new room is mounted to rejoin)', ({ action: ending }) => {
    const finished = roomReducer(inRoom, ending);
    for (const action of everyAction) expect(roomReducer(finished, action), action.type).toBe(finished);
  });
});

describe('isFinished', () => {
  test.each<{ phase: RoomPhase; expected: boolean }>([
    { phase: { kind: 'connecting' }, expected: false },
    { phase: { kind: 'in-room' }, expected: false },
    { phase: { kind: 'reconnecting', restarting: false }, expected: false },
    { phase: { kind: 'reconnecting', restarting: true }, expected: false },
    { phase: { kind: 'refused', error: { code: 'removed', message: 'Removed' } }, expected: true },
    { phase: { kind: 'closed', reason: 'session_ended' }, expected: true },
    { phase: { kind: 'left' }, expected: true },
  ])('$phase.kind -> $expected', ({ phase, expected }) => {
    expect(isFinished(phase)).toBe(expected);
  });
});

describe('audioAllowed', () => {
  test.each([
    ['microphone on, nobody muted them', { audio: true, mutedBy: null, expected: true }],
    ['microphone off', { audio: false, mutedBy: null, expected: false }],
    ['[MD2] muted by a facilitator', { audio: false, mutedBy: fran, expected: false }],
    ['[MD2] muted by a facilitator, even if audio still says on', { audio: true, mutedBy: fran, expected: false }],
  ] as const)('%s', (_name, { audio, mutedBy, expected }) => {
    expect(audioAllowed(person('a', { audio, mutedBy }))).toBe(expected);
  });
});

describe('orderedParticipants', () => {
  test.each<[string, Participant[], string[]]>([
    ['only self', [], ['me']],
    ['self first even when they joined last', [person('a', { joinedAt: 1 })], ['me', 'a']],
    ['others in the order they joined', [person('late', { joinedAt: 200 }), person('early', { joinedAt: 50 })], ['me', 'early', 'late']],
    ['same moment: ordered by id, whatever order they arrived in', [person('b'), person('a')], ['me', 'a', 'b']],
  ])('%s', (_name, others, expected) => {
    const map = new Map(others.map((p) => [p.id, p] as const));
    expect(orderedParticipants(me, map).map((p) => p.id)).toEqual(expected);
  });
});
