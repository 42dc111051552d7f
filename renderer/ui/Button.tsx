import type { ButtonHTMLAttributes, Ref } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Icon } from './Icon';
import './Button.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The one main action of a form or region. */
  primary?: boolean;
  /** A quiet button with no fill or edge until hovered, for toolbars and the banner. */
  ghost?: boolean;
  /** A decorative icon before the label, where it helps recognition; the label names the button. */
  icon?: LucideIcon;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  primary = false,
  ghost = false,
  icon,
  className,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  const variant = primary ? 'button--primary' : ghost ? 'button--ghost' : 'button--secondary';
  const classes = ['button', variant, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon ? <Icon icon={icon} size="sm" className="button__icon" /> : null}
      {children}
    </button>
  );
}
