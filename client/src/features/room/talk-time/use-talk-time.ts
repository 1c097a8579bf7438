/**
 * Talk time in the room, wired to the socket: the facilitators' live figures and a member's own meter
 * arrive as facts (the server decides who gets which); the panel opens with T; facilitators change the
 * group's "members see their own share" setting.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ClientCommandName, CommandPayload } from '@hearth/shared';
import type { CommandOutcome } from '../../../lib/socket';
import type { RoomFactListener } from '../session/use-room-socket';
import { initialTalkTimeState, talkTimeReducer } from './talk-time-state';

interface Options {
  command: <E extends ClientCommandName>(name: E, payload: CommandPayload<E>) => Promise<CommandOutcome<E>>;
  listen: (listener: RoomFactListener) => () => void;
}

export function useTalkTime({ command, listen }: Options) {
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
export type TalkTime = ReturnType<typeof useTalkTime>;
