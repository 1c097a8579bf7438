import { useId, useState } from 'react';
import { Link } from 'wouter';
import { RulesPagePaths, type Group, type Session } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { useRemoteList } from '../../../lib/use-remote-list';
import { listSessions, startSession } from '../api/dashboard-api';
import { CoFacilitatorsPanel } from './co-facilitators-panel';
import { LiveSession } from './live-session';
import { PastSession } from './past-session';
import { MediaEncryptionSetting } from './media-encryption-setting';
import { ObservationSetting } from './observation-setting';
import { SupportDetailsForm } from './support-details-form';
import { WelcomeTextForm } from './welcome-text-form';

const PAST_SHOWN = 5;

export function GroupSection({ group, onChange }: { group: Group; onChange: (group: Group) => void }) {
  const headingId = useId();
  const sessions = useRemoteList(() => listSessions(group.id), `sessions:${group.id}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  // The newest few by default; every ended session stays reachable, since each holds support records.
  const [allPast, setAllPast] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    const result = await startSession(group.id);
    setBusy(false);
    if (result.ok) {
      sessions.upsert(result.value);
      setStatus(statusMessage('Session started'));
    } else {
      setError(result.error);
    }
  }

  function ended(session: Session) {
    sessions.upsert(session);
    setStatus(statusMessage('Session ended'));
  }

  const live = sessions.items?.filter((s) => s.status === 'live') ?? [];
  const past = sessions.items?.filter((s) => s.status === 'ended') ?? [];

  return (
    <section className="card group" aria-labelledby={headingId}>
      <div className="group__header">
        <div>
          <h2 id={headingId} className="group__name">
            {group.name}
          </h2>
          {group.organisation ? <p className="group__organisation">{group.organisation}</p> : null}
          {group.yourRole === 'co_facilitator' ? <p className="group__organisation">You co-facilitate this group</p> : null}
        </div>
        <div className="group__start">
          <Button variant="primary" onClick={start} disabled={busy}>
            Start session
          </Button>
          <StatusText message={status} />
        </div>
      </div>
      {group.purpose ? <p className="group__purpose">{group.purpose}</p> : null}
      <p className="group__rules-link">
        <Link href={RulesPagePaths.editor(group.id)} aria-label={`Ground rules for ${group.name}`}>Ground rules</Link>
      </p>
      <FormError error={error} />
      {sessions.error ? (
        <div className="stack">
          <FormError error={sessions.error} />
          <Button onClick={sessions.retry}>Try again</Button>
        </div>
      ) : null}
      {sessions.items === null && !sessions.error ? <p className="muted">Loading sessions…</p> : null}
      {sessions.items !== null && live.length === 0 ? <p className="muted">No session is running.</p> : null}
      {live.map((session) => (
        <LiveSession key={session.id} session={session} onEnded={ended} />
      ))}
      {past.length > 0 ? (
        <div className="past-sessions">
          <h3>Past sessions</h3>
          <ul className="past-sessions__list">
            {(allPast ? past : past.slice(0, PAST_SHOWN)).map((session) => (
              <PastSession key={session.id} session={session} />
            ))}
          </ul>
          {past.length > PAST_SHOWN ? (
            <Button variant="quiet" onClick={() => setAllPast(!allPast)}>
              {allPast ? 'Show only recent past sessions' : `Show all ${past.length} past sessions`}
            </Button>
          ) : null}
        </div>
      ) : null}
      <CoFacilitatorsPanel group={group} />
      {/* [CF4] The group's settings are its host's: a co-facilitator is not offered what would be refused. */}
      {group.yourRole === 'host' ? (
        <>
          <SupportDetailsForm group={group} onSaved={onChange} />
          <ObservationSetting group={group} onSaved={onChange} />
          <MediaEncryptionSetting group={group} onSaved={onChange} />
          <WelcomeTextForm groupId={group.id} />
        </>
      ) : null}
    </section>
  );
}
