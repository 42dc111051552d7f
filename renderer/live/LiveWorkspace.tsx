import { Bell, MessagesSquare, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';

export interface LiveWorkspaceProps {
  /** From `#/live/<room>`: the room's slug. */
  room?: string;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/** Until the Live job lands: what the live room will hold, and what the anchor can do meanwhile. */
export function LiveWorkspace({ room, focusRequest, onOpenSettings, onOpenTeamNotes }: LiveWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.live.name')} focusRequest={focusRequest}>
      <EmptyState
        icon={Radio}
        heading={t('empty.live.heading')}
        actions={[
          {
            label: t('empty.actions.alerts'),
            icon: Bell,
            onPress: onOpenSettings && (() => onOpenSettings('alerts')),
            primary: true,
          },
          { label: t('empty.actions.teamNotes'), icon: MessagesSquare, onPress: onOpenTeamNotes },
        ]}
      >
        <p>{t('empty.live.body')}</p>
        {room === undefined ? null : <p>{t('requested.live', { room })}</p>}
      </EmptyState>
    </ViewFrame>
  );
}
