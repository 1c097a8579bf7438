import { Button } from '../../../../components/ui/button';
import type { Thread } from './conversations-state';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';

export interface ConversationBodyProps {
  thread: Thread;
  selfId: string;
  /** Who can read this, said plainly above the messages (unless the frame already says it). */
  privacyNote?: string;
  emptyText: string;
  fieldLabel: string;
  sendLabel: string;
  /** Why nothing more can be written (a resolved request), or null to show the composer. */
  closedNote?: string | null;
  focusOnMount: boolean;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onRetryHistory: () => void;
}

/** The inside of any private conversation: who can read it, the messages, and where to write. */
export function ConversationBody(props: ConversationBodyProps) {
  const { thread } = props;
  const loadingFirst = thread.history === 'loading' && thread.messages.length === 0;
  return (
    <div className="conversation__inner">
      {props.privacyNote ? <p className="conversation__privacy">{props.privacyNote}</p> : null}
      {loadingFirst ? <p className="conversation__empty">Loading messages…</p> : (
        <MessageList messages={thread.messages} selfId={props.selfId} emptyText={props.emptyText} />
      )}
      {thread.history === 'failed' ? (
        <div className="conversation__history-error">
          <p>Earlier messages could not be loaded. {thread.historyError?.message}</p>
          <Button variant="quiet" onClick={props.onRetryHistory}>Load messages again</Button>
        </div>
      ) : null}
      {props.closedNote ? <p className="conversation__closed">{props.closedNote}</p> : (
        <MessageComposer thread={thread} fieldLabel={props.fieldLabel} sendLabel={props.sendLabel} focusOnMount={props.focusOnMount}
          onDraftChange={props.onDraftChange} onSend={props.onSend} />
      )}
    </div>
  );
}
