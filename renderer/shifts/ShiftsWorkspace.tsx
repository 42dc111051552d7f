import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { useSessionStore } from '../session/hooks';
import { ViewFrame } from '../ui/ViewFrame';
import { ClockPanel } from './ClockPanel';
import { EarningsPanel } from './EarningsPanel';
import { earningsStore } from './earnings-store';
import { mondayOfIsoWeek } from './iso-week-day';
import { StatementPanel } from './StatementPanel';
import './shifts.css';

export interface ShiftsWorkspaceProps {
  /** From `#/shifts/<week>`: an ISO week such as 2026-W49; its earnings are shown. */
  week?: string;
  focusRequest: number;
  /** Offered by the shell to every workspace; the Shifts view has no empty state that needs them. */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/**
 * The worker's Shifts view: clocking in and out with breaks (kept on this
 * computer first, so it works offline), what they earned and what their
 * employer sees, and their monthly pay statement to print or save as PDF.
 */
export function ShiftsWorkspace({ week, focusRequest }: ShiftsWorkspaceProps) {
  const { t } = useTranslation('shell');
  const earnings = useSessionStore(earningsStore);

  useEffect(() => {
    const monday = week === undefined ? null : mondayOfIsoWeek(week);
    if (monday !== null) void earnings.choosePeriod('week');
    void earnings.chooseDay(monday);
  }, [earnings, week]);

  return (
    <ViewFrame title={t('workspaces.shifts.name')} focusRequest={focusRequest} className="shifts">
      <div className="shifts__panels">
        <ClockPanel />
        <EarningsPanel />
        <StatementPanel />
      </div>
    </ViewFrame>
  );
}
