/**
 * Client-side checks that mirror the shared schemas' limits, so people get a clear message next to
 * the field before a round trip. The server still validates everything; these only help people.
 */

export function checkName(value: string, maxLength = 40): string | null {
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
  if (value.length < 10) return 'Please use at least 10 characters.';
  if (value.length > 200) return 'Please keep it to 200 characters or fewer.';
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
