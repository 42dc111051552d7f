import type { LucideIcon } from 'lucide-react';
import './Icon.css';

export type IconSize = 'sm' | 'md' | 'lg' | 'xl';

export interface IconProps {
  icon: LucideIcon;
  /**
   * Names the icon for assistive technology when it carries meaning of its
   * own. Without it the icon is decorative: hidden, because text beside it says the same.
   */
  label?: string;
  size?: IconSize;
  className?: string;
}

/** Every icon in the app goes through here, so none is left both unnamed and exposed. */
export function Icon({ icon: Glyph, label, size = 'md', className }: IconProps) {
  const classes = ['icon', `icon--${size}`, className].filter(Boolean).join(' ');
  if (label) return <Glyph role="img" aria-label={label} focusable="false" className={classes} />;
  return <Glyph aria-hidden="true" focusable="false" className={classes} />;
}
