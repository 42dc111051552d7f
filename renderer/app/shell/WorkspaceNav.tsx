import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { hashFor, type WorkspaceId } from '../workspaces';
import './WorkspaceNav.css';

export interface WorkspaceNavProps extends HTMLAttributes<HTMLElement> {
  workspaces: readonly WorkspaceId[];
  current: WorkspaceId | null;
  onNavigate: (id: WorkspaceId) => void;
}

export function WorkspaceNav({ workspaces, current, onNavigate, className, ...rest }: WorkspaceNavProps) {
  const { t } = useTranslation('shell');
  return (
    <nav
      aria-label={t('workspacesNav')}
      className={['workspace-nav', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <ul className="workspace-nav__list">
        {workspaces.map((id) => (
          <li key={id}>
            <a
              href={hashFor(id)}
              className="workspace-nav__link"
              aria-current={id === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(id);
              }}
            >
              {t(`workspaces.${id}.name`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
