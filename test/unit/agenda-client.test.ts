import type { AgendaPhase, SessionAgenda } from '@hearth/shared';
import { describe, expect, it, test } from 'vitest';
import { addPhase, agendaDraftFrom, agendaProblem, agendaSaveBody, editPhase, movePhase, removePhase } from '../../client/src/features/rules/model/agenda-draft.js';
import { agendaReducer, describePhase, entersRulesPhase, initialAgendaState } from '../../client/src/features/room/rules/agenda-state.js';
import { groundRulesReducer, initialGroundRulesState } from '../../client/src/features/room/rules/ground-rules-state.js';

const phases: AgendaPhase[] = [
  { id: 'a', name: 'Welcome', opensRules: false },
  { id: 'b', name: 'Ground rules', opensRules: true },
  { id: 'c', name: 'Closing', opensRules: false },
];
const at = (currentPhaseId: string | null): SessionAgenda => ({ phases, currentPhaseId, changedAt: currentPhaseId ? 1 : null });

describe('the facilitator\'s draft of the agenda', () => {
  it('renaming, reordering, adding and removing keep server ids', () => {
    let draft = agendaDraftFrom(phases);
    draft = editPhase(draft, 0, { name: ' Arriving ' });
    draft = movePhase(draft, 1, -1);
    draft = addPhase(draft);
    draft = editPhase(draft, 3, { name: 'Reflection', opensRules: false });
    draft = removePhase(draft, 2);
    expect(agendaSaveBody(draft)).toEqual({
      phases: [{ id: 'b', name: 'Ground rules', opensRules: true }, { id: 'a', name: 'Arriving', opensRules: false }, { name: 'Reflection', opensRules: false }],
    });
  });

  test.each([
    ['no phases', [], 'An agenda needs at least one phase.'],
    ['a blank name', [{ id: 'a', name: ' ', opensRules: false }], 'Phase 1 needs a name.'],
  ])('says what is wrong with %s', (_name, list, message) => {
    expect(agendaProblem(agendaDraftFrom(list))).toBe(message);
  });

  it('stops adding at twelve phases', () => {
    let draft = agendaDraftFrom([]);
    for (let i = 0; i < 15; i++) draft = addPhase(draft);
    expect(draft).toHaveLength(12);
  });
});

describe('the current phase in the room', () => {
  it('is described with its position, or not at all before the agenda starts', () => {
    expect(describePhase(at('b'))).toEqual({ name: 'Ground rules', position: 'phase 2 of 3' });
    expect(describePhase(at(null))).toBeNull();
    expect(describePhase(null)).toBeNull();
  });

  it('announces a change politely, but not joining and not a repeat of the same phase', () => {
    const joined = agendaReducer(initialAgendaState, { type: 'loaded', agenda: at('a') });
    expect(joined.announcement).toBeNull();
    const moved = agendaReducer(joined, { type: 'moved', agenda: at('b') });
    expect(moved.announcement?.text).toBe('Now: Ground rules, phase 2 of 3.');
    expect(agendaReducer(moved, { type: 'moved', agenda: at('b') }).announcement).toBe(moved.announcement);
  });

  test.each<[string | null, string | null, boolean]>([
    ['a', 'b', true], [null, 'b', true], ['b', 'b', false], ['b', 'c', false],
  ])('moving from %s to %s opens the rules: %s', (from, to, opens) => {
    expect(entersRulesPhase(from === null ? null : at(from), at(to))).toBe(opens);
  });

  it('opening the rules panel for the phase leaves it open, and a member can close it again', () => {
    const opened = groundRulesReducer(initialGroundRulesState, { type: 'opened' });
    expect(opened.open).toBe(true);
    expect(groundRulesReducer(opened, { type: 'opened' })).toBe(opened);
    expect(groundRulesReducer(opened, { type: 'toggled' }).open).toBe(false);
  });
});

describe('the rules panel opened by the agenda', () => {
  it('is marked as opened by the phase (so focus stays put), and by the person once they toggle it', () => {
    const opened = groundRulesReducer(initialGroundRulesState, { type: 'opened' });
    expect(opened.openedByPhase).toBe(true);
    const reopened = groundRulesReducer(groundRulesReducer(opened, { type: 'toggled' }), { type: 'toggled' });
    expect(reopened).toMatchObject({ open: true, openedByPhase: false });
  });
});
