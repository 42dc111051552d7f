import { ChartColumn, MessagesSquare, Monitor, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';
import type { EmployerView } from './employer-views';
import { LiveRoomsView } from './live/LiveRoomsView';

export interface EmployerWorkspaceProps {
  /** From `#/employer/<view>`. */
  view?: EmployerView;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

function openLiveRooms(): void {
  window.location.hash = '#/employer/live';
}

/**
 * The employer's views. Live rooms (`#/employer/live`) lets a supervisor
 * watch any room of the organisation read-only; the others are still to come, and until then
 * the workspace says what they will show and what the employer can do meanwhile.
 */
export function EmployerWorkspace({
  view,
  focusRequest,
  onOpenSettings,
  onOpenTeamNotes,
}: EmployerWorkspaceProps) {
  const { t } = useTranslation(['shell', 'viewer']);
  // The workspace is shown to supervisors and admins only (renderer/app/workspaces.ts), who may all watch.
  if (view === 'live') {
    return (
      <ViewFrame title={t('viewer:watch.heading')} focusRequest={focusRequest}>
        <LiveRoomsView />
      </ViewFrame>
    );
  }

  return (
    <ViewFrame title={t('shell:workspaces.employer.name')} focusRequest={focusRequest}>
      <EmptyState
        icon={ChartColumn}
        heading={t('shell:empty.employer.heading')}
        actions={[
          {
            label: t('shell:empty.actions.teamNotes'),
            icon: MessagesSquare,
            onPress: onOpenTeamNotes,
            primary: true,
          },
          { label: t('viewer:watch.heading'), icon: Radio, onPress: openLiveRooms },
          {
            label: t('shell:empty.actions.display'),
            icon: Monitor,
            onPress: onOpenSettings && (() => onOpenSettings('display')),
          },
        ]}
      >
        <p>{t('shell:empty.employer.body')}</p>
        {view === undefined ? null : (
          <p>{t('shell:requested.employer', { view: t(`shell:employerViews.${view}`) })}</p>
        )}
      </EmptyState>
    </ViewFrame>
  );
}
