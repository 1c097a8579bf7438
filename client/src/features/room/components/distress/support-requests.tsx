import { useState } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { FormError } from '../../../../components/ui/form-error';
import type { ClientError } from '../../../../lib/errors';
import type { CommandOutcome } from '../../../../lib/socket';
import { waitingCount, type Announcement } from '../../model/distress-state';
import { SupportRequestItem } from './support-request-item';

export interface SupportRequestsProps {
  alerts: readonly DistressAlert[];
  announcement: Announcement | null;
  onAcknowledge: (alertId: string) => Promise<CommandOutcome<'distress:acknowledge'>>;
}

/**
 * Facilitators only: members' requests for support, shown above everything else in the side column
 * once there is one. A new request is also read out at once (role="alert"); the region for that is
 * always in the page, as screen readers only announce changes to regions that already exist.
 */
export function SupportRequests({ alerts, announcement, onAcknowledge }: SupportRequestsProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const waiting = waitingCount(alerts);

  async function acknowledge(alert: DistressAlert) {
    setPending(alert.id);
    setError(null);
    const ack = await onAcknowledge(alert.id);
    setPending(null);
    if (!ack.ok) setError(ack.error);
  }

  return (
    <>
      <p role="alert" className="visually-hidden">
        {/* A new node per announcement, so the same words for a second request are read again. */}
        {announcement ? <span key={announcement.seq}>{announcement.text}</span> : null}
      </p>
      {alerts.length > 0 ? (
        <section aria-label="Support requests" className="support-requests">
          <h2 className="support-requests__title">
            Support requests {waiting > 0 ? <span className="support-requests__count">({waiting} waiting)</span> : null}
          </h2>
          <ul className="support-requests__list">
            {alerts.map((alert) => (
              <SupportRequestItem key={alert.id} alert={alert} busy={pending === alert.id}
                onAcknowledge={(a) => void acknowledge(a)} />
            ))}
          </ul>
          <FormError error={error} />
        </section>
      ) : null}
    </>
  );
}
