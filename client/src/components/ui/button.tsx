import type { ComponentPropsWithRef } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'quiet-danger';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: Variant;
}

/** A native button (never a div) so keyboard, focus and screen readers work without extra code. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
