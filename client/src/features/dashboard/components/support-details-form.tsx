import { useId, useRef, useState, type FormEvent } from 'react';
import type { Group } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { focusFirstInvalid } from '../../../lib/validation';
import { updateGroupSupport } from '../api/dashboard-api';
import {
  checkSupportValues,
  hasErrors,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  SUPPORT_TEXT_MAX,
  supportBody,
  supportValuesOf,
  type SupportErrors,
  type SupportField,
  type SupportValues,
} from '../model/support-details';
import { OncallWebhookFields } from './oncall-webhook-fields';
import { SupportTextField } from './support-text-field';

/**
 * What a group has ready for a hard moment: crisis lines a member sees privately when they ask for
 * support, emergency contacts only facilitators see, an optional on-call webhook, and how long support
 * records are kept. On a failed save everything typed stays in place; on success the form shows what
 * the server kept (it trims), which is what members and facilitators will see.
 */
export function SupportDetailsForm({ group, onSaved }: { group: Group; onSaved: (group: Group) => void }) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SupportValues>(() => supportValuesOf(group));
  const [errors, setErrors] = useState<SupportErrors>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  const change = (next: Partial<SupportValues>) => setValues((v) => ({ ...v, ...next }));
  const text = (key: SupportField) => (value: string) => change({ [key]: value });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = checkSupportValues(values);
    setErrors(found);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await updateGroupSupport(group.id, supportBody(values));
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    setValues(supportValuesOf(result.value));
    onSaved(result.value);
    setStatus(statusMessage('Support details saved'));
  }

  return (
    <section className="support-details" aria-labelledby={headingId}>
      <h3 id={headingId}>Support details</h3>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <SupportTextField
          label="Crisis resources"
          hint="Shown privately to a member who asks for support, e.g. crisis lines and when to use them."
          value={values.crisisResources}
          maxLength={SUPPORT_TEXT_MAX}
          error={errors.crisisResources}
          onChange={text('crisisResources')}
        />
        <SupportTextField
          label="Emergency contacts"
          hint="Only facilitators see these, in the room; members never do."
          value={values.emergencyContacts}
          maxLength={SUPPORT_TEXT_MAX}
          error={errors.emergencyContacts}
          onChange={text('emergencyContacts')}
        />
        <OncallWebhookFields
          values={values}
          errors={errors}
          currentUrl={group.oncallWebhookUrl}
          onChange={change}
          onSecretGenerated={() => setStatus(statusMessage('A new secret is in the field. Copy it to your on-call service, then save.'))}
        />
        <Field
          label="Keep support records for (days)"
          type="number"
          inputMode="numeric"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          step={1}
          className="support-details__days"
          value={values.retentionDays}
          error={errors.retentionDays}
          onChange={(e) => change({ retentionDays: e.target.value })}
          hint="Support requests, their timelines and conversations are deleted this many days after a session ends."
        />
        <FormError error={serverError} />
        <div className="form__actions">
          {/* aria-disabled rather than disabled: a disabled button drops keyboard focus mid-save. */}
          <Button type="submit" variant="primary" aria-disabled={busy || undefined}>
            Save support details
          </Button>
          <StatusText message={status} />
        </div>
      </form>
    </section>
  );
}
