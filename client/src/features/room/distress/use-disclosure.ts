import { useCallback, useId, useState } from 'react';

/**
 * A show/hide button and the panel it controls (the WAI-ARIA disclosure pattern). A real button with
 * aria-expanded rather than <details>: its state is announced the same way everywhere, and the panel
 * stays in the page (hidden), so aria-controls always points at something.
 */
export function useDisclosure(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const toggle = useCallback(() => setOpen((was) => !was), []);
  return {
    open,
    setOpen,
    buttonProps: { 'aria-expanded': open, 'aria-controls': panelId, onClick: toggle },
    panelProps: { id: panelId, hidden: !open },
  };
}
