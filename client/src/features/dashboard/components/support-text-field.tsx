import { useId, type ChangeEvent } from 'react';
import { FieldFrame } from '../../../components/ui/field-frame';
import { characterCount } from '../model/support-details';

export interface SupportTextFieldProps {
  label: string;
  hint: string;
  value: string;
  maxLength: number;
  error?: string | null | undefined;
  onChange: (value: string) => void;
}

/**
 * A labelled textarea with a visible character count. The count is read with the hint when the field
 * is focused rather than announced on every keystroke, which would drown out the typing. No maxLength
 * attribute on purpose: it would silently cut a pasted text short; going over shows instead.
 */
export function SupportTextField({ label, hint, value, maxLength, error, onChange }: SupportTextFieldProps) {
  const id = useId();
  const length = characterCount(value);
  const over = length > maxLength;
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <FieldFrame id={id} label={label} hint={hint} className="support-text">
      <textarea
        id={id}
        className="field__input support-text__input"
        rows={4}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
      <p id={`${id}-count`} className={over ? 'support-text__count support-text__count--over' : 'support-text__count'}>
        {length} of {maxLength} characters{over ? `, ${length - maxLength} too many` : ''}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </FieldFrame>
  );
}
