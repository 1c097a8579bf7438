import { useCallback, useRef, useState } from 'react';
import type { MediaFlags } from './use-room-socket';

/**
 * What this person wants their microphone and camera to be. State for rendering, plus a ref that
 * long-lived code (socket rejoin, media connect, queued toggles) reads without stale closures.
 */
export function useMediaFlags(initial: MediaFlags) {
  const [flags, setFlags] = useState(initial);
  const flagsRef = useRef(initial);
  const commit = useCallback((patch: Partial<MediaFlags>) => {
    flagsRef.current = { ...flagsRef.current, ...patch };
    setFlags(flagsRef.current);
  }, []);
  return { flags, flagsRef, commit };
}
