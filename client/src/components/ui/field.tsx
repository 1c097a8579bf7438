import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { FieldFrame } from './field-frame';

export interface FieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
}

/**
 * A labelled text input. The hint and the error are tied to the input with aria-describedby so a
 * screen reader reads them with the label; the error is also flagged with aria-invalid.
 */
export function Field({ label, hint, error, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} className={className}>
      <input
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </FieldFrame>
  );
}
