import { SaveAgendaBodySchema, type AgendaPhase, type SaveAgendaBody, limitOf, maxLengthOf } from '@hearth/shared';

/**
 * The agenda being edited: phases in order, each with a stable React key (a phase keeps its server id,
 * so a live session stays in a renamed or moved phase). Pure, so editing is tested without a browser.
 */
export interface DraftPhase {
  key: string;
  id: string | undefined;
  name: string;
  opensRules: boolean;
}

let nextKey = 1;
const key = () => `phase-${nextKey++}`;

export const agendaLimits = {
  phases: limitOf(SaveAgendaBodySchema, 'maxItems', 'phases'),
  name: maxLengthOf(SaveAgendaBodySchema, 'phases', 'items', 'name'),
} as const;

export function agendaDraftFrom(phases: readonly AgendaPhase[]): DraftPhase[] {
  return phases.map((p) => ({ key: key(), id: p.id, name: p.name, opensRules: p.opensRules }));
}

export function addPhase(draft: DraftPhase[]): DraftPhase[] {
  return draft.length >= agendaLimits.phases ? draft : [...draft, { key: key(), id: undefined, name: '', opensRules: false }];
}

export function editPhase(draft: DraftPhase[], index: number, change: Partial<Pick<DraftPhase, 'name' | 'opensRules'>>): DraftPhase[] {
  return draft.map((p, i) => (i === index ? { ...p, ...change } : p));
}

export function movePhase(draft: DraftPhase[], index: number, delta: -1 | 1): DraftPhase[] {
  const to = index + delta;
  if (to < 0 || to >= draft.length) return draft;
  const next = [...draft];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function removePhase(draft: DraftPhase[], index: number): DraftPhase[] {
  return draft.filter((_, i) => i !== index);
}

/** What to tell the facilitator before saving, or null when the draft can be saved. */
export function agendaProblem(draft: DraftPhase[]): string | null {
  if (draft.length === 0) return 'An agenda needs at least one phase.';
  const blank = draft.findIndex((p) => p.name.trim() === '');
  return blank === -1 ? null : `Phase ${blank + 1} needs a name.`;
}

export function agendaSaveBody(draft: DraftPhase[]): SaveAgendaBody {
  return { phases: draft.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), opensRules: p.opensRules })) };
}
