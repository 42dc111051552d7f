import { Clock, Keyboard, MessagesSquare } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';

export interface ShiftsWorkspaceProps {
  /** From `#/shifts/<week>`: an ISO week such as 2026-W49. */
  week?: string;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/** Until the Shifts job lands: what the week will show, and what the worker can do meanwhile. */
export function ShiftsWorkspace({
  week,
  focusRequest,
  onOpenSettings,
  onOpenTeamNotes,
}: ShiftsWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.shifts.name')} focusRequest={focusRequest}>
      <EmptyState
        icon={Clock}
        heading={t('empty.shifts.heading')}
        actions={[
          {
            label: t('empty.actions.teamNotes'),
            icon: MessagesSquare,
            onPress: onOpenTeamNotes,
            primary: true,
          },
          {
            label: t('empty.actions.keyboard'),
            icon: Keyboard,
            onPress: onOpenSettings && (() => onOpenSettings('keyboard')),
          },
        ]}
      >
        <p>{t('empty.shifts.body')}</p>
        {week === undefined ? null : <p>{t('requested.shifts', { week })}</p>}
      </EmptyState>
    </ViewFrame>
  );
}
