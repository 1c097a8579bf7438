import { useId, useState } from 'react';
import { Button } from '../../../../components/ui/button';
import type { Thread } from '../../model/conversations-state';
import { ConversationBody } from './conversation-body';
import { UnreadMarker } from './unread-marker';

export interface BackchannelProps {
  thread: Thread;
  selfId: string;
  onToggle: () => void;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onRetryHistory: () => void;
}

/**
 * The facilitators' channel: text among the session's facilitators and co-facilitators, e.g. "I'll
 * take Sam; can you hold the group?". Render it only for them (the server also refuses everyone else,
 * PC2). Folded away by default so it never competes with the group; the unread count shows on the
 * button while it is closed. The "never seen by members" line is always visible, even folded.
 */
export function Backchannel({ thread, selfId, onToggle, onDraftChange, onSend, onRetryHistory }: BackchannelProps) {
  const panelId = useId();
  // Focus the field only when the person opened it, never on mount after a rejoin.
  const [openedHere, setOpenedHere] = useState(false);
  return (
    <section aria-label="Facilitators only" className="backchannel">
      <h2 className="backchannel__title">
        <Button variant="secondary" className="backchannel__toggle" aria-expanded={thread.open}
          aria-controls={thread.open ? panelId : undefined}
          onClick={() => {
            setOpenedHere(!thread.open);
            onToggle();
          }}>
          Facilitators' channel{thread.open ? null : <UnreadMarker unread={thread.unread} />}
        </Button>
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
