import { useEffect, useRef } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { caseStatusText, isResolved, isWaiting, levelLabel, statusWord } from './distress-state';
import { TalkPrivatelyButton } from '../aside';
import { CaseActions, type CaseAction } from './case-actions';
import { CaseConversation, type CaseConversationProps } from './case-conversation';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export interface SupportRequestItemProps {
  alert: DistressAlert;
  /** An acknowledgement of this request is on its way. */
  busy: boolean;
  pending: CaseAction | null;
  onAcknowledge: (alert: DistressAlert) => void;
  onAction: (alert: DistressAlert, action: CaseAction) => void;
  /** Bringing the member into a case opened about them is on its way. */
  bringingIn: boolean;
  onBringIn: (alert: DistressAlert) => void;
  conversation: Omit<CaseConversationProps, 'alert'>;
}

/**
 * One person's request as a facilitator sees it: who, how they are, their note, when, where it stands
 * (in words, never only a colour) and who has it in hand; then what the facilitator can do about it.
 */
export function SupportRequestItem({ alert, busy, pending, bringingIn, onAcknowledge, onAction, onBringIn, conversation }: SupportRequestItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  const focusWithin = useRef(false);
  const waiting = isWaiting(alert);
  const resolved = isResolved(alert);
  const name = alert.displayName;
  const handledBy = caseStatusText(alert);

  // Acknowledging or escalating (here, or by another facilitator) removes the button that may have had
  // focus; keep focus on this request instead of letting it fall back to the top of the page.
  useEffect(() => {
    if (!focusWithin.current) return;
    if (document.activeElement === null || document.activeElement === document.body) itemRef.current?.focus();
  }, [alert.status]);

  return (
    <li
      ref={itemRef}
      tabIndex={-1}
      className={`support-request support-request--${alert.level}${waiting ? '' : ' support-request--seen'}${resolved ? ' support-request--resolved' : ''}`}
      onFocus={() => { focusWithin.current = true; }}
      onBlur={(event) => {
        // Focus lost to nowhere is what removing the button does; only a real move elsewhere counts.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) focusWithin.current = false;
      }}
    >
      <p className="support-request__who">
        <span className="support-request__name">{name}</span>
        <span className="support-request__level">{levelLabel(alert.level)}</span>
      </p>
      {alert.note ? <p className="support-request__note">{alert.note}</p> : null}
      <p className="support-request__meta">
        Raised <time dateTime={new Date(alert.raisedAt).toISOString()}>{timeOfDay.format(alert.raisedAt)}</time>
      </p>
      <p className="support-request__status">
        <span className={`case-status case-status--${alert.status}`}>{statusWord(alert.status)}</span>
        {handledBy ? <span className="support-request__seen">{handledBy}</span> : null}
      </p>
      {waiting ? (
        <Button variant="primary" aria-disabled={busy || undefined} onClick={() => { if (!busy) onAcknowledge(alert); }}>
          {`Acknowledge ${name}'s request`}
        </Button>
      ) : null}
      {resolved ? null : <CaseActions alert={alert} pending={pending} onAction={onAction} />}
      {/* [DS14] A case opened about someone is the facilitators' until they choose to bring the person in. */}
      {alert.memberIncludedAt === null && !resolved ? (
        <div className="support-request__staff-only">
          <p>{`${name} has not been told of this case. What you write in it stays with the facilitators.`}</p>
          <Button variant="secondary" aria-disabled={bringingIn || undefined} onClick={() => { if (!bringingIn) onBringIn(alert); }}>
            {`Bring ${name} into the conversation`}
          </Button>
          <p className="support-request__hint">They will see what is written from then on, not what was written before.</p>
        </div>
      ) : (
        <TalkPrivatelyButton alert={alert} />
      )}
      <CaseConversation alert={alert} {...conversation} />
    </li>
  );
}
