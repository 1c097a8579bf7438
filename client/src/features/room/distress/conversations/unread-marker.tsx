import { unreadText } from './conversations-state';

/**
 * "(2 new messages)" inside the button that opens a conversation: words, not a dot, so it is part of
 * the button's name for screen readers and never relies on colour.
 */
export function UnreadMarker({ unread }: { unread: number }) {
  if (unread <= 0) return null;
  return <span className="unread-marker"> ({unreadText(unread)})</span>;
}
