import { ConversationBody } from './conversation-body';
import { useThreadToggle, type ThreadPanelProps } from './thread-toggle';

/**
 * The facilitators' channel: text among the session's facilitators and co-facilitators, e.g. "I'll
 * take Sam; can you hold the group?". Render it only for them (the server also refuses everyone else,
 * PC2). Folded away by default so it never competes with the group; the unread count shows on the
 * button while it is closed. The "never seen by members" line is always visible, even folded.
 */
export function Backchannel({ thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: ThreadPanelProps) {
  const { panelId, openedHere, toggle } = useThreadToggle(thread, onToggle);
  return (
    <section aria-label="Facilitators only" className="backchannel">
      <h2 className="backchannel__title">
        {toggle('backchannel__toggle', "Facilitators' channel")}
      </h2>
      <p className="backchannel__note">Only this session's facilitators, co-facilitators and supervisor can read it. Members never see this channel.</p>
      {thread.open ? (
        <div id={panelId}>
          <ConversationBody thread={thread} selfId={selfId}
            emptyText="No messages yet." fieldLabel="Message to facilitators" sendLabel="Send to facilitators"
            focusOnMount={openedHere} onDraftChange={onDraftChange} onSend={onSend} onRetryHistory={onRetryHistory} />
        </div>
      ) : null}
    </section>
  );
}
