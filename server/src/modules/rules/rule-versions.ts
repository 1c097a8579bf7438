import type { Rule, RuleSet, SaveRulesBody } from '@hearth/shared';

export type NextVersion =
  | { kind: 'created'; ruleSet: RuleSet }
  | { kind: 'unchanged'; ruleSet: RuleSet }
  | { kind: 'conflict'; current: RuleSet | null };

/**
 * [GR1] Every change makes a new version; nothing is edited in place. The editor sends the whole list in
 * its new order: a rule keeps its id when reworded or moved (so changes can be highlighted later), and
 * any id the current version does not have (or a repeated one) is treated as a new rule with a new id,
 * so a client cannot smuggle in ids of its own choosing. `basedOn` must be the current version: a save
 * made from a stale page is refused rather than silently overwriting a colleague's change.
 */
export function nextVersion(current: RuleSet | null, body: SaveRulesBody, groupId: string, now: number, newRuleId: () => string): NextVersion {
  if ((current?.version ?? null) !== body.basedOn) return { kind: 'conflict', current };
  const known = new Set(current?.rules.map((r) => r.id) ?? []);
  const used = new Set<string>();
  const rules: Rule[] = body.rules.map(({ id, text }) => {
    const keep = id !== undefined && known.has(id) && !used.has(id);
    const ruleId = keep ? id : newRuleId();
    used.add(ruleId);
    return { id: ruleId, text: text.trim() };
  });
  const confidentiality = body.confidentiality.trim();
  if (current && sameContent(current, confidentiality, rules)) return { kind: 'unchanged', ruleSet: current };
  return { kind: 'created', ruleSet: { groupId, version: (current?.version ?? 0) + 1, confidentiality, rules, createdAt: now } };
}

function sameContent(current: RuleSet, confidentiality: string, rules: Rule[]): boolean {
  return (
    current.confidentiality === confidentiality &&
    current.rules.length === rules.length &&
    current.rules.every((r, i) => r.id === rules[i]?.id && r.text === rules[i]?.text)
  );
}
