import { useEffect, useRef } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../../components/ui/button';
import { caseStatusText, isWaiting, levelLabel } from '../../model/distress-state';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export interface SupportRequestItemProps {
  alert: DistressAlert;
  busy: boolean;
  onAcknowledge: (alert: DistressAlert) => void;
}

/** One person's request as a facilitator sees it: who, how they are, their note, when, and who has it in hand. */
export function SupportRequestItem({ alert, busy, onAcknowledge }: SupportRequestItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  const focusWithin = useRef(false);
  const waiting = isWaiting(alert);
  const name = alert.displayName;

  // Acknowledging (here, or by another facilitator) replaces the button that may have had focus; keep
  // focus on this request instead of letting it fall back to the top of the page.
  useEffect(() => {
    if (waiting || !focusWithin.current) return;
    focusWithin.current = false;
    if (document.activeElement === null || document.activeElement === document.body) itemRef.current?.focus();
  }, [waiting]);

  return (
    <li
      ref={itemRef}
      tabIndex={-1}
      className={`support-request support-request--${alert.level}${waiting ? '' : ' support-request--seen'}`}
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
      {waiting ? (
        <Button variant="primary" aria-disabled={busy || undefined} onClick={() => { if (!busy) onAcknowledge(alert); }}>
          {`Acknowledge ${name}'s request`}
        </Button>
      ) : (
        <p className="support-request__seen">{caseStatusText(alert)}</p>
      )}
    </li>
  );
}
