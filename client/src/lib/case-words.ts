/**
 * How a support request reads in the session records: every level, status and timeline step in plain
 * words, never a number to compare people by. Pure, so the wording can be tested on its own.
 */
import type { DistressAlert, DistressCaseStatus, DistressLevel, DistressTimelineEntry } from '@hearth/shared';

export function levelWords(level: DistressLevel): string {
  switch (level) {
    case 'struggling':
      return 'Struggling';
    case 'talk_privately':
      return 'Would like to talk privately';
    case 'not_safe':
      return 'Does not feel safe right now';
  }
}

export function statusWords(status: DistressCaseStatus): string {
  switch (status) {
    case 'raised':
      return 'Raised';
    case 'acknowledged':
      return 'Acknowledged';
    case 'in_conversation':
      return 'In conversation';
    case 'escalated':
      return 'Escalated';
    case 'resolved':
      return 'Resolved';
  }
}

export function stepWords(kind: DistressTimelineEntry['kind']): string {
  // A re-alert is the server sending an unanswered request round again, not the member asking twice.
  if (kind === 're_alerted') return 'Sent to facilitators again';
  return statusWords(kind);
}

// 24-hour HH:MM: the session's date is shown beside it, and a timeline reads more plainly without AM/PM.
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function clockTime(ms: number): string {
  return clock.format(ms);
}

/** "14:05 — Acknowledged (by Sam)"; the time itself is rendered separately as a <time>. */
export function stepText(entry: DistressTimelineEntry): string {
  return entry.by ? `${stepWords(entry.kind)} (by ${entry.by.displayName})` : stepWords(entry.kind);
}

/** Oldest first, as they happened: the order is time, never urgency or a ranking of people. */
export function inRaisedOrder(cases: readonly DistressAlert[]): DistressAlert[] {
  return [...cases].sort((a, b) => a.raisedAt - b.raisedAt);
}

/**
 * The handover of an ended session: every case that was not resolved, oldest first. Nothing can move a
 * case once its session has ended, so "not resolved now" is exactly "still open when it ended".
 */
export function openCases(cases: readonly DistressAlert[]): DistressAlert[] {
  return inRaisedOrder(cases.filter((c) => c.status !== 'resolved'));
}

/** Who is looking after a case, to follow its status: "Escalated, handled by Sam". */
export function handlerWords(alert: DistressAlert): string {
  return alert.acknowledgedBy ? `handled by ${alert.acknowledgedBy.displayName}` : 'no facilitator acknowledged it';
}
