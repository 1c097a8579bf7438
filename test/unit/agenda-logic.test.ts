import type { AgendaPhase, MovePhase } from '@hearth/shared';
import { describe, expect, it, test } from 'vitest';
import { defaultPhases, entersRulesPhase, movePhase, phasesFromSave, SessionPhases } from '../../server/src/modules/agenda/agenda.js';

const phases: AgendaPhase[] = [
  { id: 'a', name: 'Welcome', opensRules: false },
  { id: 'b', name: 'Ground rules', opensRules: true },
  { id: 'c', name: 'Closing', opensRules: false },
];

describe('[AG1] default agenda', () => {
  it('is the five phases the practice uses, and only the ground-rules phase opens the rules', () => {
    expect(defaultPhases.map((p) => p.name)).toEqual(['Welcome and check-in', 'Ground rules', 'Main discussion or activity', 'Sharing and feedback', 'Closing']);
    expect(defaultPhases.filter((p) => p.opensRules).map((p) => p.id)).toEqual(['ground-rules']);
  });
});

describe('[AG3] moving through phases', () => {
  test.each<[string, string | null, MovePhase, string | null | 'refused']>([
    ['next from not started enters the first phase', null, { step: 'next' }, 'a'],
    ['next moves one on', 'a', { step: 'next' }, 'b'],
    ['previous moves one back', 'c', { step: 'previous' }, 'b'],
    ['next at the last phase is refused', 'c', { step: 'next' }, 'refused'],
    ['previous at the first phase is refused', 'a', { step: 'previous' }, 'refused'],
    ['previous before starting is refused', null, { step: 'previous' }, 'refused'],
    ['a named phase is reached from anywhere', 'a', { phaseId: 'c' }, 'c'],
    ['an unknown phase is refused', 'a', { phaseId: 'zz' }, 'refused'],
    ['a removed current phase counts as not started', 'gone', { step: 'next' }, 'a'],
  ])('%s', (_name, from, move, expected) => {
    const outcome = movePhase(phases, from, move);
    if (expected === 'refused') expect(outcome.ok).toBe(false);
    else expect(outcome).toEqual({ ok: true, phase: phases.find((p) => p.id === expected) });
  });

  it('says why a move is refused', () => {
    expect(movePhase(phases, 'c', { step: 'next' })).toMatchObject({ ok: false, code: 'conflict', message: 'This is already the last phase.' });
    expect(movePhase(phases, 'a', { phaseId: 'zz' })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('entering the ground-rules phase', () => {
  test.each<[string | null, string | null, boolean]>([
    ['a', 'b', true],
    [null, 'b', true],
    ['b', 'b', false],
    ['b', 'c', false],
    ['a', null, false],
  ])('from %s to %s opens the rules: %s', (from, to, opens) => {
    expect(entersRulesPhase(phases, from, to)).toBe(opens);
  });
});

describe('saving an agenda', () => {
  it('keeps known ids, trims names, and gives new or repeated or unknown ids fresh ones', () => {
    let n = 0;
    const saved = phasesFromSave(phases, {
      phases: [
        { id: 'c', name: '  Goodbye ', opensRules: false },
        { id: 'c', name: 'Again', opensRules: false },
        { id: 'chosen-by-client', name: 'Sneaky', opensRules: false },
        { name: 'New', opensRules: true },
      ],
    }, () => `new${++n}`);
    expect(saved).toEqual([
      { id: 'c', name: 'Goodbye', opensRules: false },
      { id: 'new1', name: 'Again', opensRules: false },
      { id: 'new2', name: 'Sneaky', opensRules: false },
      { id: 'new3', name: 'New', opensRules: true },
    ]);
  });
});

describe('session phases', () => {
  it('are kept per session', () => {
    const board = new SessionPhases();
    board.set('s1', 'b', 10);
    expect(board.get('s1')).toEqual({ phaseId: 'b', at: 10 });
    expect(board.get('s2')).toBeNull();
  });
});
