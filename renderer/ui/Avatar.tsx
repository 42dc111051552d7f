import type { HTMLAttributes } from 'react';
import { initialsOf } from '../../shared/text/initials';
import { textLang } from '../../shared/i18n/text-lang';
import './Avatar.css';

export const presences = ['available', 'busy', 'away', 'offline'] as const;
export type Presence = (typeof presences)[number];

export interface AvatarProps extends HTMLAttributes<HTMLSpanElement> {
  /** The person's display name; the avatar shows its initials. */
  name: string;
  size?: 'sm' | 'md' | 'lg';
  presence?: Presence;
  /**
   * The presence in words (translated), shown beside the dot's shape: presence
   * is never told by colour alone. Required with `presence`.
   */
  presenceLabel?: string;
}

/**
 * Initials in a circle, with an optional presence dot whose shape differs by
 * state (filled, barred, half, hollow). The initials are decorative: the name
 * is always written beside an avatar; the presence is said in text.
 */
export function Avatar({ name, size = 'md', presence, presenceLabel, className, ...rest }: AvatarProps) {
  const initials = initialsOf(name);
  const classes = ['avatar', `avatar--${size}`, className].filter(Boolean).join(' ');
  return (
    <span className={classes} {...rest}>
      <span className="avatar__initials" aria-hidden="true" lang={textLang(initials)}>
        {initials}
      </span>
      {presence ? (
        <span className={`avatar__presence avatar__presence--${presence}`} aria-hidden="true" />
      ) : null}
      {presence && presenceLabel ? <span className="visually-hidden">{presenceLabel}</span> : null}
    </span>
  );
}
