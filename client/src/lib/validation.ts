/**
 * Client-side checks with the shared schemas' limits (read through lib/limits), so people get a clear
 * message next to the field before a round trip. The server still validates everything; these only help people.
 */
import { DisplayNameSchema, maxLengthOf, minLengthOf, PasswordSchema } from '@hearth/shared';

const PASSWORD_MIN = minLengthOf(PasswordSchema);
const PASSWORD_MAX = maxLengthOf(PasswordSchema);

export function checkName(value: string, maxLength = maxLengthOf(DisplayNameSchema)): string | null {
  // Names are trimmed before sending, so only what is sent counts towards the limit.
  if (value.trim() === '') return 'Please enter a name.';
  if (value.trim().length > maxLength) return `Please keep it to ${maxLength} characters or fewer.`;
  return null;
}

export function checkOptionalText(value: string, maxLength: number): string | null {
  if (value.trim().length > maxLength) return `Please keep it to ${maxLength} characters or fewer.`;
  return null;
}

export function checkEmail(value: string): string | null {
  if (value.trim() === '') return 'Please enter your email address.';
  if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) return 'Please enter an email address like name@example.org.';
  return null;
}

export function checkNewPassword(value: string): string | null {
  if (value.length < PASSWORD_MIN) return `Please use at least ${PASSWORD_MIN} characters.`;
  if (value.length > PASSWORD_MAX) return `Please keep it to ${PASSWORD_MAX} characters or fewer.`;
  return null;
}

/** Puts focus on the first field that has an error, so keyboard users land where the fix is. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** An optional field sends nothing when left blank, rather than an empty string the schema refuses. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
