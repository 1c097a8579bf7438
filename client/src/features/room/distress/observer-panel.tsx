import type { DistressAlert, Participant } from '@hearth/shared';
import { clockTime, handlerWords, inRaisedOrder, levelWords, statusWords } from '../../../lib/case-words';
import type { Conversations } from './conversations/use-conversations';
import { threadOf } from './conversations/conversations-state';
import { Backchannel } from './conversations/backchannel';
import { ConversationAnnouncer } from './conversations/conversation-announcer';

export interface ObserverPanelProps {
  self: Participant;
  alerts: readonly DistressAlert[];
  conversations: Conversations;
}

/**
 * The hidden supervisor's side column (docs/spec.md [SV1]–[SV4]): a steady status saying they are
 * observing and members can't see them, the session's support requests read-only (acknowledging and
 * the private conversations stay with the facilitators, who are in the room with the member), and the
 * facilitators' channel, which is how a supervisor prompts or advises.
 */
export function ObserverPanel({ self, alerts, conversations }: ObserverPanelProps) {
  const handlers = {
    thread: threadOf(conversations.state, 'backchannel'),
    selfId: self.id,
    onToggle: () => conversations.toggle('backchannel'),
    onDraftChange: (draft: string) => conversations.changeDraft('backchannel', draft),
    onSend: () => void conversations.send('backchannel'),
    onRetryHistory: () => void conversations.loadHistory('backchannel'),
  };
  const cases = inRaisedOrder(alerts);
  return (
    <div className="room__support observer">
      <section className="observer__status" aria-labelledby="observer-status-title">
        <h2 id="observer-status-title" className="observer__title">You are observing; members can't see you</h2>
        <p>
          Your microphone and camera stay off. Facilitators and co-facilitators know you are here; members are never
          shown your name. Use the facilitators' channel to reach the facilitators.
        </p>
      </section>
      <ConversationAnnouncer announcement={conversations.state.announcement} />
      <section className="observer__requests" aria-labelledby="observer-requests-title">
        <h2 id="observer-requests-title" className="observer__title">Support requests (read only)</h2>
        {cases.length === 0 ? (
          <p className="observer__muted">No support requests this session.</p>
        ) : (
          <ul className="observer__list">
            {cases.map((alert) => (
              <li key={alert.id} className="observer__case">
                <strong>{alert.displayName}</strong>: {levelWords(alert.level)}. {statusWords(alert.status)}, {handlerWords(alert)}.{' '}
                <span className="observer__muted">
                  Raised at <time dateTime={new Date(alert.raisedAt).toISOString()}>{clockTime(alert.raisedAt)}</time>
                  {alert.reAlerts > 0 ? `; sent to facilitators again ${alert.reAlerts === 1 ? 'once' : `${alert.reAlerts} times`}` : ''}.
                </span>
                {alert.note ? <p className="observer__note">“{alert.note}”</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Backchannel {...handlers} />
    </div>
  );
}
