import { useEffect, useId, useRef, useState } from 'react';
import type { DistressLevel, Participant } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { levelWords } from '../../../lib/case-words';
import { NOTE_MAX_LENGTH } from './distress-state';

const LEVELS: readonly DistressLevel[] = ['struggling', 'talk_privately', 'not_safe'];

export interface OpenCaseDialogProps {
  member: Participant;
  /** Resolves with the failure to show, or null once the case is open (the dialog then closes). */
  onOpen: (level: DistressLevel, note: string) => Promise<ClientError | null>;
  onClose: () => void;
}

/**
 * A facilitator opens a private support case about a member they are worried about. The member is not
 * told and nobody else in the group sees anything; the other facilitators get it in their support
 * requests, already taken by whoever opened it. Native <dialog>: Escape cancels, the room is inert.
 */
export function OpenCaseDialog({ member, onOpen, onClose }: OpenCaseDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [level, setLevel] = useState<DistressLevel>('struggling');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit() {
    if (sending) return;
    setSending(true);
    const failure = await onOpen(level, note);
    setSending(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <dialog ref={dialogRef} className="dialog support-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-private`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}>
      <h2 id={`${id}-title`} className="dialog__title">Open a support case for {member.displayName}</h2>
      <p id={`${id}-private`} className="support-dialog__private">
        Only facilitators will see this case. {member.displayName} is not told, and nobody else in the group sees anything.
      </p>
      <form className="form" noValidate onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}>
        <fieldset role="radiogroup" aria-labelledby={`${id}-how`} className="support-dialog__levels">
          <legend id={`${id}-how`} className="field__label">What are you concerned about?</legend>
          {LEVELS.map((value) => (
            <label key={value} className="support-dialog__level">
              <input type="radio" name={`${id}-level`} value={value} checked={level === value} onChange={() => setLevel(value)} />
              <span>{levelWords(value)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>Note for the other facilitators (optional)</label>
          <textarea id={`${id}-note`} className="field__input support-dialog__note" rows={3} maxLength={NOTE_MAX_LENGTH}
            value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormError error={error} />
        <div className="dialog__actions">
          <Button type="submit" variant="primary" aria-disabled={sending || undefined}>
            {sending ? 'Opening…' : 'Open case privately'}
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </dialog>
  );
}
