import { useId } from 'react';
import { Link } from 'wouter';
import { PagePaths, type Session } from '@hearth/shared';
import { formatDateTime } from '../../../lib/format';
import { EndSessionControl } from './end-session-control';
import { InvitePanel } from './invite-panel';
import { SessionCases } from './session-cases';

export function LiveSession({ session, onEnded }: { session: Session; onEnded: (session: Session) => void }) {
  const headingId = useId();
  return (
    <article className="session" aria-labelledby={headingId}>
      <h3 id={headingId} className="session__title">
        {session.title} <span className="badge badge--live">Live</span>
      </h3>
      <p className="muted">Started {formatDateTime(session.startedAt)}</p>
      <div className="session__actions">
        <Link href={PagePaths.facilitatorJoin(session.id)} className="button button--primary">
          Enter room
        </Link>
        <EndSessionControl session={session} onEnded={onEnded} />
      </div>
      <InvitePanel sessionId={session.id} />
      <SessionCases sessionId={session.id} describedBy={headingId} />
    </article>
  );
}
