import { useId, useState } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../../components/ui/button';
import type { Thread } from '../../model/conversations-state';
import { ConversationBody } from '../conversations/conversation-body';
import { UnreadMarker } from '../conversations/unread-marker';

export interface CaseConversationProps {
  alert: DistressAlert;
  thread: Thread;
  selfId: string;
  onToggle: () => void;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onRetryHistory: () => void;
}

/**
 * A facilitator's private conversation with the person who asked for support, inside their request.
 * Writing the first message also tells the person their request was seen (the server does that). Once
 * the request is resolved the conversation can still be read, but takes no more messages.
 */
export function CaseConversation({ alert, thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: CaseConversationProps) {
  const panelId = useId();
  const [openedHere, setOpenedHere] = useState(false);
  const name = alert.displayName;
  const resolved = alert.status === 'resolved';
  return (
    <div className="case-conversation">
      <Button variant="secondary" className="case-conversation__toggle" aria-expanded={thread.open}
        aria-controls={thread.open ? panelId : undefined}
        onClick={() => {
          setOpenedHere(!thread.open);
          onToggle();
        }}>
        {resolved ? `Read conversation with ${name}` : `Message ${name}`}
        {thread.open ? null : <UnreadMarker unread={thread.unread} />}
      </Button>
      {thread.open ? (
        <section id={panelId} aria-label={`Conversation with ${name}`} className="conversation conversation--case">
          <ConversationBody thread={thread} selfId={selfId}
            privacyNote={`Only ${name} and this session's facilitators can read this.`}
            emptyText={`No messages yet. ${name} will see what you write here, privately.`}
            fieldLabel="Message" sendLabel="Send"
            closedNote={resolved ? 'This request is resolved; the conversation is closed.' : null}
            focusOnMount={openedHere} onDraftChange={onDraftChange} onSend={onSend} onRetryHistory={onRetryHistory} />
        </section>
      ) : null}
    </div>
  );
}
