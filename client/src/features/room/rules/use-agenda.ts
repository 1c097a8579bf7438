/**
 * The session's agenda, wired to the room socket: fetched on every (re)join so someone arriving late
 * sees the current phase; kept current by `agenda:phase`; facilitators move through it. Entering a
 * phase that opens the ground rules (or joining during one) opens everyone's rules panel.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { MovePhase, SessionAgenda } from '@hearth/shared';
import { agendaReducer, entersRulesPhase, initialAgendaState } from './agenda-state';
import type { RoomCommand, RoomListen } from '../session';

interface Options {
  inRoom: boolean;
  command: RoomCommand;
  listen: RoomListen;
  onEnterRulesPhase: () => void;
}

export function useAgendaState({ inRoom, command, listen, onEnterRulesPhase }: Options) {
  const [state, dispatch] = useReducer(agendaReducer, initialAgendaState);
  // The latest agenda, read synchronously when a fact lands (the reducer must stay free of side effects).
  const seen = useRef<SessionAgenda | null>(null);
  const openRules = useRef(onEnterRulesPhase);
  useEffect(() => {
    openRules.current = onEnterRulesPhase;
  }, [onEnterRulesPhase]);

  const apply = useCallback((agenda: SessionAgenda, type: 'loaded' | 'moved') => {
    if (entersRulesPhase(seen.current, agenda)) openRules.current();
    seen.current = agenda;
    dispatch({ type, agenda });
  }, []);

  useEffect(() => listen((fact) => {
    if (fact.name === 'agenda:phase') apply(fact.payload, 'moved');
  }), [listen, apply]);

  useEffect(() => {
    if (!inRoom) return;
    let cancelled = false;
    void command('agenda:get', {}).then((ack) => {
      if (!cancelled && ack.ok) apply(ack.agenda, 'loaded');
    });
    return () => {
      cancelled = true;
    };
  }, [inRoom, command, apply]);

  /** Facilitators only (the server refuses anyone else). The fact that follows updates everyone. */
  const move = useCallback(async (to: MovePhase) => {
    const ack = await command('agenda:move', to);
    if (!ack.ok) dispatch({ type: 'announce', text: ack.error.message });
  }, [command]);

  return { state, move };
}
export type Agenda = ReturnType<typeof useAgendaState>;
