import { useEffect, useRef } from 'react';
import type { PrivateMessage } from '@hearth/shared';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export interface MessageListProps {
  messages: readonly PrivateMessage[];
  selfId: string;
  /** Said when there is nothing yet (and history is not still loading). */
  emptyText: string;
}

/**
 * The messages of one conversation, oldest first: who, when, what. Not a live region itself (loading
 * the history would read it all out); new messages are announced once by ConversationAnnouncer.
 * Scrollable, so it takes focus: keyboard users can scroll it too.
 */
export function MessageList({ messages, selfId, emptyText }: MessageListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const count = messages.length;

  // Keep the newest in view; an instant jump (never a smooth scroll), so nothing moves on its own.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);

  if (count === 0) return <p className="conversation__empty">{emptyText}</p>;
  return (
    <ol ref={listRef} className="conversation__messages" tabIndex={0} aria-label="Messages">
      {messages.map((message) => {
        const own = message.from.id === selfId;
        return (
          <li key={message.id} className={`conversation__message${own ? ' conversation__message--own' : ''}`}>
            <p className="conversation__meta">
              <span className="conversation__from">{own ? 'You' : message.from.displayName}</span>{' '}
              <time dateTime={new Date(message.sentAt).toISOString()}>{timeOfDay.format(message.sentAt)}</time>
            </p>
            <p className="conversation__body">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
