import { useTranslation } from 'react-i18next';
import { LaterRelease, ViewFrame } from '../ui/ViewFrame';
import type { EmployerView } from './employer-views';

export interface EmployerWorkspaceProps {
  /** From `#/employer/<view>`. */
  view?: EmployerView;
  focusRequest: number;
}

/** Until the employer's views land: says so, and which view the address asked for. */
export function EmployerWorkspace({ view, focusRequest }: EmployerWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.employer.name')} focusRequest={focusRequest}>
      <LaterRelease badge={t('laterRelease')}>
        <p>{t('workspaces.employer.description')}</p>
        {view === undefined ? null : <p>{t('requested.employer', { view: t(`employerViews.${view}`) })}</p>}
      </LaterRelease>
    </ViewFrame>
  );
}
