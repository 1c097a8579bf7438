/**
 * The group chat, wired to the room socket: the history is asked for on every (re)join and whenever the
 * mode changes (what this person may read changes with it, CH2); new and removed messages arrive as facts.
 * Sending adds the acknowledged message (the server does not echo it to its sender).
 */
import { useCallback, useEffect, useReducer } from 'react';
import type { ChatMode } from '@hearth/shared';
import type { RoomCommand, RoomListen } from '../session';
import { chatReducer, initialChatView } from './chat-state';

interface Options {
  /** In the room or reconnecting to it. */
  inRoom: boolean;
  command: RoomCommand;
  listen: RoomListen;
}

export function useChatState({ inRoom, command, listen }: Options) {
  const [state, dispatch] = useReducer(chatReducer, initialChatView);

  const load = useCallback(async () => {
    const ack = await command('chat:history', {});
    if (ack.ok) dispatch({ type: 'loaded', mode: ack.mode, messages: ack.messages });
  }, [command]);

  // Kept on screen while reconnecting; forgotten once out of the room. Each (re)join asks again.
  useEffect(() => {
    if (!inRoom) dispatch({ type: 'reset' });
  }, [inRoom]);

  useEffect(() => listen((fact) => {
    switch (fact.name) {
      case 'room:joined':
        return void load();
      case 'chat:message':
        return dispatch({ type: 'message', message: fact.payload });
      case 'chat:removed':
        return dispatch({ type: 'removed', messageId: fact.payload.messageId });
      case 'chat:mode':
        dispatch({ type: 'mode', mode: fact.payload.mode });
        return void load();
      default:
        return undefined;
    }
  }), [listen, load]);

  /** Resolves to an error message to show, or null once sent. */
  const send = useCallback(async (text: string): Promise<string | null> => {
    const ack = await command('chat:send', { text });
    if (!ack.ok) return ack.error.message;
    dispatch({ type: 'message', message: ack.message });
    return null;
  }, [command]);

  /** Facilitators (the server refuses anyone else). */
  const remove = useCallback(async (messageId: string, from: string) => {
    const ack = await command('chat:remove', { messageId });
    if (ack.ok || ack.error.code === 'not_found') dispatch({ type: 'removed', messageId });
    dispatch({ type: 'status', text: ack.ok ? `Message from ${from} removed for everyone.` : ack.error.message });
  }, [command]);

  const setMode = useCallback(async (mode: ChatMode) => {
    const ack = await command('chat:mode', { mode });
    if (ack.ok) dispatch({ type: 'mode', mode: ack.mode });
    else dispatch({ type: 'status', text: ack.error.message });
  }, [command]);

  return { state, send, remove, setMode };
}
export type Chat = ReturnType<typeof useChatState>;
