import { useCallback, useRef } from 'react';
import type { LostReason } from './use-media-connection';

const WINDOW_MS = 60_000;
const MAX_ATTEMPTS = 3;

/**
 * When media drops by itself the room rejoins for a fresh ticket, but never in a tight loop: after
 * a few attempts in a minute it stops and tells the person instead. Closed for sending too much
 * ([SG4] [SG5]), rejoining would only be closed again: it says so and does not retry.
 */
export function useLossRecovery(reconnect: () => boolean, notify: (text: string, persistent?: boolean) => void) {
  const attempts = useRef<number[]>([]);
  return useCallback((reason: LostReason) => {
    if (reason === 'over_budget') {
      notify('Audio and video stopped: this browser sent the server more than it allows. Leaving and rejoining usually helps.', true);
      return;
    }
    const now = Date.now();
    attempts.current = attempts.current.filter((at) => now - at < WINDOW_MS);
    if (attempts.current.length >= MAX_ATTEMPTS) {
      notify('We keep losing the audio and video connection. Leaving and rejoining usually helps.', true);
      return;
    }
    // Not counted when the room is already reconnecting as a whole: its rejoin brings media back.
    if (!reconnect()) return;
    attempts.current.push(now);
    notify('Reconnecting audio and video…');
  }, [reconnect, notify]);
}
