import { useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { memberStatusText, type DistressDraft, type MemberSide } from './own-request-state';
import { CrisisResources } from './crisis-resources';
import { SupportFollowUp } from './support-follow-up';

export interface SupportRequestControlProps {
  member: MemberSide;
  /** The group's crisis lines from joining (null if it has none); the answer to a request may be newer. */
  crisisResources: string | null;
  onTap: () => void;
  onClose: () => void;
  onDraftChange: (draft: Partial<DistressDraft>) => void;
  onSubmit: () => void;
}

/**
 * "I need support", always in the same place in the header, and the private line that says what
 * happened to the request. [DS16] The first press sends at once, to facilitators only; the panel that
 * opens with it lets the person say more, and a press while the request is open only shows it again.
 * The status stays until the next request: it is the person's reassurance.
 */
export function SupportRequestControl({ member, crisisResources, onTap, onClose, onDraftChange, onSubmit }: SupportRequestControlProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const resources = member.sent?.crisisResources ?? crisisResources;
  return (
    <div className="support-control">
      <Button ref={buttonRef} variant="secondary" className="support-control__button" aria-describedby={hintId} onClick={onTap}>
        I need support
      </Button>
      <span id={hintId} className="visually-hidden">Sends a private request to your facilitators at once. You can add more after.</span>
      {/* Always present (empty until used) so screen readers announce each change, politely. */}
      <p role="status" className="support-control__status">{memberStatusText(member)}</p>
      {/* Only this person sees it; open right after each request, then folded away whenever they like. */}
      {resources ? <CrisisResources key={member.sent?.alertId ?? 'before'} text={resources} initiallyOpen={member.sent !== null} /> : null}
      {member.panelOpen ? (
        <SupportFollowUp member={member} onDraftChange={onDraftChange} onSubmit={onSubmit} onClose={onClose} returnFocusRef={buttonRef} />
      ) : null}
    </div>
  );
}
