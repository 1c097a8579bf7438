/**
 * The distress part of the room: asking for support (everyone but the facilitator; H), others' requests
 * and their handling (facilitators and co-facilitators), and the private conversations on them and the
 * facilitators' channel. The server alone decides who receives any of it; nothing here names a recipient.
 */
import type { ReactNode } from 'react';
import { createPartContext } from '../session';
import { useRoomSession, useRoomShortcut } from '../session';
import { useConversationsState, type Conversations } from './conversations/use-conversations';
import { canAskForSupport } from './distress-state';
import { useDistressState, type Distress } from './use-distress';

const [DistressValue, useDistressContext] = createPartContext<Distress>('Distress');
const [ConversationsValue, useConversationsContext] = createPartContext<Conversations>('Private conversations');

/** Support requests; throws outside <DistressProvider>. */
export const useDistress = useDistressContext;
/** Private conversations on requests and the facilitators' channel; throws outside <DistressProvider>. */
export const useConversations = useConversationsContext;

export function DistressProvider({ children }: { children: ReactNode }) {
  const { state, command, listen } = useRoomSession();
  const distress = useDistressState({ selfId: state.self?.id ?? null, command, listen });
  const conversations = useConversationsState({
    self: state.self,
    ownAlertId: distress.state.member.sent?.alertId ?? null,
    alerts: distress.state.alerts,
    // Replaced on every (re)join: open conversations fetch what they missed.
    joinedWith: state.media,
    command,
    listen,
  });
  useRoomShortcut('h', state.self && canAskForSupport(state.self.role) ? distress.tap : null);
  return (
    <DistressValue value={distress}>
      <ConversationsValue value={conversations}>{children}</ConversationsValue>
    </DistressValue>
  );
}
