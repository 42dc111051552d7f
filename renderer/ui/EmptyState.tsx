import { useId, type HTMLAttributes, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Button } from './Button';
import { Icon } from './Icon';
import './EmptyState.css';

export interface EmptyStateProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** A decorative illustration: the heading says what it stands for. */
  icon: LucideIcon;
  heading: ReactNode;
  /** One or two sentences: what will be here, and what to do now. */
  children: ReactNode;
  /** Real actions the worker can take now; one without a handler (a view shown alone) is left out. */
  actions?: readonly EmptyStateAction[];
}

export interface EmptyStateAction {
  label: string;
  icon: LucideIcon;
  onPress: (() => void) | undefined;
  /** The one the view suggests first. */
  primary?: boolean;
}

/** What a view shows when it has nothing yet: never a blank panel, never made-up data. */
export function EmptyState({ icon, heading, children, actions = [], className, ...rest }: EmptyStateProps) {
  const headingId = useId();
  const offered = actions.filter((action) => action.onPress !== undefined);
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
      {offered.length > 0 ? (
        <div className="empty-state__actions">
          {offered.map((action) => (
            <Button key={action.label} primary={action.primary} icon={action.icon} onClick={action.onPress}>
              {action.label}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
