import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../../components/ui/button';
import type { Thread } from './conversations-state';
import { UnreadMarker } from './unread-marker';

/** What every private conversation panel (the backchannel, a member's, a case's) is given. */
export interface ThreadPanelProps {
  thread: Thread;
  selfId: string;
  onToggle: () => void;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onRetryHistory: () => void;
}

/**
 * The button that folds a conversation open or shut (with the unread count while shut), the id that
 * ties it to its panel, and whether the person opened it here: the field takes focus only then, never
 * when a panel appears by itself (a rejoin, or a facilitator's first message).
 */
export function useThreadToggle(thread: Thread, onToggle: () => void) {
  const panelId = useId();
  const [openedHere, setOpenedHere] = useState(false);
  const toggle = (className: string, label: ReactNode) => (
    <Button variant="secondary" className={className} aria-expanded={thread.open}
      aria-controls={thread.open ? panelId : undefined}
      onClick={() => {
        setOpenedHere(!thread.open);
        onToggle();
      }}>
      {label}{thread.open ? null : <UnreadMarker unread={thread.unread} />}
    </Button>
  );
  return { panelId, openedHere, toggle };
}
