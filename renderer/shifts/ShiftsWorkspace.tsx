import { useTranslation } from 'react-i18next';
import { LaterRelease, ViewFrame } from '../ui/ViewFrame';

export interface ShiftsWorkspaceProps {
  /** From `#/shifts/<week>`: an ISO week such as 2026-W49. */
  week?: string;
  focusRequest: number;
}

/** Until the Shifts job lands: says so, and which week the address asked for. */
export function ShiftsWorkspace({ week, focusRequest }: ShiftsWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.shifts.name')} focusRequest={focusRequest}>
      <LaterRelease badge={t('laterRelease')}>
        <p>{t('workspaces.shifts.description')}</p>
        {week === undefined ? null : <p>{t('requested.shifts', { week })}</p>}
      </LaterRelease>
    </ViewFrame>
  );
}
