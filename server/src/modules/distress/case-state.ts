import type { DistressCaseStatus } from '@hearth/shared';

/**
 * The life of a support request, as pure functions (the clock is passed in):
 *
 *   raised ──acknowledge──▶ acknowledged ──converse──▶ in_conversation ──escalate──▶ escalated
 *     │                          │                        │
 *     └─────────────resolve──────┴──────────resolve───────┴──▶ resolved
 *
 * - [DS5] only an open case changes; a resolved case stays resolved;
 * - [DS6] a raised case nobody has acknowledged is re-alerted every `reAlertAfterMs` until someone does.
 * (a facilitator's first private message moves a case into conversation; escalate is allowed from raised
 * too, since a facilitator may act on an alert before formally claiming it.)
 */
export type CaseAction = 'acknowledge' | 'converse' | 'escalate' | 'resolve';

const allowedFrom: Record<CaseAction, readonly DistressCaseStatus[]> = {
  acknowledge: ['raised'],
  converse: ['acknowledged'],
  escalate: ['raised', 'acknowledged', 'in_conversation'],
  resolve: ['raised', 'acknowledged', 'in_conversation', 'escalated'],
};

const resultOf: Record<CaseAction, DistressCaseStatus> = {
  acknowledge: 'acknowledged',
  converse: 'in_conversation',
  escalate: 'escalated',
  resolve: 'resolved',
};

export type Transition = { ok: true; status: DistressCaseStatus } | { ok: false; reason: string };

export function applyCaseAction(current: DistressCaseStatus, action: CaseAction): Transition {
  if (!allowedFrom[action].includes(current)) {
    return { ok: false, reason: current === 'resolved' ? 'This request has already been resolved.' : `A request that is ${current.replace('_', ' ')} cannot be ${action}d.` };
  }
  return { ok: true, status: resultOf[action] };
}

export function isOpen(status: DistressCaseStatus): boolean {
  return status !== 'resolved';
}

/** Whether an unacknowledged alert is due to be sent to every facilitator again. */
export function reAlertDue(alert: { status: DistressCaseStatus; lastAlertedAt: number }, now: number, reAlertAfterMs: number): boolean {
  return alert.status === 'raised' && now - alert.lastAlertedAt >= reAlertAfterMs;
}
