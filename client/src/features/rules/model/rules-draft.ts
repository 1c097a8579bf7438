import { SaveRulesBodySchema, type RuleSet, type RuleTemplate, type SaveRulesBody, maxLengthOf } from '@hearth/shared';

/** From the schema the server checks a save against. */
export const rulesLimits = {
  text: maxLengthOf(SaveRulesBodySchema, 'rules', 'items', 'text'),
  confidentiality: maxLengthOf(SaveRulesBodySchema, 'confidentiality'),
} as const;

/**
 * The facilitator's working copy of the rules, edited freely and saved whole as a new version. `key`
 * is for React only; `id` is the server's, kept so a reworded or moved rule stays the same rule.
 */
export interface DraftRule {
  key: string;
  id?: string;
  text: string;
}
export interface RulesDraft {
  basedOn: number | null;
  confidentiality: string;
  rules: DraftRule[];
}

let nextKey = 1;
const key = () => `draft-${nextKey++}`;

export function draftFrom(ruleSet: RuleSet | null): RulesDraft {
  if (!ruleSet) return { basedOn: null, confidentiality: '', rules: [] };
  return { basedOn: ruleSet.version, confidentiality: ruleSet.confidentiality, rules: ruleSet.rules.map((r) => ({ key: key(), id: r.id, text: r.text })) };
}

/** A template's wording replaces the draft; it still saves on top of whatever version is current. */
export function draftFromTemplate(template: RuleTemplate, basedOn: number | null): RulesDraft {
  return { basedOn, confidentiality: template.confidentiality, rules: template.rules.map((text) => ({ key: key(), text })) };
}

export function addRule(draft: RulesDraft): RulesDraft {
  return { ...draft, rules: [...draft.rules, { key: key(), text: '' }] };
}

export function editRule(draft: RulesDraft, index: number, text: string): RulesDraft {
  return { ...draft, rules: draft.rules.map((r, i) => (i === index ? { ...r, text } : r)) };
}

export function removeRule(draft: RulesDraft, index: number): RulesDraft {
  return { ...draft, rules: draft.rules.filter((_, i) => i !== index) };
}

/** Moves a rule one place up (-1) or down (+1); at either end nothing moves. */
export function moveRule(draft: RulesDraft, index: number, delta: -1 | 1): RulesDraft {
  const target = index + delta;
  if (target < 0 || target >= draft.rules.length) return draft;
  const rules = [...draft.rules];
  [rules[index], rules[target]] = [rules[target]!, rules[index]!];
  return { ...draft, rules };
}

/** What is wrong with the draft in words, or null when it can be saved. */
export function draftProblem(draft: RulesDraft): string | null {
  if (!draft.confidentiality.trim()) return 'Write the confidentiality statement, including its limits.';
  if (draft.rules.length === 0) return 'Add at least one rule.';
  const empty = draft.rules.findIndex((r) => !r.text.trim());
  if (empty >= 0) return `Rule ${empty + 1} is empty: write it or remove it.`;
  if (draft.rules.some((r) => r.text.length > rulesLimits.text)) return `Keep each rule under ${rulesLimits.text} characters.`;
  if (draft.confidentiality.length > rulesLimits.confidentiality) return `Keep the confidentiality statement under ${rulesLimits.confidentiality} characters.`;
  return null;
}

export function saveBody(draft: RulesDraft): SaveRulesBody {
  return {
    basedOn: draft.basedOn,
    confidentiality: draft.confidentiality.trim(),
    rules: draft.rules.map((r) => (r.id ? { id: r.id, text: r.text.trim() } : { text: r.text.trim() })),
  };
}
