import { useEffect, useId, useRef, type RefObject } from 'react';
import type { DistressLevel } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { hasOpenRequest, NOTE_MAX_LENGTH, type DistressDraft, type MemberSide } from './own-request-state';

/** In the person's own words (first person); facilitators see the same levels described (levelLabel). */
const LEVELS: ReadonlyArray<{ value: DistressLevel; label: string }> = [
  { value: 'struggling', label: "I'm struggling" },
  { value: 'talk_privately', label: "I'd like to talk privately" },
  { value: 'not_safe', label: "I don't feel safe right now" },
];

export interface SupportFollowUpProps {
  member: MemberSide;
  onDraftChange: (draft: Partial<DistressDraft>) => void;
  onSubmit: () => void;
  onClose: () => void;
  /** Where focus goes when the panel folds away with focus inside it ("I need support"). */
  returnFocusRef: RefObject<HTMLElement | null>;
}

/**
 * [DS16] "Add to your request": shown under "I need support" from the first tap, while the request is
 * already on its way. Not a modal: the room stays usable and nothing here is required. Each press takes
 * focus to its heading (button or H), so the person hears where they are and the status line after it;
 * Escape or Close folds it away and gives focus back to the button. If the request failed, the same
 * form is the retry, and sends the level and note chosen meanwhile with it.
 */
export function SupportFollowUp({ member, onDraftChange, onSubmit, onClose, returnFocusRef }: SupportFollowUpProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const { draft, sending, amending, taps } = member;
  const open = hasOpenRequest(member);
  const busy = sending || amending;
  const remaining = NOTE_MAX_LENGTH - draft.note.length;

  useEffect(() => {
    headingRef.current?.focus();
  }, [taps]);

  useEffect(() => {
    const returnTo = returnFocusRef.current;
    return () => {
      // Only if focus went away with the panel: never pull it from wherever the person has moved on to.
      const active = document.activeElement;
      if ((!active || active === document.body) && returnTo?.isConnected) returnTo.focus();
    };
  }, [returnFocusRef]);

  const submitLabel = sending ? 'Sending…' : !open ? 'Try again' : amending ? 'Adding…' : 'Add to my request';
  return (
    <section className="support-followup" aria-labelledby={`${id}-title`} aria-describedby={`${id}-private`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="support-followup__title">Add to your request</h2>
      <p id={`${id}-private`} className="support-followup__private">
        Optional. Only your facilitators will see this. Pressed it by mistake? You can say so here.
      </p>
      <form className="form" noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onSubmit();
        }}>
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
        {/* The request itself is safe; only this change did not arrive, and everything typed is still here. */}
        <FormError error={member.amendError} />
        <div className="dialog__actions">
          {/* aria-disabled rather than disabled: the button keeps focus, so the outcome is heard right here. */}
          <Button type="submit" variant="primary" aria-disabled={busy || undefined}>{submitLabel}</Button>
          <Button onClick={onClose}>Close</Button>
        </div>
      </form>
    </section>
  );
}
