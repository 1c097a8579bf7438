import { describe, expect, it } from 'vitest';
import type { Participant } from '@hearth/shared';
import { hasRoomFor, withFacilitatorMute, withOwnMediaState } from '../../server/src/modules/rooms/room-state.js';

const fran = { id: 'fran', displayName: 'Fran' };
const member: Participant = {
  id: 'm1',
  displayName: 'Sam',
  organisation: null,
  role: 'member',
  audio: true,
  video: true,
  mutedBy: null,
  joinedAt: 1,
};

describe('withOwnMediaState', () => {
  it.each([
    { case: '[MD1] turning audio on clears mutedBy', before: { audio: false, mutedBy: fran }, media: { audio: true, video: false }, audio: true, mutedBy: null },
    { case: '[MD1] toggling only video while muted keeps mutedBy', before: { audio: false, mutedBy: fran }, media: { audio: false, video: false }, audio: false, mutedBy: fran },
    { case: 'turning audio off yourself does not invent a mutedBy', before: {}, media: { audio: false, video: true }, audio: false, mutedBy: null },
    { case: 'audio on when never muted', before: { audio: false }, media: { audio: true, video: true }, audio: true, mutedBy: null },
  ])('$case', ({ before, media, audio, mutedBy }) => {
    const next = withOwnMediaState({ ...member, ...before }, media);
    expect(next.audio).toBe(audio);
    expect(next.video).toBe(media.video);
    expect(next.mutedBy).toEqual(mutedBy);
  });

  it('does not change the participant it was given, nor anything but media', () => {
    const before = { ...member, audio: false, mutedBy: fran };
    const next = withOwnMediaState(before, { audio: true, video: false });
    expect(before).toEqual({ ...member, audio: false, mutedBy: fran });
    expect({ ...next, audio: before.audio, video: before.video, mutedBy: before.mutedBy }).toEqual(before);
  });
});

describe('withFacilitatorMute', () => {
  it.each([
    { case: '[MD2] a mute turns audio off and records who did it', before: { audio: true, video: true } },
    { case: '[MD2] a mute of someone already silent still records who did it', before: { audio: false, video: false } },
    { case: '[MD2] a second mute records the latest facilitator', before: { audio: false, mutedBy: { id: 'co', displayName: 'Co' } } },
  ])('$case', ({ before }) => {
    const start = { ...member, ...before };
    const next = withFacilitatorMute(start, fran);
    expect(next.audio).toBe(false);
    expect(next.video).toBe(start.video);
    expect(next.mutedBy).toEqual(fran);
  });

  it('[MD1] nothing a facilitator does turns a microphone on', () => {
    expect(withFacilitatorMute({ ...member, audio: false }, fran).audio).toBe(false);
  });
});

describe('hasRoomFor', () => {
  const present = (n: number) => new Set(Array.from({ length: n }, (_, i) => `p${i}`));
  it.each([
    { case: 'empty room', ids: present(0), who: 'new', capacity: 8, expected: true },
    { case: 'one seat left', ids: present(7), who: 'new', capacity: 8, expected: true },
    { case: 'full room refuses a newcomer', ids: present(8), who: 'new', capacity: 8, expected: false },
    { case: 'full room lets someone present back in (reload)', ids: present(8), who: 'p3', capacity: 8, expected: true },
    { case: 'smaller capacity', ids: present(2), who: 'new', capacity: 2, expected: false },
  ])('$case -> $expected', ({ ids, who, capacity, expected }) => {
    expect(hasRoomFor(ids, who, capacity)).toBe(expected);
  });
});
