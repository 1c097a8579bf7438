import { useEffect, useState } from 'react';

export interface StatusMessage {
  text: string;
  id: number;
}

let nextId = 1;

/** Creates a fresh message each time, so repeating the same words announces them again. */
export function statusMessage(text: string): StatusMessage {
  return { text, id: nextId++ };
}

/**
 * A polite live region that shows a short confirmation ("Copied", "Link revoked") and clears it
 * after a while. The region itself is always in the page: screen readers only announce changes to
 * regions that already exist.
 */
export function StatusText({ message, clearAfterMs = 6000, className }: {
  message: StatusMessage | null;
  clearAfterMs?: number;
  className?: string;
}) {
  const [clearedId, setClearedId] = useState<number | null>(null);

  useEffect(() => {
    if (!message) return undefined;
    const timer = window.setTimeout(() => setClearedId(message.id), clearAfterMs);
    return () => window.clearTimeout(timer);
  }, [message, clearAfterMs]);

  return (
    <span role="status" className={['status-text', className].filter(Boolean).join(' ')}>
      {message && message.id !== clearedId ? message.text : ''}
    </span>
  );
}
