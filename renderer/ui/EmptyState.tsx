import { useId, type HTMLAttributes, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Icon } from './Icon';
import './EmptyState.css';

export interface EmptyStateProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** A decorative illustration: the heading says what it stands for. */
  icon: LucideIcon;
  heading: ReactNode;
  /** One or two sentences: what will be here, and what to do now. */
  children: ReactNode;
  /** A real action the worker can take now, if there is one. */
  actions?: ReactNode;
}

/** What a view shows when it has nothing yet: never a blank panel, never made-up data. */
export function EmptyState({ icon, heading, children, actions, className, ...rest }: EmptyStateProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={['empty-state', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <span className="empty-state__art">
        <Icon icon={icon} size="xl" />
      </span>
      <h2 id={headingId} className="empty-state__heading">
        {heading}
      </h2>
      <div className="empty-state__body">{children}</div>
      {actions ? <div className="empty-state__actions">{actions}</div> : null}
    </section>
  );
}
