import { useTranslation } from 'react-i18next';
import { LaterRelease, ViewFrame } from '../ui/ViewFrame';

export interface LiveWorkspaceProps {
  /** From `#/live/<room>`: the room's slug. */
  room?: string;
  focusRequest: number;
}

/** Until the Live job lands: says so, and which room the address asked for. */
export function LiveWorkspace({ room, focusRequest }: LiveWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.live.name')} focusRequest={focusRequest}>
      <LaterRelease badge={t('laterRelease')}>
        <p>{t('workspaces.live.description')}</p>
        {room === undefined ? null : <p>{t('requested.live', { room })}</p>}
      </LaterRelease>
    </ViewFrame>
  );
}
