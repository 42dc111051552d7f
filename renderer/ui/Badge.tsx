import type { HTMLAttributes } from 'react';
import './Badge.css';

export type BadgeTone = 'attention' | 'warn' | 'neutral';

export interface BadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  count: number;
  /**
   * What the count means, said instead of the bare number ("3 unread").
   * Without it the badge is hidden from assistive technology: the control
   * it sits on must already say the count in its own name.
   */
  label?: string;
  tone?: BadgeTone;
  /** Counts above this show as "max+"; the label still says the real number. */
  max?: number;
}

/** A small count pill: unread notes, items not sent. Absent at zero, so it never says "0". */
export function Badge({ count, label, tone = 'attention', max = 99, className, ...rest }: BadgeProps) {
  if (count <= 0) return null;
  const classes = ['badge', `badge--${tone}`, className].filter(Boolean).join(' ');
  const shown = count > max ? `${max}+` : String(count);
  if (!label) {
    return (
      <span className={classes} aria-hidden="true" {...rest}>
        {shown}
      </span>
    );
  }
  return (
    <span className={classes} {...rest}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
