import type { RuleSet } from '@hearth/shared';
import { describe, expect, it, test } from 'vitest';
import { canConsentTo, consentRequired } from '../../server/src/modules/rules/consent.js';
import { diffRuleSets } from '../../server/src/modules/rules/rule-diff.js';
import { ruleTemplates } from '../../server/src/modules/rules/rule-templates.js';
import { nextVersion } from '../../server/src/modules/rules/rule-versions.js';

const T = 1_000;
function ids() {
  let n = 0;
  return () => `r${++n}`;
}
const v1: RuleSet = {
  groupId: 'g',
  version: 1,
  confidentiality: 'What is said here stays here, unless someone is at risk of serious harm.',
  rules: [
    { id: 'a', text: 'Respect' },
    { id: 'b', text: 'One voice at a time' },
    { id: 'c', text: 'Phones away' },
  ],
  createdAt: 0,
};

describe('[GR1] every change makes a new version', () => {
  it('the first save makes version 1 with fresh ids', () => {
    const out = nextVersion(null, { basedOn: null, confidentiality: ' Kept here ', rules: [{ text: ' Respect ' }, { text: 'Pass' }] }, 'g', T, ids());
    expect(out).toEqual({ kind: 'created', ruleSet: { groupId: 'g', version: 1, confidentiality: 'Kept here', rules: [{ id: 'r1', text: 'Respect' }, { id: 'r2', text: 'Pass' }], createdAt: T } });
  });

  it('editing, reordering and adding keep known ids and make version n+1', () => {
    const out = nextVersion(v1, { basedOn: 1, confidentiality: v1.confidentiality, rules: [{ id: 'c', text: 'Phones away' }, { id: 'a', text: 'Respect everyone' }, { text: 'No advice unless asked' }] }, 'g', T, ids());
    expect(out.kind).toBe('created');
    if (out.kind !== 'created') return;
    expect(out.ruleSet.version).toBe(2);
    expect(out.ruleSet.rules).toEqual([{ id: 'c', text: 'Phones away' }, { id: 'a', text: 'Respect everyone' }, { id: 'r1', text: 'No advice unless asked' }]);
  });

  test.each([
    ['an id the current version does not have', [{ id: 'zzz', text: 'Mine' }]],
    ['a repeated id', [{ id: 'a', text: 'Respect' }, { id: 'a', text: 'Again' }]],
  ])('%s becomes a new rule with a server id', (_name, rules) => {
    const out = nextVersion(v1, { basedOn: 1, confidentiality: 'x', rules }, 'g', T, ids());
    if (out.kind !== 'created') throw new Error(out.kind);
    expect(out.ruleSet.rules.at(-1)?.id).toBe('r1');
  });

  test.each([
    ['none when there is a version', v1, null],
    ['an older version', { ...v1, version: 3 }, 2],
    ['a version when there is none', null, 1],
  ])('a save based on %s is a conflict', (_name, current, basedOn) => {
    expect(nextVersion(current, { basedOn, confidentiality: 'x', rules: [{ text: 'y' }] }, 'g', T, ids()).kind).toBe('conflict');
  });

  it('saving the same content makes no new version', () => {
    const out = nextVersion(v1, { basedOn: 1, confidentiality: v1.confidentiality, rules: v1.rules }, 'g', T, ids());
    expect(out).toEqual({ kind: 'unchanged', ruleSet: v1 });
  });
});

describe('[GR3] changes since the version someone agreed to', () => {
  it('lists added, reworded and removed rules, and a changed confidentiality statement; a move alone is not a change', () => {
    const v2: RuleSet = { ...v1, version: 2, confidentiality: 'Changed', rules: [{ id: 'c', text: 'Phones away' }, { id: 'a', text: 'Respect everyone' }, { id: 'd', text: 'New' }] };
    expect(diffRuleSets(v1, v2)).toEqual({ fromVersion: 1, added: ['d'], changed: ['a'], removed: [{ id: 'b', text: 'One voice at a time' }], confidentialityChanged: true });
  });

  it('identical versions have no changes', () => {
    expect(diffRuleSets(v1, { ...v1, version: 2 })).toEqual({ fromVersion: 1, added: [], changed: [], removed: [], confidentialityChanged: false });
  });
});

describe('[GR4] who must agree', () => {
  test.each([
    ['member', 2, null, true],
    ['member', 2, 1, true],
    ['member', 2, 2, false],
    ['member', null, null, false],
    ['facilitator', 2, null, false],
    ['co_facilitator', 2, null, false],
  ] as const)('%s, current %s, agreed to %s: required %s', (role, current, agreed, required) => {
    expect(consentRequired(role, current, agreed)).toBe(required);
  });

  test.each([
    [2, 2, true],
    [2, 1, false],
    [null, 1, false],
  ])('current %s, agreeing to %s counts: %s', (current, version, expected) => {
    expect(canConsentTo(current, version)).toBe(expected);
  });
});

describe('starting templates', () => {
  it.each(ruleTemplates.map((t) => [t.id, t] as const))('%s covers the practice\'s ground rules', (_id, template) => {
    expect(template.confidentiality).toMatch(/serious harm/);
    const all = template.rules.join(' ').toLowerCase();
    for (const topic of ['respect', 'one voice at a time', 'right to pass', 'advice', 'screenshots', 'phones away']) expect(all).toContain(topic);
  });

  it('offers peer, client and staff-across-organisations groups', () => {
    expect(ruleTemplates.map((t) => t.id)).toEqual(['peer_support', 'client_support', 'staff_support']);
  });
});
