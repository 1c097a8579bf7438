import { useRef, useState } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import type { CommandOutcome } from '../../../lib/socket';
import type { Conversations } from './conversations/use-conversations';
import { caseKey, threadOf } from './conversations/conversations-state';
import { isResolved, waitingCount, type Announcement } from './distress-state';
import type { CaseAction } from './case-actions';
import { ResolvedRequests } from './resolved-requests';
import { SupportRequestItem, type SupportRequestItemProps } from './support-request-item';

export interface SupportRequestsProps {
  alerts: readonly DistressAlert[];
  announcement: Announcement | null;
  selfId: string;
  conversations: Conversations;
  onAcknowledge: (alertId: string) => Promise<CommandOutcome<'distress:acknowledge'>>;
  onUpdate: (alertId: string, action: CaseAction) => Promise<CommandOutcome<'distress:update'>>;
  onBringIn: (alertId: string) => Promise<CommandOutcome<'case:bring-in'>>;
}

const doneText: Record<CaseAction, (name: string) => string> = {
  escalate: (name) => `${name}'s request is marked as escalated.`,
  resolve: (name) => `${name}'s request is resolved. It is now under Resolved.`,
};

/**
 * Facilitators only: members' requests for support, shown above everything else in the side column
 * once there is one; open ones first, resolved ones folded away below. A new request is also read out
 * at once (role="alert"); the region for that is always in the page, as screen readers only announce
 * changes to regions that already exist. What the facilitator's own actions did is said politely.
 */
export function SupportRequests({ alerts, announcement, selfId, conversations, onAcknowledge, onUpdate, onBringIn }: SupportRequestsProps) {
  const [pending, setPending] = useState<{ alertId: string; action: CaseAction | 'acknowledge' | 'bring-in' } | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [done, setDone] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const waiting = waitingCount(alerts);
  const open = alerts.filter((a) => !isResolved(a));
  const resolved = alerts.filter(isResolved);

  async function acknowledge(alert: DistressAlert) {
    setPending({ alertId: alert.id, action: 'acknowledge' });
    setError(null);
    const ack = await onAcknowledge(alert.id);
    setPending(null);
    if (!ack.ok) setError(ack.error);
  }

  async function act(alert: DistressAlert, action: CaseAction) {
    setPending({ alertId: alert.id, action });
    setError(null);
    setDone('');
    const ack = await onUpdate(alert.id, action);
    setPending(null);
    if (!ack.ok) return setError(ack.error);
    setDone(doneText[action](alert.displayName));
    // The request (and the button that had focus) moved to the folded list: keep focus in this section.
    if (action === 'resolve') requestAnimationFrame(() => headingRef.current?.focus());
  }

  async function bringIn(alert: DistressAlert) {
    setPending({ alertId: alert.id, action: 'bring-in' });
    setError(null);
    setDone('');
    const ack = await onBringIn(alert.id);
    setPending(null);
    if (!ack.ok) return setError(ack.error);
    setDone(`${alert.displayName} will now see what you write in this conversation.`);
  }

  const itemProps = (alert: DistressAlert): SupportRequestItemProps => {
    const key = caseKey(alert.id);
    return {
      alert,
      busy: pending?.alertId === alert.id && pending.action === 'acknowledge',
      pending: pending?.alertId === alert.id && (pending.action === 'escalate' || pending.action === 'resolve') ? pending.action : null,
      bringingIn: pending?.alertId === alert.id && pending.action === 'bring-in',
      onBringIn: (a) => void bringIn(a),
      onAcknowledge: (a) => void acknowledge(a),
      onAction: (a, action) => void act(a, action),
      conversation: {
        thread: threadOf(conversations.state, key),
        selfId,
        onToggle: () => conversations.toggle(key),
        onDraftChange: (draft) => conversations.changeDraft(key, draft),
        onSend: () => void conversations.send(key),
        onRetryHistory: () => void conversations.loadHistory(key),
      },
    };
  };

  return (
    <>
      <p role="alert" className="visually-hidden">
        {/* A new node per announcement, so the same words for a second request are read again. */}
        {announcement ? <span key={announcement.seq}>{announcement.text}</span> : null}
      </p>
      {alerts.length > 0 ? (
        <section aria-label="Support requests" className="support-requests">
          <h2 ref={headingRef} tabIndex={-1} className="support-requests__title">
            Support requests {waiting > 0 ? <span className="support-requests__count">({waiting} waiting)</span> : null}
          </h2>
          {open.length > 0 ? (
            <ul className="support-requests__list">
              {open.map((alert) => <SupportRequestItem key={alert.id} {...itemProps(alert)} />)}
            </ul>
          ) : <p className="support-requests__none">No open requests.</p>}
          <FormError error={error} />
          <p role="status" className="visually-hidden">{done}</p>
          {resolved.length > 0 ? (
            <ResolvedRequests count={resolved.length}>
              {resolved.map((alert) => <SupportRequestItem key={alert.id} {...itemProps(alert)} />)}
            </ResolvedRequests>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
