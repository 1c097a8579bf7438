import type { ReactNode } from 'react';

export interface ToggleButtonProps {
  label: string;
  pressed: boolean;
  onToggle: () => void;
  icon?: ReactNode;
  disabled?: boolean;
  className?: string;
}

/**
 * A two-state button. Its accessible name is only `label` (e.g. "Microphone") and its state is
 * aria-pressed (true = on); the visible "On"/"Off" text is aria-hidden so the name stays stable.
 */
export function ToggleButton({ label, pressed, onToggle, icon, disabled, className }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={['toggle', pressed ? 'toggle--on' : 'toggle--off', className].filter(Boolean).join(' ')}
      aria-pressed={pressed}
      onClick={onToggle}
      disabled={disabled}
    >
      {icon}
      <span className="toggle__label">{label}</span>
      <span className="toggle__state" aria-hidden="true">
        {pressed ? 'On' : 'Off'}
      </span>
    </button>
  );
}
