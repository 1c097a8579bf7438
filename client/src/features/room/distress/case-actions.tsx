import { useEffect, useId, useRef, useState } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { canEscalate } from './distress-state';

export type CaseAction = 'escalate' | 'resolve';

export interface CaseActionsProps {
  alert: DistressAlert;
  /** The action on its way to the server for this request, if any. */
  pending: CaseAction | null;
  onAction: (alert: DistressAlert, action: CaseAction) => void;
}

/**
 * Escalate and Resolve for an open request. Resolving ends the conversation for good (DS5), so it asks
 * once more, in place rather than in a modal: the room stays visible and nothing jumps. The short
 * visible words keep the column narrow; the accessible names carry the person's name.
 */
export function CaseActions({ alert, pending, onAction }: CaseActionsProps) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const resolveRef = useRef<HTMLButtonElement>(null);
  // Set when the question is cancelled: the Resolve button it replaced gets focus back once rendered.
  const refocus = useRef(false);
  const name = alert.displayName;

  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    resolveRef.current?.focus();
  });

  const cancel = () => {
    refocus.current = true;
    setConfirming(false);
  };

  if (confirming) {
    return (
      <div role="group" aria-labelledby={questionId} className="case-actions case-actions--confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
          }
        }}>
        <p id={questionId} className="case-actions__question">Mark as resolved?</p>
        {/* Focus starts on the answer: the person just asked to resolve; the question is the group's name. */}
        <Button variant="primary" autoFocus aria-disabled={pending === 'resolve' || undefined}
          onClick={() => { if (!pending) onAction(alert, 'resolve'); }}>
          Yes, resolved
        </Button>
        <Button onClick={cancel}>Cancel</Button>
      </div>
    );
  }

  return (
    <div className="case-actions">
      {canEscalate(alert) ? (
        <Button variant="secondary" aria-disabled={pending === 'escalate' || undefined}
          onClick={() => { if (!pending) onAction(alert, 'escalate'); }}>
          Escalate<span className="visually-hidden"> {name}'s request</span>
        </Button>
      ) : null}
      <Button ref={resolveRef} variant="secondary" onClick={() => setConfirming(true)}>
        Resolve<span className="visually-hidden"> {name}'s request</span>
      </Button>
    </div>
  );
}
