import { useId } from 'react';
import { Button } from '../../../../components/ui/button';
import { FormError } from '../../../../components/ui/form-error';
import { MESSAGE_MAX_LENGTH, remainingText, type Thread } from './conversations-state';

export interface MessageComposerProps {
  thread: Thread;
  /** The field's label ("Message", "Message to facilitators"). */
  fieldLabel: string;
  sendLabel: string;
  /** Focus the field when it appears: only when the person opened the conversation themselves. */
  focusOnMount: boolean;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
}

/**
 * Where a message is written. Enter makes a new line (as in any text field); Ctrl+Enter or the button
 * sends. A failure is read out (role="alert") and what was typed stays, to send again.
 */
export function MessageComposer({ thread, fieldLabel, sendLabel, focusOnMount, onDraftChange, onSend }: MessageComposerProps) {
  const id = useId();
  const sending = thread.sending !== null;
  return (
    <form
      className="conversation__composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending) onSend();
      }}
    >
      <label className="field__label" htmlFor={`${id}-field`}>{fieldLabel}</label>
      <textarea
        id={`${id}-field`}
        className="field__input conversation__field"
        rows={3}
        maxLength={MESSAGE_MAX_LENGTH}
        value={thread.draft}
        // Only on the person's own request to open it; never when a message opened it for them.
        autoFocus={focusOnMount}
        aria-describedby={`${id}-count`}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      {/* Read with the field, not announced on every keystroke. */}
      <p id={`${id}-count`} className="field__hint">
        {remainingText(thread.draft)}. Ctrl+Enter sends.
      </p>
      <FormError error={thread.error} />
      {/* aria-disabled rather than disabled: the button keeps focus, so a failure is heard right here. */}
      <Button type="submit" variant="primary" className="conversation__send" aria-disabled={sending || undefined}>
        {sendLabel}
      </Button>
      {sending ? <span className="conversation__sending">Sending…</span> : null}
    </form>
  );
}
