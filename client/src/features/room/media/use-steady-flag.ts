import { useEffect, useState } from 'react';

/**
 * Turns on at once and off only after `holdMs` without being on, so a speaking outline does not
 * flicker between words (calm, and safe for people sensitive to flashing).
 */
export function useSteadyFlag(flag: boolean, holdMs = 900): boolean {
  const [previous, setPrevious] = useState(flag);
  const [holding, setHolding] = useState(false);

  // Adjusting state while rendering (not in an effect) when the input changes, as React recommends.
  if (flag !== previous) {
    setPrevious(flag);
    if (!flag) setHolding(true);
  }

  useEffect(() => {
    if (!holding || flag) return undefined;
    const timer = window.setTimeout(() => setHolding(false), holdMs);
    return () => window.clearTimeout(timer);
  }, [holding, flag, holdMs]);

  return flag || holding;
}
