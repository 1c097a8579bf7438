import { useEffect, useId, useRef, type RefObject } from 'react';
import type { DistressLevel } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { NOTE_MAX_LENGTH, type DistressDraft, type MemberSide } from './distress-state';

/** In the person's own words (first person); facilitators see the same levels described (levelLabel). */
const LEVELS: ReadonlyArray<{ value: DistressLevel; label: string }> = [
  { value: 'struggling', label: "I'm struggling" },
  { value: 'talk_privately', label: "I'd like to talk privately" },
  { value: 'not_safe', label: "I don't feel safe right now" },
];

export interface SupportDialogProps {
  member: MemberSide;
  onDraftChange: (draft: Partial<DistressDraft>) => void;
  onSend: () => void;
  onClose: () => void;
  /** Where focus goes when the dialog closes, however it was opened (button or the H shortcut). */
  returnFocusRef: RefObject<HTMLElement | null>;
}

/**
 * "Ask for support", on the native <dialog>: showModal() makes the rest of the room inert and Escape
 * closes it. Mount it only while open. Nothing is sent until "Send privately"; while sending the
 * button says so, and a failure is read out with everything the person chose and typed still there.
 */
export function SupportDialog({ member, onDraftChange, onSend, onClose, returnFocusRef }: SupportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { draft, sending } = member;
  const remaining = NOTE_MAX_LENGTH - draft.note.length;

  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = returnFocusRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Start on the chosen answer, so the question and its current choice are read first.
    dialog?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [returnFocusRef]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog support-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-private`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="dialog__title">Ask for support</h2>
      <p id={`${id}-private`} className="support-dialog__private">
        Only your facilitators will see this. Nobody else in the group will know.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!sending) onSend();
        }}
      >
        {/* A fieldset named by its legend; role="radiogroup" so it is announced as one choice. */}
        <fieldset role="radiogroup" aria-labelledby={`${id}-how`} className="support-dialog__levels">
          <legend id={`${id}-how`} className="field__label">How are you?</legend>
          {LEVELS.map(({ value, label }) => (
            <label key={value} className="support-dialog__level">
              <input type="radio" name={`${id}-level`} value={value} checked={draft.level === value}
                onChange={() => onDraftChange({ level: value })} />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>Anything you'd like to add (optional)</label>
          <textarea id={`${id}-note`} className="field__input support-dialog__note" rows={3} maxLength={NOTE_MAX_LENGTH}
            value={draft.note} onChange={(event) => onDraftChange({ note: event.target.value })}
            aria-describedby={`${id}-count`} />
          {/* Read with the field, not announced on every keystroke. */}
          <p id={`${id}-count`} className="field__hint">
            {remaining === 1 ? '1 character left' : `${remaining} characters left`}
          </p>
        </div>
        <FormError error={member.error} />
        <div className="dialog__actions">
          {/* aria-disabled rather than disabled: the button keeps focus, so a failure is heard right here. */}
          <Button type="submit" variant="primary" aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Send privately'}
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </dialog>
  );
}
