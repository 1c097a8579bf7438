import { describe, expect, it } from 'vitest';
import {
  finishTurn, passTurn, reorderRound, roundSpeakers, roundView, skipTurn, startRound, turnLeftMs, withoutParticipant, type Round, type RoundStep,
} from '../../server/src/modules/floor/round-state.js';

const T0 = 1_000_000;
const settings = { id: 'r1', kind: 'check_in' as const, prompt: 'How are you arriving?', floorControl: false, turnSeconds: 60 };

function begin(speakers = ['sam', 'alex', 'kim']): Round {
  return ok(startRound(settings, speakers, T0)).round;
}
function ok(step: RoundStep): Extract<RoundStep, { ok: true }> {
  if (!step.ok) throw new Error(`refused: ${step.message}`);
  return step;
}
const who = (round: Round) => ({ current: round.currentId, again: round.again, upcoming: round.upcoming, returning: round.returning });

describe('go-round state (pure, clock passed in)', () => {
  it('[FL6] starts with the first speaker, the rest waiting in order; one turn given', () => {
    expect(who(begin())).toEqual({ current: 'sam', again: false, upcoming: ['alex', 'kim'], returning: [] });
    expect(begin().turnsGiven).toBe(1);
  });

  it('[FL6] an empty room has no round', () => {
    expect(startRound(settings, [], T0)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('[FL6] each finished turn gives the next; the last one ends the round', () => {
    let round = begin(['sam', 'alex']);
    round = ok(finishTurn(round, T0 + 1)).round;
    expect(who(round)).toEqual({ current: 'alex', again: false, upcoming: [], returning: [] });
    const end = ok(finishTurn(round, T0 + 2));
    expect(end.ended).toBe(true);
    expect(end.round.currentId).toBeNull();
    expect(end.round.turnsGiven).toBe(2);
  });

  it('[FL6] whoever passes is offered the floor again after everyone else, and can take it', () => {
    let round = begin();
    round = ok(passTurn(round, T0 + 1)).round; // sam passes
    expect(who(round)).toEqual({ current: 'alex', again: false, upcoming: ['kim'], returning: ['sam'] });
    round = ok(passTurn(round, T0 + 2)).round; // alex passes too
    round = ok(finishTurn(round, T0 + 3)).round; // kim speaks
    expect(who(round)).toEqual({ current: 'sam', again: true, upcoming: ['alex'], returning: [] });
    round = ok(finishTurn(round, T0 + 4)).round; // sam takes it this time
    expect(who(round)).toEqual({ current: 'alex', again: true, upcoming: [], returning: [] });
    expect(round.turnsGiven).toBe(5);
  });

  it('[FL6] passing the second time ends their part: nobody is asked a third time', () => {
    let round = begin(['sam', 'alex']);
    round = ok(passTurn(round, T0 + 1)).round;
    round = ok(finishTurn(round, T0 + 2)).round;
    expect(round.currentId).toBe('sam');
    const end = ok(passTurn(round, T0 + 3));
    expect(end.ended).toBe(true);
  });

  it('[FL7] skip moves past the speaker without offering again', () => {
    let round = begin(['sam', 'alex']);
    round = ok(skipTurn(round, T0 + 1)).round;
    expect(who(round)).toEqual({ current: 'alex', again: false, upcoming: [], returning: [] });
    expect(ok(skipTurn(round, T0 + 2)).ended).toBe(true);
  });

  it('[FL7] reorder takes exactly the people still to come', () => {
    const round = begin(['sam', 'alex', 'kim', 'lee']);
    expect(who(ok(reorderRound(round, ['lee', 'alex', 'kim'])).round).upcoming).toEqual(['lee', 'alex', 'kim']);
    for (const bad of [['lee', 'alex'], ['lee', 'alex', 'sam'], ['lee', 'lee', 'kim'], ['lee', 'alex', 'kim', 'sam']]) {
      expect(reorderRound(round, bad)).toMatchObject({ ok: false, code: 'invalid_payload' });
    }
  });

  it('[FL7] someone leaving leaves the round; if it was their turn the next begins', () => {
    let round = begin();
    round = ok(passTurn(round, T0 + 1)).round; // sam returning
    round = ok(withoutParticipant(round, 'sam', T0 + 2)).round;
    expect(who(round)).toEqual({ current: 'alex', again: false, upcoming: ['kim'], returning: [] });
    round = ok(withoutParticipant(round, 'alex', T0 + 3)).round;
    expect(who(round)).toEqual({ current: 'kim', again: false, upcoming: [], returning: [] });
    expect(ok(withoutParticipant(round, 'kim', T0 + 4)).ended).toBe(true);
  });

  it('[FL8] the soft timer counts down from each turn\'s start and goes negative; it never ends a turn', () => {
    let round = begin();
    expect(turnLeftMs(round, T0 + 20_000)).toBe(40_000);
    expect(turnLeftMs(round, T0 + 75_000)).toBe(-15_000);
    expect(round.currentId).toBe('sam');
    round = ok(finishTurn(round, T0 + 75_000)).round;
    expect(turnLeftMs(round, T0 + 80_000)).toBe(55_000);
    expect(turnLeftMs({ ...round, turnSeconds: null }, T0)).toBeNull();
  });

  it('the room\'s view carries the prompt, whose turn, who is to come and the time left', () => {
    expect(roundView(begin(), T0 + 1000)).toEqual({
      id: 'r1', kind: 'check_in', prompt: 'How are you arriving?', currentId: 'sam', again: false,
      upcoming: ['alex', 'kim'], returning: [], turnSeconds: 60, turnLeftMs: 59_000,
    });
  });

  it.each([
    { order: 'join' as const, expected: ['a', 'b', 'c', 'd'] },
    { order: 'queue' as const, expected: ['c', 'a', 'b', 'd'] },
  ])('[FL6] speakers in $order order', ({ order, expected }) => {
    // The queue may name someone no longer here ('gone'): they are left out.
    expect(roundSpeakers(order, ['a', 'b', 'c', 'd'], ['c', 'gone', 'a'], () => 0)).toEqual(expected);
  });

  it('[FL6] shuffled uses the random source given, and keeps everyone exactly once', () => {
    const values = [0.9, 0.1, 0.5];
    let i = 0;
    const shuffled = roundSpeakers('shuffled', ['a', 'b', 'c', 'd'], [], () => values[i++ % values.length]!);
    expect([...shuffled].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(shuffled).not.toEqual(['a', 'b', 'c', 'd']);
  });
});
