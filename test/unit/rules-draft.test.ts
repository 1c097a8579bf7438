import type { RuleSet } from '@hearth/shared';
import { describe, expect, it, test } from 'vitest';
import { addRule, draftFrom, draftFromTemplate, draftProblem, editRule, moveRule, removeRule, saveBody } from '../../client/src/features/rules/model/rules-draft.js';

const v3: RuleSet = { groupId: 'g', version: 3, confidentiality: 'Stays here', rules: [{ id: 'a', text: 'Respect' }, { id: 'b', text: 'Pass' }], createdAt: 0 };

describe('the facilitator\'s draft of the rules', () => {
  it('editing, reordering, adding and removing keep server ids, and save on top of the version it came from', () => {
    let draft = draftFrom(v3);
    draft = editRule(draft, 0, ' Respect everyone ');
    draft = moveRule(draft, 1, -1);
    draft = addRule(draft);
    draft = editRule(draft, 2, 'Phones away');
    draft = removeRule(draft, 0);
    expect(saveBody(draft)).toEqual({ basedOn: 3, confidentiality: 'Stays here', rules: [{ id: 'a', text: 'Respect everyone' }, { text: 'Phones away' }] });
  });

  test.each([[0, -1], [1, 1]] as const)('moving rule %i by %i at the edge changes nothing', (index, delta) => {
    const draft = draftFrom(v3);
    expect(moveRule(draft, index, delta)).toBe(draft);
  });

  it('a template fills the draft with new rules on top of the current version', () => {
    const draft = draftFromTemplate({ id: 'peer_support', name: 'Peer', confidentiality: 'C', rules: ['One', 'Two'] }, 3);
    expect(saveBody(draft)).toEqual({ basedOn: 3, confidentiality: 'C', rules: [{ text: 'One' }, { text: 'Two' }] });
  });

  test.each([
    ['no confidentiality statement', { ...draftFrom(v3), confidentiality: ' ' }, /confidentiality/],
    ['no rules', { ...draftFrom(v3), rules: [] }, /at least one/],
    ['an empty rule', addRule(draftFrom(v3)), /Rule 3 is empty/],
  ])('%s is explained before saving', (_name, draft, message) => {
    expect(draftProblem(draft)).toMatch(message);
  });

  it('a complete draft has no problem', () => {
    expect(draftProblem(draftFrom(v3))).toBeNull();
  });
});
