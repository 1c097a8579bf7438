import { useId, useState } from 'react';
import type { Group } from '@hearth/shared';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { setGroupObservation } from '../api/dashboard-api';

const turnedOn = 'Observation is on. Members are told before they join that a supervisor may observe, and in the room when one is present.';
const turnedOff = 'Observation is off. No supervisor can join this group’s sessions, and anyone observing a live session has been taken out.';

/**
 * [SV6] Whether a supervisor may observe the group's sessions. Saved as soon as it is changed, with a
 * confirmation of what happened; on a failure the box shows what the server still has and says why.
 */
export function ObservationSetting({ group, onSaved }: { group: Group; onSaved: (group: Group) => void }) {
  const headingId = useId();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  async function change(allowed: boolean) {
    setBusy(true);
    setError(null);
    const result = await setGroupObservation(group.id, { allowed });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onSaved(result.value);
    setStatus(statusMessage(result.value.observationAllowed ? turnedOn : turnedOff));
  }

  return (
    <section className="support-details observation-setting" aria-labelledby={headingId}>
      <h3 id={headingId}>Observation</h3>
      <label className="support-details__choice">
        <input type="checkbox" checked={group.observationAllowed} disabled={busy} aria-describedby={hintId}
          onChange={(event) => void change(event.currentTarget.checked)} />
        <span className="support-details__choice-text">Allow a supervisor to observe sessions</span>
      </label>
      <p id={hintId} className="muted">
        A supervisor sees and hears the group and does not speak or appear. Members are never observed without knowing: they
        are told before they join, and in the room when an observer is present (not who).
      </p>
      <FormError error={error} />
      <StatusText message={status} clearAfterMs={10_000} />
    </section>
  );
}
