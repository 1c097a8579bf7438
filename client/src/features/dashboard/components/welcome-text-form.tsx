import { useEffect, useId, useState, type FormEvent } from 'react';
import { GroupWelcomeSchema, maxLengthOf } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { getWelcomeText, saveWelcomeText } from '../api/dashboard-api';
import { SupportTextField } from './support-text-field';

const WELCOME_MAX = maxLengthOf(GroupWelcomeSchema, 'welcomeText');

/** The group's waiting-room welcome: what a member reads while they wait to be admitted. */
export function WelcomeTextForm({ groupId }: { groupId: string }) {
  const headingId = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  useEffect(() => {
    let cancelled = false;
    void getWelcomeText(groupId).then((result) => {
      if (!cancelled && result.ok) setValue(result.value.welcomeText ?? '');
    });
    return () => {
      cancelled = true;
    };
  }, [groupId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || value.length > WELCOME_MAX) return;
    setBusy(true);
    setError(null);
    const result = await saveWelcomeText(groupId, value.trim() || null);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setValue(result.value.welcomeText ?? '');
    setStatus(statusMessage('Welcome text saved'));
  }

  return (
    <section className="support-details" aria-labelledby={headingId}>
      <h3 id={headingId}>Waiting room</h3>
      <form className="form" onSubmit={submit} noValidate>
        <SupportTextField label="Welcome text" maxLength={WELCOME_MAX} value={value} onChange={setValue}
          hint="Members read this while they wait to be admitted (when a session has its waiting room on)." />
        <FormError error={error} />
        <div className="form__actions">
          <Button type="submit" variant="primary" aria-disabled={busy || undefined}>Save welcome text</Button>
          <StatusText message={status} />
        </div>
      </form>
    </section>
  );
}
