import type { Proposal, RuleSet, SaveRulesBody } from '@hearth/shared';

/**
 * Drafting together, as pure transitions. A proposal is open until a facilitator adopts it (which makes
 * a new version through rule-versions.ts) or sets it aside; after that nobody can answer it or decide
 * it again. Each person has one response (a new one replaces theirs); only the counts leave the server.
 */
export interface ProposalRecord {
  id: string;
  kind: 'add' | 'change';
  ruleId: string | null;
  text: string;
  /** participant id -> response; never sent to anyone. */
  responses: Map<string, 'agree' | 'concern'>;
  status: 'open' | 'adopted' | 'set_aside';
  adoptedVersion: number | null;
}

export type Refusal = { ok: false; code: 'not_found' | 'conflict'; message: string };

export function propose(current: RuleSet | null, input: { ruleId?: string | undefined; text: string }, id: string): { ok: true; proposal: ProposalRecord } | Refusal {
  if (input.ruleId !== undefined && !current?.rules.some((r) => r.id === input.ruleId)) {
    return { ok: false, code: 'not_found', message: 'That rule is not in the group\'s current rules.' };
  }
  const kind = input.ruleId === undefined ? 'add' : 'change';
  return { ok: true, proposal: { id, kind, ruleId: input.ruleId ?? null, text: input.text.trim(), responses: new Map(), status: 'open', adoptedVersion: null } };
}

export function respond(proposal: ProposalRecord, participantId: string, response: 'agree' | 'concern'): ProposalRecord | Refusal {
  if (proposal.status !== 'open') return { ok: false, code: 'conflict', message: 'This proposal has already been decided.' };
  const responses = new Map(proposal.responses);
  responses.set(participantId, response);
  return { ...proposal, responses };
}

/**
 * The rules a facilitator's adoption saves: the current version with the new rule added at the end, or
 * the rule's wording replaced. A rule that has since been removed cannot be changed.
 */
export function adoptionBody(current: RuleSet | null, proposal: ProposalRecord): SaveRulesBody | Refusal {
  if (proposal.status !== 'open') return { ok: false, code: 'conflict', message: 'This proposal has already been decided.' };
  if (!current) return { ok: false, code: 'conflict', message: 'Write the group\'s rules (with its confidentiality statement) before adopting proposals.' };
  if (proposal.kind === 'change' && !current.rules.some((r) => r.id === proposal.ruleId)) {
    return { ok: false, code: 'conflict', message: 'That rule is no longer in the group\'s rules.' };
  }
  const kept: SaveRulesBody['rules'] = current.rules.map((r) => ({ id: r.id, text: r.id === proposal.ruleId ? proposal.text : r.text }));
  const rules = proposal.kind === 'add' ? [...kept, { text: proposal.text }] : kept;
  return { basedOn: current.version, confidentiality: current.confidentiality, rules };
}

export function decided(proposal: ProposalRecord, decision: 'adopt' | 'set_aside', version: number | null): ProposalRecord | Refusal {
  if (proposal.status !== 'open') return { ok: false, code: 'conflict', message: 'This proposal has already been decided.' };
  return decision === 'adopt' ? { ...proposal, status: 'adopted', adoptedVersion: version } : { ...proposal, status: 'set_aside' };
}

export function isRefusal<T>(value: T | Refusal): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** What everyone sees: counts, never who. */
export function publicProposal(p: ProposalRecord): Proposal {
  let agree = 0;
  let concern = 0;
  for (const r of p.responses.values()) if (r === 'agree') agree++; else concern++;
  return { id: p.id, kind: p.kind, ruleId: p.ruleId, text: p.text, agree, concern, status: p.status, adoptedVersion: p.adoptedVersion };
}

/**
 * Each live session's proposals. In one process they are in memory (ProposalBoard); with several nodes, in
 * Redis (proposals-redis.ts) [ND11]. Every method is async for both. A change is a compare-and-set against
 * the proposal as it was read, so two responses landing at once on two nodes are both counted (the loser
 * reads again), and a decision is claimed once across nodes.
 */
export interface ProposalStore {
  list(sessionId: string): Promise<ProposalRecord[]>;
  find(sessionId: string, id: string): Promise<ProposalRecord | undefined>;
  /** False once the session has as many proposals as it may hold. */
  add(sessionId: string, proposal: ProposalRecord): Promise<boolean>;
  /** Puts `next` in place of `current` only if `current` is still what is kept; false when it changed meanwhile. */
  replace(sessionId: string, current: ProposalRecord, next: ProposalRecord): Promise<boolean>;
  /** Two facilitators deciding the same proposal at once: the second is refused. */
  claim(id: string): Promise<boolean>;
  release(id: string): Promise<void>;
  /** The session ended: its proposals are not kept (they were never stored). */
  forget(sessionId: string): void;
}

export const PROPOSALS_PER_SESSION = 50;

/** Proposals per session, in memory (drafting happens live; a restart ends the discussion, not the rules). */
export class ProposalBoard implements ProposalStore {
  static readonly perSession = PROPOSALS_PER_SESSION;
  private readonly bySession = new Map<string, ProposalRecord[]>();
  private readonly deciding = new Set<string>();

  async claim(id: string): Promise<boolean> {
    if (this.deciding.has(id)) return false;
    this.deciding.add(id);
    return true;
  }

  async release(id: string): Promise<void> {
    this.deciding.delete(id);
  }

  async list(sessionId: string): Promise<ProposalRecord[]> {
    return this.bySession.get(sessionId) ?? [];
  }

  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  async find(sessionId: string, id: string): Promise<ProposalRecord | undefined> {
    return (this.bySession.get(sessionId) ?? []).find((p) => p.id === id);
  }

  async add(sessionId: string, proposal: ProposalRecord): Promise<boolean> {
    const list = this.bySession.get(sessionId) ?? [];
    if (list.length >= ProposalBoard.perSession) return false;
    this.bySession.set(sessionId, [...list, proposal]);
    return true;
  }

  async replace(sessionId: string, current: ProposalRecord, next: ProposalRecord): Promise<boolean> {
    const list = this.bySession.get(sessionId) ?? [];
    if (!list.includes(current)) return false;
    this.bySession.set(sessionId, list.map((p) => (p === current ? next : p)));
    return true;
  }
}
