import { useRef, useState, type FormEvent } from 'react';
import { CreateInviteBodySchema, type Invite, maxLengthOf } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { SelectField } from '../../../components/ui/select-field';
import type { ClientError } from '../../../lib/errors';
import { checkOptionalText, focusFirstInvalid, optional } from '../../../lib/validation';
import { createInvite } from '../api/dashboard-api';

const roleOptions = [
  { value: 'member', label: 'Member' },
  { value: 'co_facilitator', label: 'Co-facilitator' },
  // A hidden observer: members never see or hear of them (docs/spec.md [SV1]).
  { value: 'supervisor', label: 'Supervisor (hidden from members)' },
] as const;

const expiryOptions = [
  { value: '60', label: '1 hour' },
  { value: '1440', label: '1 day' },
  { value: '10080', label: '7 days' },
] as const;

type InviteRoleValue = (typeof roleOptions)[number]['value'];

export function InviteForm({ sessionId, onCreated }: { sessionId: string; onCreated: (invite: Invite) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<InviteRoleValue>('member');
  const [expires, setExpires] = useState('1440');
  const [uses, setUses] = useState('1');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ uses?: string | null; label?: string | null }>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const maxUses = Number(uses);
    const next = {
      uses: Number.isInteger(maxUses) && maxUses >= 1 && maxUses <= 50 ? null : 'Please enter a whole number from 1 to 50.',
      label: checkOptionalText(label, maxLengthOf(CreateInviteBodySchema, 'label')),
    };
    setErrors(next);
    if (next.uses || next.label) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setServerError(null);
    const trimmedLabel = optional(label);
    const result = await createInvite(sessionId, {
      role,
      expiresInMinutes: Number(expires),
      maxUses,
      ...(trimmedLabel ? { label: trimmedLabel } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    onCreated(result.value);
    setLabel('');
  }

  return (
    <form ref={formRef} className="form invite-form" onSubmit={submit} noValidate>
      <div className="invite-form__fields">
        <SelectField label="Invite role" options={roleOptions} value={role}
          onChange={(e) => setRole(e.target.value as InviteRoleValue)} />
        <SelectField label="Link expires in" options={expiryOptions} value={expires}
          onChange={(e) => setExpires(e.target.value)} />
        <Field label="People who can use it" type="number" inputMode="numeric" min={1} max={50} step={1}
          value={uses} onChange={(e) => setUses(e.target.value)} error={errors.uses} />
        <Field label="Label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} error={errors.label}
          hint="Only you see this, e.g. who the link is for." />
      </div>
      <FormError error={serverError} />
      <Button type="submit" disabled={busy}>
        Create invite link
      </Button>
    </form>
  );
}
