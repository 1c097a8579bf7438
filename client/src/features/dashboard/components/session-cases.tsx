import { useEffect, useId, useState } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { listSessionCases } from '../api/dashboard-api';
import { inRaisedOrder } from '../../../lib/case-words';
import { CaseItem } from './case-item';
import { HandoverSummary } from './handover-summary';

type Load = { state: 'loading' } | { state: 'loaded'; cases: DistressAlert[] } | { state: 'failed'; error: ClientError };

/**
 * A session's support requests, behind a disclosure: they are sensitive, so they stay out of sight
 * until the facilitator asks for them. Each opening loads them afresh, because a live session's
 * requests keep moving while the dashboard is open. `describedBy` names the session for the button,
 * since every session has one called "Support requests". An ended session leads with its handover.
 */
export function SessionCases({ sessionId, describedBy, ended = false }: { sessionId: string; describedBy?: string; ended?: boolean }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!open) return undefined;
    let active = true;
    void listSessionCases(sessionId).then((result) => {
      if (!active) return;
      setLoad(result.ok ? { state: 'loaded', cases: inRaisedOrder(result.value) } : { state: 'failed', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [open, sessionId, attempt]);

  function toggle() {
    // Reset on opening, so an old list is never shown as if it were current.
    if (!open) setLoad({ state: 'loading' });
    setOpen(!open);
  }

  function retry() {
    setLoad({ state: 'loading' });
    setAttempt((n) => n + 1);
  }

  return (
    <div className="session-cases">
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} aria-describedby={describedBy} onClick={toggle}>
        Support requests
      </Button>
      <div id={panelId} className="session-cases__panel" hidden={!open}>
        {open ? <CasePanelBody load={load} ended={ended} onRetry={retry} /> : null}
      </div>
    </div>
  );
}

/**
 * The loading and "none" lines sit in one polite live region that stays put while the panel is open,
 * so a screen reader hears how the load ended without having to look for it. The list itself is not
 * announced (it can be long); a short hidden line says it is there.
 */
function CasePanelBody({ load, ended, onRetry }: { load: Load; ended: boolean; onRetry: () => void }) {
  const loaded = load.state === 'loaded';
  const empty = loaded && load.cases.length === 0;
  const statusText =
    load.state === 'loading' ? 'Loading support requests…' : empty ? 'No support requests in this session.' : loaded ? 'Support requests loaded.' : '';
  return (
    <>
      <p role="status" className={loaded && !empty ? 'visually-hidden' : 'muted session-cases__status'}>
        {statusText}
      </p>
      {load.state === 'failed' ? (
        <div className="stack">
          <FormError error={load.error} />
          <Button onClick={onRetry}>Try again</Button>
        </div>
      ) : null}
      {loaded && !empty && ended ? <HandoverSummary cases={load.cases} /> : null}
      {loaded && !empty ? (
        <ul className="case-list" aria-label="All support requests">
          {load.cases.map((alert) => (
            <CaseItem key={alert.id} alert={alert} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
