import { useId, useState } from 'react';
import type { Group } from '@hearth/shared';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { setGroupMediaEncryption } from '../api/dashboard-api';

const turnedOn = 'End-to-end encryption is on for sessions you start from now on. A session already running keeps how it started.';
const turnedOff = 'End-to-end encryption is off for sessions you start from now on. A session already running keeps how it started.';

/**
 * [LE1] Whether the group's sessions encrypt their media end to end in LiveKit mode. Saved as soon as it
 * is changed; it applies to sessions started afterwards, so everyone in one room always holds the same key.
 */
export function MediaEncryptionSetting({ group, onSaved }: { group: Group; onSaved: (group: Group) => void }) {
  const headingId = useId();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  async function change(enabled: boolean) {
    setBusy(true);
    setError(null);
    const result = await setGroupMediaEncryption(group.id, { enabled });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onSaved(result.value);
    setStatus(statusMessage(result.value.mediaEncryption ? turnedOn : turnedOff));
  }

  return (
    <section className="support-details media-encryption-setting" aria-labelledby={headingId}>
      <h3 id={headingId}>Media encryption</h3>
      <label className="support-details__choice">
        <input type="checkbox" checked={group.mediaEncryption} disabled={busy} aria-describedby={hintId}
          onChange={(event) => void change(event.currentTarget.checked)} />
        <span className="support-details__choice-text">Encrypt audio and video end to end</span>
      </label>
      <p id={hintId} className="muted">
        Only matters when Hearth uses a LiveKit media server (for larger groups, or a LiveKit you do not run yourself, such as
        LiveKit Cloud). Each session then gets its own key, which Hearth gives only to the people it lets into the room, so the
        media server forwards audio and video it cannot see or hear. In the peer-to-peer mode for small groups, browsers already
        encrypt to each other. Applies to sessions started after you change it; a browser that cannot encrypt cannot join.
      </p>
      <FormError error={error} />
      <StatusText message={status} clearAfterMs={10_000} />
    </section>
  );
}
