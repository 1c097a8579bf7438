import { useId } from 'react';
import type { Session } from '@hearth/shared';
import { formatDateTime } from '../../../lib/format';
import { SessionCases } from './session-cases';
import { SessionTalkTime } from './session-talk-time';

/** An ended session: what it was and when, and its support records for as long as the group keeps them (docs/retention.md). */
export function PastSession({ session }: { session: Session }) {
  const titleId = useId();
  return (
    <li className="past-session">
      <p id={titleId} className="past-session__title">
        {session.title} <span className="muted">· {formatDateTime(session.startedAt)}</span>
      </p>
      {session.recordsExpiredAt === undefined ? (
        <>
          <SessionCases sessionId={session.id} describedBy={titleId} ended />
          <SessionTalkTime sessionId={session.id} describedBy={titleId} />
        </>
      ) : (
        // [RT3] Said plainly, so an empty list is never taken for a session without requests.
        <p className="muted">
          Names, support requests and talk time were removed on {formatDateTime(session.recordsExpiredAt)}, after the group&apos;s
          retention period.
        </p>
      )}
    </li>
  );
}
