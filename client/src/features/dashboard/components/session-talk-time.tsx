import { useEffect, useId, useState } from 'react';
import type { TalkSummary as Summary } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { getTalkSummary } from '../api/talk-time-api';
import { TalkSummary } from './talk-summary';

type Load = { state: 'loading' } | { state: 'loaded'; summary: Summary } | { state: 'failed'; error: ClientError };

/**
 * An ended session's talk-time summary, behind a disclosure like its support records: who spoke how
 * much, the balance through the session, turns and rounds. Loaded when opened.
 */
export function SessionTalkTime({ sessionId, describedBy }: { sessionId: string; describedBy?: string }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!open) return undefined;
    let active = true;
    void getTalkSummary(sessionId).then((result) => {
      if (active) setLoad(result.ok ? { state: 'loaded', summary: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [open, sessionId]);

  return (
    <div className="session-talk-time">
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} aria-describedby={describedBy}
        onClick={() => {
          if (!open) setLoad({ state: 'loading' });
          setOpen(!open);
        }}>
        Talk time
      </Button>
      <div id={panelId} className="session-talk-time__panel" hidden={!open}>
        {open ? (
          <>
            <p role="status" className={load.state === 'loaded' ? 'visually-hidden' : 'muted'}>
              {load.state === 'loading' ? 'Loading the talk-time summary…' : load.state === 'loaded' ? 'Talk-time summary loaded.' : ''}
            </p>
            {load.state === 'failed' ? <FormError error={load.error} /> : null}
            {load.state === 'loaded' ? <TalkSummary summary={load.summary} /> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
