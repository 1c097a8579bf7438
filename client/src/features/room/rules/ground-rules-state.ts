import type { ConsentEntry, Proposal, RevisitRequest, RuleSet, RuleSpotlight } from '@hearth/shared';

/**
 * The ground rules in the room: the panel (one keystroke away), the rule a facilitator spotlighted,
 * and, for facilitators, anonymous asks to revisit a rule. Pure, so the transitions are tested alone.
 */
export interface GroundRulesState {
  open: boolean;
  /** Opened by the session entering its ground-rules phase, not by this person: do not move their focus. */
  openedByPhase: boolean;
  ruleSet: RuleSet | null;
  /** Facilitators only: who in this session agreed to which version. */
  consents: ConsentEntry[] | null;
  loadError: string | null;
  spotlight: RuleSpotlight | null;
  revisits: (RevisitRequest & { key: number })[];
  /** Drafting together: this session's proposals, oldest first. */
  proposals: Proposal[];
  /** The latest thing to say to screen readers (a fresh object each time, so repeats are re-read). */
  announcement: { text: string; id: number } | null;
  /** The answer to this person's own last action, shown in the panel. */
  note: string | null;
}

export const initialGroundRulesState: GroundRulesState = {
  open: false, openedByPhase: false, ruleSet: null, consents: null, loadError: null, spotlight: null, revisits: [], proposals: [], announcement: null, note: null,
};

export type GroundRulesAction =
  | { type: 'toggled' }
  /** The session entered its ground-rules phase: open for everyone (anyone may close it again). */
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'loaded'; ruleSet: RuleSet | null; consents: ConsentEntry[] | null; proposals: Proposal[] }
  | { type: 'proposal'; proposal: Proposal }
  | { type: 'rules-updated'; ruleSet: RuleSet }
  | { type: 'load-failed'; message: string }
  | { type: 'spotlighted'; spotlight: RuleSpotlight }
  | { type: 'spotlight-dismissed' }
  | { type: 'revisit-requested'; request: RevisitRequest }
  | { type: 'revisit-dismissed'; key: number }
  | { type: 'announce'; text: string };

let nextId = 1;
const announce = (text: string) => ({ text, id: nextId++ });

export function groundRulesReducer(state: GroundRulesState, action: GroundRulesAction): GroundRulesState {
  switch (action.type) {
    case 'toggled':
      return { ...state, open: !state.open, openedByPhase: false, note: null };
    case 'opened':
      return state.open ? state : { ...state, open: true, openedByPhase: true, note: null };
    case 'closed':
      return { ...state, open: false };
    case 'loaded':
      return { ...state, ruleSet: action.ruleSet, consents: action.consents, proposals: action.proposals, loadError: null };
    case 'proposal': {
      const known = state.proposals.find((p) => p.id === action.proposal.id);
      const proposals = known ? state.proposals.map((p) => (p.id === action.proposal.id ? action.proposal : p)) : [...state.proposals, action.proposal];
      // Only arrivals and outcomes are announced; every agree or concern would be too chatty.
      const text = !known ? `New proposal for the ground rules: ${action.proposal.text}`
        : known.status === 'open' && action.proposal.status === 'adopted' ? `Proposal adopted: ${action.proposal.text}`
          : known.status === 'open' && action.proposal.status === 'set_aside' ? `Proposal set aside: ${action.proposal.text}` : null;
      return { ...state, proposals, announcement: text ? announce(text) : state.announcement };
    }
    case 'rules-updated':
      return { ...state, ruleSet: action.ruleSet };
    case 'load-failed':
      return { ...state, loadError: action.message };
    case 'spotlighted':
      return { ...state, spotlight: action.spotlight, announcement: announce(`A facilitator is highlighting a ground rule: ${action.spotlight.rule.text}`) };
    case 'spotlight-dismissed':
      return { ...state, spotlight: null };
    case 'revisit-requested':
      return {
        ...state,
        revisits: [...state.revisits, { ...action.request, key: nextId++ }],
        announcement: announce(`Someone asked to revisit a ground rule: ${action.request.rule.text}`),
      };
    case 'revisit-dismissed':
      return { ...state, revisits: state.revisits.filter((r) => r.key !== action.key) };
    case 'announce':
      return { ...state, announcement: announce(action.text), note: action.text };
  }
}
