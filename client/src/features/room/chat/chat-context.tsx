/**
 * The group-chat part of the room. Signalling only (socket.io), so it works the same in mesh and LiveKit
 * mode; the server decides who reads and writes (CH1-CH3).
 */
import type { ReactNode } from 'react';
import { createPartContext, useRoomSession } from '../session';
import { useChatState, type Chat } from './use-chat';

const [Provider, useChatContext] = createPartContext<Chat>('The group chat');

/** The group chat; throws outside <ChatProvider>. */
export const useChat = useChatContext;

export function ChatProvider({ children }: { children: ReactNode }) {
  const { state, command, listen } = useRoomSession();
  const chat = useChatState({ inRoom: state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting', command, listen });
  return <Provider value={chat}>{children}</Provider>;
}
