import type { DistressAlert } from '@hearth/shared';
import { ConversationBody } from './conversations/conversation-body';
import { useThreadToggle, type ThreadPanelProps } from './conversations/thread-toggle';

export interface CaseConversationProps extends ThreadPanelProps {
  alert: DistressAlert;
}

/**
 * A facilitator's private conversation with the person who asked for support, inside their request.
 * Writing the first message also tells the person their request was seen (the server does that). Once
 * the request is resolved the conversation can still be read, but takes no more messages.
 */
export function CaseConversation({ alert, thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: CaseConversationProps) {
  const { panelId, openedHere, toggle } = useThreadToggle(thread, onToggle);
  const name = alert.displayName;
  const resolved = alert.status === 'resolved';
  // [DS14] Until the person is brought in, this is the facilitators' notes about them, not a conversation.
  const staffOnly = alert.memberIncludedAt === null;
  return (
    <div className="case-conversation">
      {toggle('case-conversation__toggle', staffOnly ? `Facilitators' notes about ${name}` : resolved ? `Read conversation with ${name}` : `Message ${name}`)}
      {thread.open ? (
        <section id={panelId} aria-label={staffOnly ? `Facilitators' notes about ${name}` : `Conversation with ${name}`} className="conversation conversation--case">
          <ConversationBody thread={thread} selfId={selfId}
            privacyNote={staffOnly ? `Only this session's facilitators can read this; ${name} cannot.` : `Only ${name} and this session's facilitators can read this.`}
            emptyText={staffOnly ? 'No notes yet.' : `No messages yet. ${name} will see what you write here, privately.`}
            fieldLabel="Message" sendLabel="Send"
            closedNote={resolved ? 'This request is resolved; the conversation is closed.' : null}
            focusOnMount={openedHere} onDraftChange={onDraftChange} onSend={onSend} onRetryHistory={onRetryHistory} />
        </section>
      ) : null}
    </div>
  );
}
