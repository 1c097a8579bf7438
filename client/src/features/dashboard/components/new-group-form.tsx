import { useId, useRef, useState, type FormEvent } from 'react';
import { CreateGroupBodySchema as Body, type Group, maxLengthOf } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { checkName, checkOptionalText, focusFirstInvalid, optional } from '../../../lib/validation';
import { createGroup } from '../api/dashboard-api';

const empty = { name: '', purpose: '', organisation: '' };

export function NewGroupForm({ onCreated }: { onCreated: (group: Group) => void }) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof empty, string | null>>>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);

  const update = (key: keyof typeof empty) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      name: checkName(values.name, maxLengthOf(Body, 'name')),
      purpose: checkOptionalText(values.purpose, maxLengthOf(Body, 'purpose')),
      organisation: checkOptionalText(values.organisation, maxLengthOf(Body, 'organisation')),
    };
    setErrors(next);
    if (next.name || next.purpose || next.organisation) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const organisation = optional(values.organisation);
    const result = await createGroup({
      name: values.name.trim(),
      purpose: values.purpose.trim(),
      ...(organisation ? { organisation } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    onCreated(result.value);
    setValues(empty);
    setStatus(statusMessage(`${result.value.name} was created`));
  }

  return (
    <section className="card new-group" aria-labelledby={headingId}>
      <h2 id={headingId}>New group</h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <Field label="Group name" value={values.name} onChange={update('name')} error={errors.name} required />
        <Field label="Purpose" value={values.purpose} onChange={update('purpose')} error={errors.purpose}
          hint="A sentence members see before they join." />
        <Field label="Organisation (optional)" value={values.organisation} onChange={update('organisation')}
          error={errors.organisation} />
        <FormError error={serverError} />
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            Create group
          </Button>
          <StatusText message={status} />
        </div>
      </form>
    </section>
  );
}
