/**
 * Quiet reactions in the room, wired to the socket: what others sent arrives as `reaction:shown` and fades
 * after a few seconds; the group's setting arrives on joining and when a facilitator changes it.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ReactionKind } from '@hearth/shared';
import type { RoomCommand, RoomListen } from '../session';
import { initialReactionsState, REACTION_SHOWN_MS, reactionsReducer } from './reactions-state';

interface Options {
  command: RoomCommand;
  listen: RoomListen;
}

export function useReactionsState({ command, listen }: Options) {
  const [state, dispatch] = useReducer(reactionsReducer, initialReactionsState);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    const stop = listen((fact) => {
      if (fact.name === 'reactions:settings') dispatch({ type: 'settings', enabled: fact.payload.enabled });
      if (fact.name === 'reaction:shown') {
        const { participantId, kind } = fact.payload;
        dispatch({ type: 'shown', participantId, kind });
      }
    });
    return () => {
      stop();
      pending.forEach(clearTimeout);
      pending.clear();
    };
  }, [listen]);

  // One timer per reaction shown; the reducer ignores a timer whose reaction was already replaced.
  useEffect(() => {
    for (const [participantId, { serial }] of Object.entries(state.shown)) {
      if (serial !== state.serial) continue;
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dispatch({ type: 'expired', participantId, serial });
      }, REACTION_SHOWN_MS);
      timers.current.add(timer);
    }
  }, [state.serial, state.shown]);

  const send = useCallback(async (kind: ReactionKind) => {
    const ack = await command('reaction:send', { kind });
    setError(ack.ok ? null : ack.error.message);
  }, [command]);

  // Shown at once (a checkbox that flipped only on the answer would lag the click); put back if refused.
  const setEnabled = useCallback(async (enabled: boolean) => {
    dispatch({ type: 'settings', enabled });
    const ack = await command('reactions:settings', { enabled });
    if (!ack.ok) dispatch({ type: 'settings', enabled: !enabled });
    setError(ack.ok ? null : ack.error.message);
  }, [command]);

  return { state, send, setEnabled, error };
}
export type Reactions = ReturnType<typeof useReactionsState>;
