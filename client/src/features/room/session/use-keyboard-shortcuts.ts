import { useEffect } from 'react';
import { useLatest } from '../../../lib/use-latest';

/**
 * Single-key shortcuts for the room (M: microphone, V: camera, H: ask for support). They stay out of
 * the way: ignored while typing in a field, with a modifier held (browser and screen-reader
 * shortcuts), or while a dialog is open.
 */
export function useKeyboardShortcuts(bindings: Record<string, () => void>): void {
  const latest = useLatest(bindings);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
      if (document.querySelector('dialog[open]')) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
