/** The reactions part of the room: the buttons, the group's setting, and what is shown beside each person. */
import type { ReactNode } from 'react';
import { createPartContext, useRoomSession } from '../session';
import { useReactionsState, type Reactions } from './use-reactions';

const [Provider, useReactionsContext] = createPartContext<Reactions>('Reactions');

/** Reactions; throws outside <ReactionsProvider>. */
export const useReactions = useReactionsContext;

export function ReactionsProvider({ children }: { children: ReactNode }) {
  const { command, listen } = useRoomSession();
  return <Provider value={useReactionsState({ command, listen })}>{children}</Provider>;
}
