import { useId, useState } from 'react';
import { Button } from '../../../../components/ui/button';
import type { Thread } from '../../model/conversations-state';
import { ConversationBody } from './conversation-body';
import { UnreadMarker } from './unread-marker';

export interface MemberConversationProps {
  thread: Thread;
  selfId: string;
  onToggle: () => void;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onRetryHistory: () => void;
}

/**
 * The person's private conversation about their own request, under "I need support". It opens by
 * itself when a facilitator first writes (the words are read out politely, focus stays where it was);
 * the person can fold it away, and then new messages show as unread on the button instead.
 */
export function MemberConversation({ thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: MemberConversationProps) {
  const panelId = useId();
  const [openedHere, setOpenedHere] = useState(false);
  return (
    <div className="member-conversation">
      <Button variant="secondary" className="member-conversation__toggle" aria-expanded={thread.open}
        aria-controls={thread.open ? panelId : undefined}
        onClick={() => {
          setOpenedHere(!thread.open);
          onToggle();
        }}>
        Message your facilitators{thread.open ? null : <UnreadMarker unread={thread.unread} />}
      </Button>
      {thread.open ? (
        <section id={panelId} aria-label="Conversation with your facilitators" className="conversation conversation--member">
          <ConversationBody thread={thread} selfId={selfId}
            privacyNote="Only your facilitators can read this. Nobody else in the group sees it."
            emptyText="No messages yet. You can write to your facilitators here."
            fieldLabel="Message" sendLabel="Send" focusOnMount={openedHere}
            onDraftChange={onDraftChange} onSend={onSend} onRetryHistory={onRetryHistory} />
        </section>
      ) : null}
    </div>
  );
}
