import { ConversationBody } from './conversation-body';
import { useThreadToggle, type ThreadPanelProps } from './thread-toggle';

/**
 * The person's private conversation about their own request, under "I need support". It opens by
 * itself when a facilitator first writes (the words are read out politely, focus stays where it was);
 * the person can fold it away, and then new messages show as unread on the button instead.
 */
export function MemberConversation({ thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: ThreadPanelProps) {
  const { panelId, openedHere, toggle } = useThreadToggle(thread, onToggle);
  return (
    <div className="member-conversation">
      {toggle('member-conversation__toggle', 'Message your facilitators')}
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
