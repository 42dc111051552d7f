import type { HTMLAttributes } from 'react';
import { ChartColumn, Clock, Inbox, Radio, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useRovingTabIndex } from '../../a11y/keyboard/useRovingTabIndex';
import { Icon } from '../../ui/Icon';
import { formatRoute } from '../router/routes';
import type { WorkspaceId } from '../workspaces';
import './WorkspaceNav.css';

/** The same icon marks a workspace here and in its empty state. */
const workspaceIcons: Record<WorkspaceId, LucideIcon> = {
  tickets: Inbox,
  live: Radio,
  shifts: Clock,
  employer: ChartColumn,
};

export interface WorkspaceNavProps extends HTMLAttributes<HTMLElement> {
  workspaces: readonly WorkspaceId[];
  current: WorkspaceId | null;
  onNavigate: (id: WorkspaceId) => void;
}

export function WorkspaceNav({ workspaces, current, onNavigate, className, ...rest }: WorkspaceNavProps) {
  const { t } = useTranslation('shell');
  // One Tab stop for the whole list; arrows move inside it (the list runs across on narrow screens).
  const roving = useRovingTabIndex<HTMLAnchorElement>(workspaces.length, {
    orientation: 'both',
    selectedIndex: current === null ? undefined : workspaces.indexOf(current),
  });
  return (
    <nav
      aria-label={t('workspacesNav')}
      className={['workspace-nav', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <ul className="workspace-nav__list">
        {workspaces.map((id, index) => (
          <li key={id}>
            <a
              {...roving.getItemProps(index)}
              href={formatRoute({ name: id })}
              className="workspace-nav__link"
              aria-current={id === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(id);
              }}
            >
              <Icon icon={workspaceIcons[id]} size="md" className="workspace-nav__icon" />
              <span>{t(`workspaces.${id}.name`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
