import type { AnchorHTMLAttributes } from 'react';
import './SkipLink.css';

export interface SkipLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  targetId: string;
}

/**
 * Moves focus itself instead of following the fragment: the hash holds the
 * current workspace, and a `#main` fragment would overwrite it.
 */
export function SkipLink({ targetId, className, onClick, ...rest }: SkipLinkProps) {
  return (
    <a
      href={`#${targetId}`}
      className={['skip-link', className].filter(Boolean).join(' ')}
      onClick={(event) => {
        onClick?.(event);
        event.preventDefault();
        const target = document.getElementById(targetId);
        target?.focus();
        target?.scrollIntoView({ block: 'start' });
      }}
      {...rest}
    />
  );
}
