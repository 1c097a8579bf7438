import { isFacilitatorRole, type Participant } from '@hearth/shared';
import type { Conversations } from './conversations/use-conversations';
import type { Distress } from './use-distress';
import { threadOf, type ThreadKey } from './conversations/conversations-state';
import type { SupportDetails } from '../session';
import { Backchannel } from './conversations/backchannel';
import { ConversationAnnouncer } from './conversations/conversation-announcer';
import { MemberConversation } from './conversations/member-conversation';
import { EmergencyContacts } from './emergency-contacts';
import { SupportRequests } from './support-requests';

export interface PrivateSupportProps {
  self: Participant;
  distress: Distress;
  conversations: Conversations;
  support: SupportDetails;
}

/**
 * Everything private about support, in the side column, each part rendered only for the people it is
 * for (the server sends nothing else to anyone, and this keeps the page honest about it too):
 * - facilitators and co-facilitators: the requests (with their conversations), emergency contacts and
 *   the facilitators' channel;
 * - whoever asked for support (a member, or a co-facilitator): their own conversation with the facilitators.
 * A member who never asked sees nothing here at all.
 */
export function PrivateSupport({ self, distress, conversations, support }: PrivateSupportProps) {
  const facilitator = isFacilitatorRole(self.role);
  const own = conversations.ownKey;
  const handlers = (key: ThreadKey) => ({
    thread: threadOf(conversations.state, key),
    selfId: self.id,
    onToggle: () => conversations.toggle(key),
    onDraftChange: (draft: string) => conversations.changeDraft(key, draft),
    onSend: () => void conversations.send(key),
    onRetryHistory: () => void conversations.loadHistory(key),
  });
  return (
    <div className="room__support">
      {/* Always in the page, so screen readers announce each new message (politely). */}
      <ConversationAnnouncer announcement={conversations.state.announcement} />
      {own !== null ? <MemberConversation {...handlers(own)} /> : null}
      {facilitator ? (
        <>
          <SupportRequests alerts={distress.state.alerts} announcement={distress.state.announcement} selfId={self.id}
            conversations={conversations} onAcknowledge={distress.acknowledge} onUpdate={distress.update} onBringIn={distress.bringIn} />
          <EmergencyContacts support={support} />
          <Backchannel {...handlers('backchannel')} />
        </>
      ) : null}
    </div>
  );
}
