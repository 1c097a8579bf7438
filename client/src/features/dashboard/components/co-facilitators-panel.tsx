import { useRef, useState, type FormEvent } from 'react';
import type { Group, GroupFacilitator } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { useRemoteList } from '../../../lib/use-remote-list';
import { checkEmail, focusFirstInvalid } from '../../../lib/validation';
import { addCoFacilitator, listGroupFacilitators, removeCoFacilitator } from '../api/dashboard-api';

type Row = GroupFacilitator & { id: string };
const withId = (f: GroupFacilitator): Row => ({ ...f, id: f.accountId });

/**
 * [CF3] [CF5] The group's facilitators. Its host adds a co-facilitator by the email of their account and removes
 * one after confirming; a co-facilitator sees the list only.
 */
export function CoFacilitatorsPanel({ group }: { group: Group }) {
  const isHost = group.yourRole === 'host';
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLHeadingElement>(null);
  const people = useRemoteList(async () => {
    const result = await listGroupFacilitators(group.id);
    return result.ok ? { ok: true as const, value: result.value.map(withId) } : result;
  }, `facilitators:${group.id}`);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkEmail(email);
    setEmailError(problem);
    if (problem) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await addCoFacilitator(group.id, { email: email.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    people.upsert(withId(result.value), 'end');
    setEmail('');
    setStatus(statusMessage(`${result.value.displayName} is now a co-facilitator of ${group.name}: they see it on their dashboard and can run its sessions.`));
  }

  async function remove(row: Row) {
    setBusy(true);
    setError(null);
    const result = await removeCoFacilitator(group.id, row.accountId);
    setBusy(false);
    setRemoving(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    people.remove(row.id);
    setStatus(statusMessage(`${row.displayName} is no longer a co-facilitator of ${group.name}.`));
    requestAnimationFrame(() => listRef.current?.focus());
  }

  return (
    <div className="group-facilitators">
      <h3 ref={listRef} tabIndex={-1}>Facilitators</h3>
      {people.error ? <FormError error={people.error} /> : null}
      <ul className="past-sessions__list" aria-label={`Facilitators of ${group.name}`}>
        {(people.items ?? []).map((row) => (
          <li key={row.id}>
            {row.displayName} <span className="muted">({row.role === 'host' ? 'host' : 'co-facilitator'}, {row.email})</span>{' '}
            {isHost && row.role === 'co_facilitator' ? (
              <Button variant="quiet-danger" onClick={() => setRemoving(row)} aria-label={`Remove ${row.displayName} as co-facilitator`}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {isHost ? (
        <form ref={formRef} className="form" onSubmit={add} noValidate>
          <Field label="Co-facilitator's email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={emailError}
            hint="The email of their Hearth account. No account yet? Invite them as a facilitator first." required />
          <div className="form__actions">
            <Button type="submit" disabled={busy}>
              Add co-facilitator
            </Button>
          </div>
        </form>
      ) : null}
      <FormError error={error} />
      <StatusText message={status} />
      {removing ? (
        <ConfirmDialog title={`Remove ${removing.displayName} as co-facilitator?`} confirmLabel="Remove" busy={busy}
          onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)}>
          <p>They lose {group.name} at once, and are taken out of any of its sessions that is running.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
