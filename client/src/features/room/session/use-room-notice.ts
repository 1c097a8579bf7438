import { useCallback, useEffect, useState } from 'react';

export interface RoomNotice {
  text: string;
  /** Stays until dismissed or replaced (e.g. "Sam muted you…"); others fade after a while. */
  persistent: boolean;
  id: number;
}

let nextId = 1;

/** The one message line of the room, shown in its role="status" live region. */
export function useRoomNotice() {
  const [notice, setNotice] = useState<RoomNotice | null>(null);

  const show = useCallback((text: string, persistent = false) => setNotice({ text, persistent, id: nextId++ }), []);
  const dismiss = useCallback(() => setNotice(null), []);

  useEffect(() => {
    if (!notice || notice.persistent) return undefined;
    const timer = window.setTimeout(() => setNotice((current) => (current?.id === notice.id ? null : current)), 8000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return { notice, show, dismiss };
}
