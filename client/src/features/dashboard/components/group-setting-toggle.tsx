import { useId, useState, type ReactNode } from 'react';
import type { Group } from '@hearth/shared';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ApiResult } from '../../../lib/api';
import type { ClientError } from '../../../lib/errors';

export interface GroupSettingToggleProps {
  heading: string;
  label: string;
  hint: ReactNode;
  /** What the server has now. */
  value: boolean;
  save: (value: boolean) => Promise<ApiResult<Group>>;
  read: (group: Group) => boolean;
  /** The confirmation for each outcome, saying what the change did. */
  saidWhen: { on: string; off: string };
  onSaved: (group: Group) => void;
  className?: string;
}

/**
 * One group setting as a checkbox saved as soon as it changes. While saving, the box shows the new
 * value (disabled); then a confirmation says what happened. On a failure the box goes back to what the
 * server still has and the error says why.
 */
export function GroupSettingToggle({ heading, label, hint, value, save, read, saidWhen, onSaved, className }: GroupSettingToggleProps) {
  const headingId = useId();
  const hintId = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  async function change(next: boolean) {
    setPending(next);
    setError(null);
    const result = await save(next);
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onSaved(result.value);
    setStatus(statusMessage(read(result.value) ? saidWhen.on : saidWhen.off));
  }

  return (
    <section className={['support-details', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <label className="support-details__choice">
        <input type="checkbox" checked={pending ?? value} disabled={pending !== null} aria-describedby={hintId}
          onChange={(event) => void change(event.currentTarget.checked)} />
        <span className="support-details__choice-text">{label}</span>
      </label>
      <p id={hintId} className="muted">{hint}</p>
      <FormError error={error} />
      <StatusText message={status} clearAfterMs={10_000} />
    </section>
  );
}
