import { useId } from 'react';
import type { Session } from '@hearth/shared';
import { formatDateTime } from '../../../lib/format';
import { SessionCases } from './session-cases';
import { SessionTalkTime } from './session-talk-time';

/** An ended session: what it was and when, and its support records for as long as the group keeps them. */
export function PastSession({ session }: { session: Session }) {
  const titleId = useId();
  return (
    <li className="past-session">
      <p id={titleId} className="past-session__title">
        {session.title} <span className="muted">· {formatDateTime(session.startedAt)}</span>
      </p>
      <SessionCases sessionId={session.id} describedBy={titleId} ended />
      <SessionTalkTime sessionId={session.id} describedBy={titleId} />
    </li>
  );
}
