import { ChartColumn, MessagesSquare, Monitor } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';
import type { EmployerView } from './employer-views';

export interface EmployerWorkspaceProps {
  /** From `#/employer/<view>`. */
  view?: EmployerView;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/** Until the employer's views land: what they will show, and what the employer can do meanwhile. */
export function EmployerWorkspace({
  view,
  focusRequest,
  onOpenSettings,
  onOpenTeamNotes,
}: EmployerWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.employer.name')} focusRequest={focusRequest}>
      <EmptyState
        icon={ChartColumn}
        heading={t('empty.employer.heading')}
        actions={[
          {
            label: t('empty.actions.teamNotes'),
            icon: MessagesSquare,
            onPress: onOpenTeamNotes,
            primary: true,
          },
          {
            label: t('empty.actions.display'),
            icon: Monitor,
            onPress: onOpenSettings && (() => onOpenSettings('display')),
          },
        ]}
      >
        <p>{t('empty.employer.body')}</p>
        {view === undefined ? null : <p>{t('requested.employer', { view: t(`employerViews.${view}`) })}</p>}
      </EmptyState>
    </ViewFrame>
  );
}
