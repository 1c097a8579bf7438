import { useId } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { clockTime, handlerWords, levelWords, openCases, statusWords } from '../../../lib/case-words';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * For an ended session: the cases that were still open when it ended (the same handover the
 * facilitators in the room received), so whoever follows up sees at once who may need a call. In the
 * order they were raised, in words; the full records with their timelines follow below it.
 */
export function HandoverSummary({ cases }: { cases: readonly DistressAlert[] }) {
  const headingId = useId();
  const open = openCases(cases);
  return (
    <section className="handover" aria-labelledby={headingId}>
      <h4 id={headingId} className="handover__title">
        Handover: still open when the session ended
      </h4>
      {open.length === 0 ? (
        <p className="muted handover__none">Every support request was resolved before the session ended.</p>
      ) : (
        <ul className="handover__list">
          {open.map((alert) => (
            <li key={alert.id}>
              <span className="case__name">{alert.displayName}</span>
              {' — '}
              {levelWords(alert.level)}. {statusWords(alert.status)}, {handlerWords(alert)}. Raised at{' '}
              <time dateTime={iso(alert.raisedAt)}>{clockTime(alert.raisedAt)}</time>.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
