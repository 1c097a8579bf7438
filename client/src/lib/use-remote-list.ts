import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from './api';
import type { ClientError } from './errors';

/**
 * A list fetched from the server plus local updates after the person's own actions (create, end,
 * revoke), so the page does not refetch after every click. `key` names what is listed; changing it
 * loads again.
 */
export function useRemoteList<T extends { id: string }>(load: () => Promise<ApiResult<T[]>>, key: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    void load().then((result) => {
      if (!active) return;
      if (result.ok) {
        setItems(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      active = false;
    };
    // `load` is recreated on every render by callers; `key` is what identifies the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  /** Replaces the item with the same id, or adds it (newest first by default). */
  const upsert = useCallback((item: T, where: 'start' | 'end' = 'start') => {
    setItems((list) => {
      const current = list ?? [];
      if (current.some((existing) => existing.id === item.id)) {
        return current.map((existing) => (existing.id === item.id ? item : existing));
      }
      return where === 'start' ? [item, ...current] : [...current, item];
    });
  }, []);

  /** Takes the item with this id out of the list. */
  const remove = useCallback((id: string) => {
    setItems((list) => (list ?? []).filter((existing) => existing.id !== id));
  }, []);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { items, error, upsert, remove, retry };
}
