/**
 * The private distress channel as this client knows it. Pure: a reducer over the person's own actions
 * (asking for support) and what the server said (alerts for facilitators, "seen" for the member), so
 * it can be tested without sockets or React.
 *
 * Two sides live here because a co-facilitator has both: `member` is this person's own request,
 * `alerts` are other people's requests (only ever filled for facilitators: the server sends them to
 * nobody else). Invariants: an alert is never dropped and its case never moves backwards; a
 * re-delivered alert never announces twice, but a deliberate re-alert (DS6: nobody acknowledged it in
 * time, `reAlerts` went up) does; a failed send keeps everything the person typed.
 */
import { DistressNoteSchema, maxLengthOf, type CommandResult, type DistressAlert, type DistressCaseStatus, type DistressLevel, type FactPayload, type Role } from '@hearth/shared';
import type { ClientError } from '../../../lib/errors';

export const NOTE_MAX_LENGTH = maxLengthOf(DistressNoteSchema);

export interface DistressDraft {
  level: DistressLevel;
  note: string;
}

export interface OwnRequest {
  alertId: string;
  raisedAt: number;
  /** When a facilitator acknowledged it (the `distress:seen` fact), or null while waiting. */
  seenAt: number | null;
  /** The group's crisis lines, shown privately to the person at once (null if the group has none). */
  crisisResources: string | null;
  /** [DS13] A facilitator closed the request (`distress:closed`). Absent until then. */
  closed?: true;
}

export interface MemberSide {
  dialogOpen: boolean;
  draft: DistressDraft;
  sending: boolean;
  /** The last send failure; cleared by the next attempt or success. */
  error: ClientError | null;
  /** The latest request the server confirmed it stored. */
  sent: OwnRequest | null;
  /**
   * `distress:seen` facts for ids not confirmed yet. The ack and the fact travel separately, so a
   * quick facilitator could in principle be heard before the ack; the fact must not be lost then.
   */
  seenEarly: Readonly<Record<string, number>>;
}

/** The line read out (role="alert") to facilitators; a new object for every new alert. */
export interface Announcement {
  seq: number;
  alertId: string;
  text: string;
}

export interface DistressState {
  member: MemberSide;
  /** Oldest first: whoever has waited longest is at the top. */
  alerts: readonly DistressAlert[];
  announcement: Announcement | null;
}

export type SeenFact = FactPayload<'distress:seen'>;

export type DistressAction =
  | { type: 'dialog-opened' }
  | { type: 'dialog-closed' }
  | { type: 'draft-changed'; draft: Partial<DistressDraft> }
  | { type: 'send-started' }
  | { type: 'send-failed'; error: ClientError }
  | { type: 'send-succeeded'; result: CommandResult<'distress:raise'> }
  | { type: 'seen'; fact: SeenFact }
  | { type: 'closed'; alertId: string }
  /** `distress:alert`: new, re-delivered on (re)join, or re-alerted. The only one that may announce. */
  | { type: 'alert'; alert: DistressAlert }
  /** `distress:acknowledged`, `distress:updated`, or the answer to our own acknowledge. */
  | { type: 'alert-changed'; alert: DistressAlert };

export const emptyDraft: DistressDraft = { level: 'struggling', note: '' };

export const initialDistressState: DistressState = {
  member: { dialogOpen: false, draft: emptyDraft, sending: false, error: null, sent: null, seenEarly: {} },
  alerts: [],
  announcement: null,
};

export function distressReducer(state: DistressState, action: DistressAction): DistressState {
  switch (action.type) {
    case 'dialog-opened':
      return withMember(state, { dialogOpen: true });
    case 'dialog-closed':
      // The draft stays: closing by mistake (or to hide the screen quickly) must not lose what was typed.
      return withMember(state, { dialogOpen: false });
    case 'draft-changed':
      return withMember(state, { draft: { ...state.member.draft, ...action.draft } });
    case 'send-started':
      return withMember(state, { sending: true, error: null });
    case 'send-failed':
      return withMember(state, { sending: false, error: action.error });
    case 'send-succeeded': {
      const { alertId, raisedAt, crisisResources } = action.result;
      const seenAt = state.member.seenEarly[alertId] ?? null;
      // Anything else held back was about an older request, which this one supersedes.
      return withMember(state, {
        dialogOpen: false, draft: emptyDraft, sending: false, error: null, sent: { alertId, raisedAt, seenAt, crisisResources }, seenEarly: {},
      });
    }
    case 'seen': {
      const { alertId, at } = action.fact;
      const { sent } = state.member;
      if (sent?.alertId === alertId) return sent.seenAt === null ? withMember(state, { sent: { ...sent, seenAt: at } }) : state;
      // Only while a send is in flight can this be the answer to it; otherwise it is about an older request.
      if (!state.member.sending) return state;
      return withMember(state, { seenEarly: { ...state.member.seenEarly, [alertId]: at } });
    }
    case 'closed': {
      const { sent } = state.member;
      return sent?.alertId === action.alertId && !sent.closed ? withMember(state, { sent: { ...sent, closed: true } }) : state;
    }
    case 'alert':
    case 'alert-changed':
      return receiveAlert(state, action.alert, action.type === 'alert');
  }
}

function withMember(state: DistressState, patch: Partial<MemberSide>): DistressState {
  return { ...state, member: { ...state.member, ...patch } };
}

/** How far a case has come; a copy that is behind what we know (stale, re-delivered) is ignored. */
const progress: Record<DistressCaseStatus, number> = { raised: 0, acknowledged: 1, in_conversation: 2, escalated: 3, resolved: 4 };

function receiveAlert(state: DistressState, incoming: DistressAlert, mayAnnounce: boolean): DistressState {
  const existing = state.alerts.find((a) => a.id === incoming.id);
  if (existing && progress[incoming.status] < progress[existing.status]) return state;
  const alerts = existing
    ? state.alerts.map((a) => (a.id === incoming.id ? incoming : a))
    : [...state.alerts, incoming].sort(byRaised);
  // Only a request nobody has taken yet interrupts a facilitator: when it is new to this screen, or
  // when the server alerts again because it is still waiting; a plain re-delivery stays quiet.
  const waiting = mayAnnounce && incoming.status === 'raised';
  if (waiting && !existing) return announce({ ...state, alerts }, incoming, `${incoming.displayName} asked for support`);
  if (waiting && existing && incoming.reAlerts > existing.reAlerts) {
    return announce({ ...state, alerts }, incoming, `${incoming.displayName} is still waiting for support`);
  }
  return { ...state, alerts };
}

function announce(state: DistressState, alert: DistressAlert, text: string): DistressState {
  return { ...state, announcement: { seq: (state.announcement?.seq ?? 0) + 1, alertId: alert.id, text } };
}

function byRaised(a: DistressAlert, b: DistressAlert): number {
  return a.raisedAt - b.raisedAt || a.id.localeCompare(b.id);
}

/**
 * Who gets "I need support": everyone but the group's facilitator. A co-facilitator may need support
 * too (and also receives alerts); the facilitator is the one people turn to.
 */
export function canAskForSupport(role: Role): boolean {
  // The hidden supervisor observes and never asks (the server refuses it too: docs/spec.md [SV2]).
  return role !== 'facilitator' && role !== 'supervisor';
}

export { levelWords as levelLabel } from '../../../lib/case-words';

/** Still waiting for a facilitator: shows the Acknowledge button. */
export function isWaiting(alert: DistressAlert): boolean {
  return alert.status === 'raised';
}

export function waitingCount(alerts: readonly DistressAlert[]): number {
  return alerts.filter(isWaiting).length;
}

/** Where a request stands, in one word or two (the facilitators' list shows it on every request). */
export { statusWords as statusWord } from '../../../lib/case-words';

/**
 * Who has the request in hand, for the other facilitators (null while nobody has): who opened or saw
 * it, and who escalated or resolved it, from the case's own timeline.
 */
export function caseStatusText(alert: DistressAlert): string | null {
  const taken = alert.openedBy ? `Opened by ${alert.openedBy.displayName}`
    : alert.acknowledgedBy ? `Seen by ${alert.acknowledgedBy.displayName}` : null;
  const lastBy = (kind: 'escalated' | 'resolved') => alert.timeline.filter((t) => t.kind === kind).at(-1)?.by?.displayName;
  switch (alert.status) {
    case 'raised':
      return null;
    case 'acknowledged':
    case 'in_conversation':
      return taken;
    case 'escalated': {
      const by = lastBy('escalated');
      return [taken, by ? `Escalated by ${by}` : null].filter(Boolean).join(' · ') || null;
    }
    case 'resolved': {
      const by = lastBy('resolved');
      return by ? `Resolved by ${by}` : null;
    }
  }
}

export function isResolved(alert: DistressAlert): boolean {
  return alert.status === 'resolved';
}

/** Escalate is offered until the request is escalated or resolved (the server's own rule, DS5). */
export function canEscalate(alert: DistressAlert): boolean {
  return alert.status !== 'escalated' && alert.status !== 'resolved';
}

/**
 * The member's private status line near "I need support". While the dialog is open it says only
 * what was already true (the dialog shows sending and errors itself); once closed, it also tells a
 * person who closed it mid-send whether their request went through, so nobody believes a lost one arrived.
 */
export function memberStatusText(member: MemberSide): string {
  if (!member.dialogOpen && member.sending) return 'Sending privately…';
  if (!member.dialogOpen && member.error) return 'Your request was not sent. Press “I need support” to try again.';
  if (!member.sent) return '';
  if (member.sent.closed) return 'Your facilitators have closed this request. If you need support again, press “I need support”.';
  return member.sent.seenAt === null ? 'Sent privately to your facilitators.' : 'A facilitator has seen your request.';
}

/** The note as the protocol wants it: trimmed, and left out when empty. */
export function raisePayload(draft: DistressDraft): { level: DistressLevel; note?: string } {
  const note = draft.note.trim().slice(0, NOTE_MAX_LENGTH);
  return note ? { level: draft.level, note } : { level: draft.level };
}
