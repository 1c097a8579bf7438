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
import type { DistressAlert, DistressCaseStatus, Role } from '@hearth/shared';
import { levelWords } from '../../../lib/case-words';
import { initialMemberSide, ownRequestReducer, type MemberSide, type OwnRequestAction } from './own-request-state';

export {
  amendPayload, emptyDraft, hasOpenRequest, memberStatusText, NOTE_MAX_LENGTH, raisePayload, tapSends,
  type DistressDraft, type MemberSide, type OwnRequest,
} from './own-request-state';

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

export type DistressAction =
  /** This person's own request (own-request-state.ts). */
  | OwnRequestAction
  /** `distress:alert`: new, re-delivered on (re)join, or re-alerted. The only one that may announce. */
  | { type: 'alert'; alert: DistressAlert }
  /** `distress:acknowledged`, `distress:updated`, or the answer to our own acknowledge. */
  | { type: 'alert-changed'; alert: DistressAlert };

export const initialDistressState: DistressState = {
  member: initialMemberSide,
  alerts: [],
  announcement: null,
};

export function distressReducer(state: DistressState, action: DistressAction): DistressState {
  switch (action.type) {
    case 'alert':
    case 'alert-changed':
      return receiveAlert(state, action.alert, action.type === 'alert');
    default: {
      const member = ownRequestReducer(state.member, action);
      return member === state.member ? state : { ...state, member };
    }
  }
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
  // [DS16] What a member adds after their one-tap request is news as well: a level they change (above all
  // "not safe") must not slip in unheard on a request someone has already taken.
  if (existing && incoming.status !== 'resolved' && (incoming.level !== existing.level || incoming.note !== existing.note)) {
    const level = incoming.level !== existing.level ? `: ${levelWords(incoming.level)}` : '';
    return announce({ ...state, alerts }, incoming, `${incoming.displayName} added to their request${level}`);
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
