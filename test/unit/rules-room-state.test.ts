import { describe, expect, it } from 'vitest';
import { groundRulesReducer, initialGroundRulesState } from '../../client/src/features/room/rules/ground-rules-state.js';

const rule = { id: 'a', text: 'Phones away' };

describe('the ground rules in the room', () => {
  it('the panel opens and closes; opening clears the last note', () => {
    const noted = groundRulesReducer(initialGroundRulesState, { type: 'announce', text: 'Sent.' });
    const open = groundRulesReducer(noted, { type: 'toggled' });
    expect(open).toMatchObject({ open: true, note: null });
    expect(groundRulesReducer(open, { type: 'closed' }).open).toBe(false);
  });

  it('a spotlight shows until dismissed and is announced to screen readers', () => {
    const lit = groundRulesReducer(initialGroundRulesState, { type: 'spotlighted', spotlight: { version: 2, rule, at: 1 } });
    expect(lit.spotlight?.rule).toEqual(rule);
    expect(lit.announcement?.text).toBe('A facilitator is highlighting a ground rule: Phones away');
    expect(groundRulesReducer(lit, { type: 'spotlight-dismissed' }).spotlight).toBeNull();
  });

  it('a repeated spotlight is announced again (a fresh announcement each time)', () => {
    const once = groundRulesReducer(initialGroundRulesState, { type: 'spotlighted', spotlight: { version: 2, rule, at: 1 } });
    const twice = groundRulesReducer(once, { type: 'spotlighted', spotlight: { version: 2, rule, at: 2 } });
    expect(twice.announcement?.id).not.toBe(once.announcement?.id);
  });

  it('asks to revisit are listed for facilitators, without anyone named, and dismissed one by one', () => {
    let state = groundRulesReducer(initialGroundRulesState, { type: 'revisit-requested', request: { version: 1, rule, at: 1 } });
    state = groundRulesReducer(state, { type: 'revisit-requested', request: { version: 1, rule: { id: 'b', text: 'Pass' }, at: 2 } });
    expect(state.announcement?.text).toBe('Someone asked to revisit a ground rule: Pass');
    const first = state.revisits[0]!.key;
    state = groundRulesReducer(state, { type: 'revisit-dismissed', key: first });
    expect(state.revisits.map((r) => r.rule.text)).toEqual(['Pass']);
  });
});

describe('drafting together in the room', () => {
  const proposal = { id: 'p1', kind: 'add' as const, ruleId: null, text: 'Cameras optional', agree: 0, concern: 0, status: 'open' as const, adoptedVersion: null };

  it('a new proposal is listed and announced; answers update it quietly; the outcome is announced', () => {
    let state = groundRulesReducer(initialGroundRulesState, { type: 'proposal', proposal });
    expect(state.announcement?.text).toBe('New proposal for the ground rules: Cameras optional');
    const before = state.announcement;
    state = groundRulesReducer(state, { type: 'proposal', proposal: { ...proposal, agree: 1 } });
    expect(state.announcement).toBe(before);
    expect(state.proposals).toEqual([{ ...proposal, agree: 1 }]);
    state = groundRulesReducer(state, { type: 'proposal', proposal: { ...proposal, agree: 1, status: 'adopted', adoptedVersion: 3 } });
    expect(state.announcement?.text).toBe('Proposal adopted: Cameras optional');
  });

  it('a new version of the rules replaces the one shown', () => {
    const ruleSet = { groupId: 'g', version: 3, confidentiality: 'c', rules: [rule], createdAt: 0 };
    expect(groundRulesReducer(initialGroundRulesState, { type: 'rules-updated', ruleSet }).ruleSet).toEqual(ruleSet);
  });
});
