import { describe, expect, it } from 'vitest';
import type { TalkStats } from '@hearth/shared';
import { balanceReading, balanceWords, durationWords, percentWords } from '../../client/src/lib/talk-words.js';
import { announcementFor, initialTalkTimeState, talkTimeReducer } from '../../client/src/features/room/talk-time/talk-time-state.js';
import { chartPoints } from '../../client/src/features/dashboard/model/balance-chart.js';

const stats = (over: Partial<TalkStats> = {}): TalkStats => ({
  at: 0,
  members: [
    { participantId: 'sam', displayName: 'Sam', talkMs: 4000, share: 1, fairShare: 0.5, present: true },
    { participantId: 'alex', displayName: 'Alex', talkMs: 0, share: 0, fairShare: 0.5, present: true },
  ],
  facilitators: [],
  memberTalkMs: 4000,
  balance: 0,
  notSpokenYet: ['alex'],
  membersSeeOwnShare: false,
  ...over,
});

describe('talk-time words', () => {
  it.each([
    [0, '0 s'],
    [45_900, '45 s'],
    [185_000, '3 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('durationWords(%i) = %s', (ms, words) => expect(durationWords(ms)).toBe(words));

  it('shares and balance readings, with no ranking or judgement of a person', () => {
    expect(percentWords(null)).toBe('—');
    expect(percentWords(0.256)).toBe('26%');
    expect(balanceReading(null)).toMatch(/not enough talk/i);
    expect(balanceReading(0.95)).toBe('Talk is shared evenly.');
    expect(balanceWords(0.6)).toBe('60 out of 100. A few voices are carrying most of the talk.');
    for (const b of [0, 0.3, 0.6, 0.8, 1]) expect(balanceReading(b)).not.toMatch(/top|rank|winner|too much|bad|good|dominat/i);
  });
});

describe('[TT5] the panel announces only meaningful changes', () => {
  it('someone speaking for the first time, or the balance moving into another band; nothing for a mere tick', () => {
    const before = stats();
    expect(announcementFor(before, stats({ at: 1000, memberTalkMs: 5000 }))).toBe('');
    const after = stats({
      members: [before.members[0]!, { ...before.members[1]!, talkMs: 3000 }],
      notSpokenYet: [],
      balance: 0.98,
    });
    expect(announcementFor(before, after)).toBe('Alex has spoken for the first time. Talk is shared evenly.');
  });

  it('is silent while the panel is closed', () => {
    let state = talkTimeReducer(initialTalkTimeState, { type: 'stats', stats: stats() });
    state = talkTimeReducer(state, { type: 'stats', stats: stats({ balance: 0.99, notSpokenYet: [] }) });
    expect(state.announcement).toBe('');
    state = talkTimeReducer(state, { type: 'toggle' });
    expect(state.open).toBe(true);
    state = talkTimeReducer(state, { type: 'stats', stats: stats({ balance: 0.1 }) });
    expect(state.announcement).toBe('One or two voices are carrying most of the talk.');
  });
});

describe('[TT9] balance chart points', () => {
  it('spreads samples across time, balance upwards, leaving out samples with no balance', () => {
    const got = chartPoints([{ at: 0, balance: null }, { at: 1000, balance: 0 }, { at: 2000, balance: 0.5 }, { at: 3000, balance: 1 }], 300, 100);
    expect(got.points).toEqual([[0, 100], [150, 50], [300, 0]]);
    expect(got).toMatchObject({ first: '0', last: '100' });
    expect(chartPoints([], 300, 100)).toEqual({ points: [], first: 'nothing', last: 'nothing' });
  });
});
