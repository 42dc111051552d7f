import { useEffect, useRef, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../workspaces';
import './WorkspacePage.css';

export interface WorkspacePageProps extends HTMLAttributes<HTMLElement> {
  workspace: WorkspaceId;
  /** Changes each time the worker picks a workspace; the heading then takes focus. */
  focusRequest: number;
}

/**
 * The frame every workspace shares. Until a workspace's feature lands it says
 * so plainly instead of showing made-up data.
 */
export function WorkspacePage({ workspace, focusRequest, className, children, ...rest }: WorkspacePageProps) {
  const { t } = useTranslation('shell');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus();
  }, [focusRequest, workspace]);

  return (
    <section
      className={['workspace', className].filter(Boolean).join(' ')}
      aria-labelledby={`workspace-${workspace}-title`}
      {...rest}
    >
      <h1 id={`workspace-${workspace}-title`} ref={heading} tabIndex={-1} className="workspace__title">
        {t(`workspaces.${workspace}.name`)}
      </h1>
      {children ?? (
        <div className="workspace__later">
          <p className="workspace__badge">{t('laterRelease')}</p>
          <p>{t(`workspaces.${workspace}.description`)}</p>
        </div>
      )}
    </section>
  );
}
