/**
 * Talk time in the room, wired to the socket: the facilitators' live figures and a member's own meter
 * arrive as facts (the server decides who gets which); the panel opens with T; facilitators change the
 * group's "members see their own share" setting.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { RoomCommand, RoomListen } from '../session';
import { initialTalkTimeState, talkTimeReducer } from './talk-time-state';

interface Options {
  command: RoomCommand;
  listen: RoomListen;
}

export function useTalkTimeState({ command, listen }: Options) {
  const [state, dispatch] = useReducer(talkTimeReducer, initialTalkTimeState);
  const [settingError, setSettingError] = useState<string | null>(null);

  useEffect(() => listen((fact) => {
    if (fact.name === 'talk:stats') dispatch({ type: 'stats', stats: fact.payload });
    if (fact.name === 'talk:own-share') dispatch({ type: 'own', own: fact.payload.own });
  }), [listen]);

  const toggle = useCallback(() => dispatch({ type: 'toggle' }), []);
  const close = useCallback(() => dispatch({ type: 'close' }), []);
  const setMembersSeeOwnShare = useCallback(async (membersSeeOwnShare: boolean) => {
    const ack = await command('talk:settings', { membersSeeOwnShare });
    setSettingError(ack.ok ? null : ack.error.message);
  }, [command]);

  return { state, toggle, close, setMembersSeeOwnShare, settingError };
}
export type TalkTime = ReturnType<typeof useTalkTimeState>;
