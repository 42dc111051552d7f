import type { ButtonHTMLAttributes, Ref } from 'react';
import './Button.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The one main action of a form or region. */
  primary?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ primary = false, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button', primary ? 'button--primary' : 'button--secondary', className]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
