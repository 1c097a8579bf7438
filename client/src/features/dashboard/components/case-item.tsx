import { useId } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { clockTime, levelWords, statusWords, stepText } from '../../../lib/case-words';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One support request as the facilitator's record shows it: who, how they were, their note, where it
 * ended up, who took it on, and each step in order. Words only: no scores, counts or colours that rank.
 */
export function CaseItem({ alert }: { alert: DistressAlert }) {
  const timelineId = useId();
  return (
    <li className="case">
      <p className="case__who">
        <span className="case__name">{alert.displayName}</span>
        <span className="case__level">{levelWords(alert.level)}</span>
      </p>
      {alert.note ? (
        <p className="case__note">
          <span className="case__label">Note: </span>
          {alert.note}
        </p>
      ) : null}
      <p className="case__state">
        <span>
          <span className="case__label">Status: </span>
          {statusWords(alert.status)}
        </span>
        <span>{alert.acknowledgedBy ? `Acknowledged by ${alert.acknowledgedBy.displayName}` : 'Not acknowledged'}</span>
        {/* A facilitator may open a case for a member they are concerned about; the record says so. */}
        {alert.openedBy ? <span>{`Opened by ${alert.openedBy.displayName}`}</span> : null}
      </p>
      <p id={timelineId} className="case__label">
        Timeline
      </p>
      <ol className="case__timeline" aria-labelledby={timelineId}>
        {alert.timeline.map((entry, index) => (
          <li key={`${entry.at}-${entry.kind}-${index}`}>
            <time dateTime={iso(entry.at)}>{clockTime(entry.at)}</time> — {stepText(entry)}
          </li>
        ))}
      </ol>
    </li>
  );
}
