import { describe, expect, it } from 'vitest';
import { duration, orderHands, SPOKEN_WEIGHT } from '@hearth/shared';

const MIN = 60_000;
const NOW = 10 * MIN;
const hand = (participantId: string, waitedMs: number, spokenMs: number) => ({ participantId, raisedAt: NOW - waitedMs, spokenMs });

describe('[FL1] the order of raised hands (pure, clock passed in)', () => {
  const sam = hand('sam', 3 * MIN, 8 * MIN); // raised first, has spoken a lot
  const alex = hand('alex', 2 * MIN, 0); // has not spoken yet
  const kim = hand('kim', 1 * MIN, 2 * MIN);

  it('first-come: by when the hand went up, whatever anyone has said', () => {
    expect(orderHands([kim, alex, sam], 'first_come', NOW).map((o) => [o.hand.participantId, o.place])).toEqual([['sam', 1], ['alex', 2], ['kim', 3]]);
  });

  it('fair: waiting counts for a hand, time already spoken against it (half a minute per minute)', () => {
    expect(SPOKEN_WEIGHT).toBe(0.5);
    // sam: 3 − 4 = −1; alex: 2 − 0 = 2; kim: 1 − 1 = 0.
    expect(orderHands([sam, alex, kim], 'fair', NOW).map((o) => o.hand.participantId)).toEqual(['alex', 'kim', 'sam']);
  });

  it('fair: as time passes, a long wait overtakes talk time', () => {
    const later = NOW + 10 * MIN;
    // sam: 13 − 4 = 9; alex: 12; kim: 11 − 1 = 10.
    expect(orderHands([sam, alex, kim], 'fair', later).map((o) => o.hand.participantId)).toEqual(['alex', 'kim', 'sam']);
    const loud = hand('lee', 20 * MIN, 10 * MIN); // 20 − 5 = 15 beats alex's 2
    expect(orderHands([alex, loud], 'fair', NOW)[0]!.hand.participantId).toBe('lee');
  });

  it('ties go to the hand raised first', () => {
    const a = hand('a', 2 * MIN, 2 * MIN);
    const b = hand('b', 1 * MIN, 0);
    // a: 2 − 1 = 1; b: 1 − 0 = 1.
    expect(orderHands([b, a], 'fair', NOW).map((o) => o.hand.participantId)).toEqual(['a', 'b']);
  });

  it('hands raised in the same millisecond keep the order they arrived in, whatever their ids', () => {
    // zoe's hand arrived first; an id tie-break would put amy ahead of her.
    const zoe = hand('zoe', 1 * MIN, 0);
    const amy = hand('amy', 1 * MIN, 0);
    expect(orderHands([zoe, amy], 'first_come', NOW).map((o) => [o.hand.participantId, o.place])).toEqual([['zoe', 1], ['amy', 2]]);
    expect(orderHands([zoe, amy], 'fair', NOW).map((o) => o.hand.participantId)).toEqual(['zoe', 'amy']);
  });

  it('gives the reason for each position in words', () => {
    expect(orderHands([sam, alex, kim], 'fair', NOW).map((o) => o.reason)).toEqual([
      'waiting 2 min · has not spoken yet',
      'waiting 1 min · has spoken 2 min',
      'waiting 3 min · has spoken most',
    ]);
    const quietest = [hand('p', 30_000, 2 * MIN), hand('q', 90_000, 5 * MIN)];
    expect(orderHands(quietest, 'first_come', NOW).map((o) => o.reason)).toEqual([
      'waiting 1 min · has spoken most',
      'waiting less than a minute · has spoken least',
    ]);
  });

  it('a lone hand is never "least" or "most"', () => {
    expect(orderHands([hand('x', 5 * MIN, 3 * MIN)], 'fair', NOW)[0]).toMatchObject({ place: 1, waitedMs: 5 * MIN, reason: 'waiting 5 min · has spoken 3 min' });
  });

  it('a hand from a clock ahead of ours has waited zero, never negative', () => {
    expect(orderHands([{ participantId: 'x', raisedAt: NOW + 5000, spokenMs: 0 }], 'first_come', NOW)[0]!.waitedMs).toBe(0);
  });

  it.each([[0, 'less than a minute'], [59_999, 'less than a minute'], [60_000, '1 min'], [12.5 * MIN, '12 min']])('duration(%i) is "%s"', (ms, words) => {
    expect(duration(ms)).toBe(words);
  });

  it('no hands, no queue', () => {
    expect(orderHands([], 'fair', NOW)).toEqual([]);
  });
});
