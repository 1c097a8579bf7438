import { useCallback, useEffect, useState } from 'react';
import { useLatest } from '../../../lib/use-latest';

export type RegisterShortcut = (key: string, action: () => void) => () => void;

/**
 * The room's single-key shortcuts (M, V, G, R, T, H), each registered by the part it belongs to. They
 * stay out of the way: they work only while `active` (in the call), and are ignored while typing in a
 * field, with a modifier held (browser and screen-reader shortcuts), or while a dialog is open.
 */
export function useKeyboardShortcuts(active: boolean): RegisterShortcut {
  const [actions] = useState(() => new Map<string, () => void>());
  const latest = useLatest(active);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!latest.current) return;
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
      if (document.querySelector('dialog[open]')) return;
      const action = actions.get(event.key.toLowerCase());
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, latest]);

  return useCallback((key: string, action: () => void) => {
    actions.set(key, action);
    return () => {
      if (actions.get(key) === action) actions.delete(key);
    };
  }, [actions]);
}
