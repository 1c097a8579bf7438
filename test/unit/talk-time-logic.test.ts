import { describe, expect, it } from 'vitest';
import { balance, countTurns, fairShares, talkFigures, type PersonRecord } from '../../server/src/modules/talk-time/aggregate.js';
import { clampReport, placeReport } from '../../server/src/modules/talk-time/clamp.js';
import { intersect, merge, subtract, totalMs, type Interval } from '../../server/src/modules/talk-time/intervals.js';
import { SessionLedger } from '../../server/src/modules/talk-time/ledger.js';

const T = 1_000_000;
const S = 1000;

describe('interval algebra', () => {
  it.each([
    { a: [[5, 10], [0, 3], [3, 4], [9, 12], [20, 20]] as Interval[], merged: [[0, 4], [5, 12]] },
    { a: [[10, 5]] as Interval[], merged: [] },
  ])('merge sorts, joins touching and drops empty or inverted intervals', ({ a, merged }) => {
    expect(merge(a)).toEqual(merged);
  });

  it('intersect and subtract', () => {
    const a: Interval[] = [[0, 10], [20, 30]];
    const b: Interval[] = [[5, 25]];
    expect(intersect(a, b)).toEqual([[5, 10], [20, 25]]);
    expect(subtract(a, b)).toEqual([[0, 5], [25, 30]]);
    expect(subtract([[0, 10]], [[2, 3], [5, 6]])).toEqual([[0, 2], [3, 5], [6, 10]]);
    expect(totalMs(a)).toBe(20);
  });
});

describe('[TT1] clamping a report', () => {
  const always: Interval[] = [[T - 200 * S, T + 200 * S]];

  it('places offsets on the server clock at receipt, with an open interval up to the receipt', () => {
    expect(placeReport({ intervals: [{ startAgoMs: 5000, endAgoMs: 3000 }], speakingForMs: 1000 }, T)).toEqual([[T - 5000, T - 3000], [T - 1000, T]]);
  });

  it.each([
    { case: 'plain speech', report: { intervals: [{ startAgoMs: 4000, endAgoMs: 1000 }] }, audible: always, credited: [], expected: [[T - 4000, T - 1000]] },
    { case: 'an inverted interval', report: { intervals: [{ startAgoMs: 1000, endAgoMs: 4000 }] }, audible: always, credited: [], expected: [] },
    { case: 'speech while server-muted or self-muted', report: { intervals: [{ startAgoMs: 4000, endAgoMs: 1000 }] }, audible: [[T - 100 * S, T - 10 * S]], credited: [], expected: [] },
    {
      case: 'a report covering a mute loses the muted part',
      report: { intervals: [{ startAgoMs: 10_000, endAgoMs: 0 }] },
      audible: [[T - 60 * S, T - 6000], [T - 2000, T]],
      credited: [],
      expected: [[T - 10_000, T - 6000], [T - 2000, T]],
    },
    { case: 'speech before joining', report: { intervals: [{ startAgoMs: 8000, endAgoMs: 2000 }] }, audible: [[T - 5000, T]], credited: [], expected: [[T - 5000, T - 2000]] },
    {
      case: 'overlap with what is already credited',
      report: { intervals: [{ startAgoMs: 6000, endAgoMs: 1000 }] },
      audible: always,
      credited: [[T - 8000, T - 4000]],
      expected: [[T - 4000, T - 1000]],
    },
    { case: 'the same report twice', report: { intervals: [], speakingForMs: 3000 }, audible: always, credited: [[T - 3000, T]], expected: [] },
    {
      case: 'intervals overlapping each other in one report',
      report: { intervals: [{ startAgoMs: 5000, endAgoMs: 2000 }, { startAgoMs: 4000, endAgoMs: 1000 }] },
      audible: always,
      credited: [],
      expected: [[T - 5000, T - 1000]],
    },
  ])('$case', ({ report, audible, credited, expected }) => {
    expect(clampReport({ report, receivedAt: T, audible: audible as Interval[], credited: credited as Interval[] })).toEqual(expected);
  });

  it('never credits more than the reach-back window or anything after receipt', () => {
    const got = clampReport({ report: { intervals: [{ startAgoMs: 120_000, endAgoMs: 0 }], speakingForMs: 120_000 }, receivedAt: T, audible: always, credited: [] });
    expect(got).toEqual([[T - 120_000, T]]);
    expect(got.every(([, e]) => e <= T)).toBe(true);
  });
});

describe('the ledger follows the room', () => {
  it('[TT1] credits nothing while muted, and the talk before and after a mute', () => {
    const ledger = new SessionLedger();
    ledger.observe('sam', { displayName: 'Sam', role: 'member', audible: true }, T);
    ledger.observe('sam', { displayName: 'Sam', role: 'member', audible: false }, T + 10 * S); // muted by a facilitator
    ledger.observe('sam', { displayName: 'Sam', role: 'member', audible: true }, T + 20 * S);
    ledger.credit('sam', { intervals: [{ startAgoMs: 25_000, endAgoMs: 0 }] }, T + 25 * S);
    expect(ledger.spokenMs().get('sam')).toBe(15 * S);
  });

  it('[TT2] overlapping speech is credited to each speaker', () => {
    const ledger = new SessionLedger();
    for (const id of ['sam', 'alex']) ledger.observe(id, { displayName: id, role: 'member', audible: true }, T);
    ledger.credit('sam', { intervals: [{ startAgoMs: 5000, endAgoMs: 0 }] }, T + 5 * S);
    ledger.credit('alex', { intervals: [{ startAgoMs: 5000, endAgoMs: 0 }] }, T + 5 * S);
    expect(ledger.spokenMs()).toEqual(new Map([['sam', 5000], ['alex', 5000]]));
  });

  it('an open interval grows with each report and is not counted twice when it closes', () => {
    const ledger = new SessionLedger();
    ledger.observe('sam', { displayName: 'Sam', role: 'member', audible: true }, T);
    expect(ledger.credit('sam', { intervals: [], speakingForMs: 500 }, T + 1000).startedSpeaking).toBe(true);
    expect(ledger.credit('sam', { intervals: [], speakingForMs: 750 }, T + 1250).startedSpeaking).toBe(false);
    ledger.credit('sam', { intervals: [{ startAgoMs: 1000, endAgoMs: 100 }] }, T + 1500);
    expect(ledger.spokenMs().get('sam')).toBe(900);
  });

  it('nothing is credited after leaving, and restoring from storage does not double presence', () => {
    const ledger = new SessionLedger();
    ledger.observe('sam', { displayName: 'Sam', role: 'member', audible: true }, T);
    expect(ledger.observe('sam', null, T + 10 * S).presenceClosed).toEqual([T, T + 10 * S]);
    ledger.credit('sam', { intervals: [{ startAgoMs: 5000, endAgoMs: 0 }] }, T + 12 * S);
    expect(ledger.spokenMs().get('sam')).toBe(3000);
    ledger.restore([{ id: 'sam', displayName: 'Sam', role: 'member', speech: [[T + 7 * S, T + 10 * S]], presence: [[T, T + 10 * S]] }]);
    expect(ledger.records(T + 20 * S)[0]?.present).toEqual([[T, T + 10 * S]]);
    expect(ledger.spokenMs().get('sam')).toBe(3000);
  });
});

describe('[TT3] fair share', () => {
  it('is 1/N for members present throughout', () => {
    const present: Interval[] = [[0, 60 * S]];
    const shares = fairShares(['a', 'b', 'c', 'd'].map((id) => ({ id, present })));
    for (const share of shares.values()) expect(share).toBeCloseTo(0.25);
  });

  it('is time-weighted for a late joiner and an early leaver, and adds up to 1', () => {
    // a: whole hour; b: whole hour; c joins at half time. First half N=2, second half N=3.
    const shares = fairShares([
      { id: 'a', present: [[0, 60 * S]] },
      { id: 'b', present: [[0, 60 * S]] },
      { id: 'c', present: [[30 * S, 60 * S]] },
    ]);
    expect(shares.get('a')).toBeCloseTo(0.5 * 0.5 + 0.5 / 3);
    expect(shares.get('c')).toBeCloseTo(0.5 / 3);
    expect([...shares.values()].reduce((x, y) => x + y)).toBeCloseTo(1);
  });

  it('counts only time when some member was present, and a member who left and came back by their visits', () => {
    const shares = fairShares([
      { id: 'a', present: [[0, 10 * S], [20 * S, 30 * S]] },
      { id: 'b', present: [[0, 30 * S]] },
    ]);
    // 0-10: both; 10-20: b alone; 20-30: both → a = 5+5 of 30, b = 5+10+5 of 30.
    expect(shares.get('a')).toBeCloseTo(10 / 30);
    expect(shares.get('b')).toBeCloseTo(20 / 30);
    expect(fairShares([{ id: 'a', present: [] }]).get('a')).toBe(0);
  });
});

describe('[TT4] balance (normalised entropy)', () => {
  it.each([
    { case: 'perfectly even', talk: [10, 10, 10, 10], expected: 1 },
    { case: 'one voice only', talk: [10, 0, 0, 0], expected: 0 },
    { case: 'two of four equally', talk: [10, 10, 0, 0], expected: 0.5 },
    { case: 'one member', talk: [10], expected: null },
    { case: 'nobody has spoken', talk: [0, 0, 0], expected: null },
    { case: 'no members', talk: [], expected: null },
  ])('$case → $expected', ({ talk, expected }) => {
    const got = balance(talk);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected);
  });

  it('falls as one voice dominates', () => {
    expect(balance([70, 10, 10, 10])!).toBeLessThan(balance([40, 20, 20, 20])!);
  });
});

describe('[TT8] turns', () => {
  it.each([
    { case: 'no speech', talk: [], turns: 0 },
    { case: 'one long stretch', talk: [[0, 10 * S]], turns: 1 },
    { case: 'short pauses bridge into one turn', talk: [[0, 3 * S], [4 * S, 6 * S], [7500, 9 * S]], turns: 1 },
    { case: 'a long pause starts a new turn', talk: [[0, 3 * S], [6 * S, 9 * S]], turns: 2 },
    { case: 'an "mm-hm" is not a turn', talk: [[0, 400], [10 * S, 12 * S], [20 * S, 20_300]], turns: 1 },
  ])('$case: $turns', ({ talk, turns }) => {
    expect(countTurns(talk as unknown as Interval[])).toBe(turns);
  });
});

describe('[TT5] figures for the facilitators', () => {
  const person = (id: string, role: PersonRecord['role'], firstJoinedAt: number, talkMs: number, presentNow = true): PersonRecord => ({
    id,
    displayName: id.toUpperCase(),
    role,
    firstJoinedAt,
    present: [[firstJoinedAt, 100 * S]],
    presentNow,
    talk: talkMs ? [[firstJoinedAt, firstJoinedAt + talkMs]] : [],
  });

  it('lists members in join order, keeps facilitators apart, and names who has not spoken', () => {
    const figures = talkFigures([person('zed', 'member', 0, 30 * S), person('fran', 'facilitator', 0, 50 * S), person('amy', 'member', 10, 10 * S), person('bo', 'member', 20, 0), person('sup', 'supervisor', 0, 0)]);
    expect(figures.members.map((m) => m.participantId)).toEqual(['zed', 'amy', 'bo']);
    expect(figures.facilitators).toEqual([{ participantId: 'fran', displayName: 'FRAN', talkMs: 50 * S }]);
    expect(figures.memberTalkMs).toBe(40 * S);
    expect(figures.members.map((m) => m.share)).toEqual([0.75, 0.25, 0]);
    expect(figures.notSpokenYet).toEqual(['bo']);
    expect(figures.balance).toBeCloseTo(balance([30, 10, 0])!);
  });

  it('while live the balance counts members present; once ended, every member who came', () => {
    const people = [person('a', 'member', 0, 10 * S), person('b', 'member', 0, 10 * S), person('c', 'member', 0, 0, false)];
    expect(talkFigures(people).balance).toBeCloseTo(1);
    expect(talkFigures(people, true).balance).toBeCloseTo(balance([10, 10, 0])!);
    expect(talkFigures([person('a', 'member', 0, 0)]).members[0]?.share).toBeNull();
  });
});
