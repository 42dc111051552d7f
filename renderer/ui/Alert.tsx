import type { HTMLAttributes } from 'react';
import './Alert.css';

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  /** Information rather than a failure, e.g. why the worker is back at sign-in. */
  info?: boolean;
}

/**
 * Always rendered, even empty: screen readers announce changes inside a live
 * region that already exists far more reliably than a region that appears.
 */
export function Alert({ info = false, className, children, ...rest }: AlertProps) {
  const classes = [
    'alert',
    info ? 'alert--info' : 'alert--danger',
    children ? null : 'alert--empty',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div role="alert" className={classes} {...rest}>
      {children}
    </div>
  );
}
