import { useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { memberStatusText, type DistressDraft, type MemberSide } from './distress-state';
import { CrisisResources } from './crisis-resources';
import { SupportDialog } from './support-dialog';

export interface SupportRequestControlProps {
  member: MemberSide;
  /** The group's crisis lines from joining (null if it has none); the answer to a request may be newer. */
  crisisResources: string | null;
  onOpen: () => void;
  onClose: () => void;
  onDraftChange: (draft: Partial<DistressDraft>) => void;
  onSend: () => void;
}

/**
 * "I need support", always in the same place in the header, and the private line that says what
 * happened to the request. Opening the dialog tells nobody anything; only "Send privately" does, and
 * only facilitators hear of it. The status stays until the next request: it is the person's reassurance.
 */
export function SupportRequestControl({ member, crisisResources, onOpen, onClose, onDraftChange, onSend }: SupportRequestControlProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const resources = member.sent?.crisisResources ?? crisisResources;
  return (
    <div className="support-control">
      <Button ref={buttonRef} variant="secondary" className="support-control__button" aria-haspopup="dialog" onClick={onOpen}>
        I need support
      </Button>
      {/* Always present (empty until used) so screen readers announce each change. */}
      <p role="status" className="support-control__status">{memberStatusText(member)}</p>
      {/* Only this person sees it; open right after each request, then folded away whenever they like. */}
      {resources ? <CrisisResources key={member.sent?.alertId ?? 'before'} text={resources} initiallyOpen={member.sent !== null} /> : null}
      {member.dialogOpen ? (
        <SupportDialog member={member} onDraftChange={onDraftChange} onSend={onSend} onClose={onClose} returnFocusRef={buttonRef} />
      ) : null}
    </div>
  );
}
