import type { RuleChanges, RuleSet } from '@hearth/shared';

/**
 * [GR3] What someone who agreed to `from` needs to look at again in `to`: rules that are new, rules whose
 * wording changed, rules taken out, and whether the confidentiality statement changed. A rule that only
 * moved is not a change of substance and is not highlighted.
 */
export function diffRuleSets(from: RuleSet, to: RuleSet): RuleChanges {
  const before = new Map(from.rules.map((r) => [r.id, r.text]));
  const after = new Set(to.rules.map((r) => r.id));
  return {
    fromVersion: from.version,
    added: to.rules.filter((r) => !before.has(r.id)).map((r) => r.id),
    changed: to.rules.filter((r) => before.has(r.id) && before.get(r.id) !== r.text).map((r) => r.id),
    removed: from.rules.filter((r) => !after.has(r.id)),
    confidentialityChanged: from.confidentiality !== to.confidentiality,
  };
}
