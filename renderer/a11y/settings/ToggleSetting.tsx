import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import './controls.css';

export interface ToggleSettingProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'onChange' | 'checked'
> {
  label: ReactNode;
  checked: boolean;
  /** May return the save; the box shows as ticked until it settles, then follows `checked`. */
  onChange: (checked: boolean) => unknown;
}

export function ToggleSetting({ label, checked, onChange, className, ...rest }: ToggleSettingProps) {
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <label className={['choice', 'choice--toggle', className].filter(Boolean).join(' ')}>
      <input
        type="checkbox"
        checked={pending ?? checked}
        onChange={(event) => {
          const next = event.target.checked;
          setPending(next);
          void Promise.resolve(onChange(next)).finally(() => setPending(null));
        }}
        {...rest}
      />
      <span>{label}</span>
    </label>
  );
}
