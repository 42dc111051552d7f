import { Bell, MessagesSquare, Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { useSessionUser } from '../session/hooks';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';
import { LiveConsole } from './LiveConsole';

export interface LiveWorkspaceProps {
  /** From `#/live/<room>`: the room's slug (an anchor's console shows their own room). */
  room?: string;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/** The Live workspace: the anchor's broadcast console; others are told where live rooms are watched. */
export function LiveWorkspace({ focusRequest, onOpenSettings, onOpenTeamNotes }: LiveWorkspaceProps) {
  const { t } = useTranslation(['shell', 'live']);
  const user = useSessionUser();
  return (
    <ViewFrame title={t('shell:workspaces.live.name')} focusRequest={focusRequest} className="live">
      {user.roles.includes('anchor') ? (
        <LiveConsole />
      ) : (
        <EmptyState
          icon={Radio}
          heading={t('live:notAnchor.heading')}
          actions={[
            {
              label: t('shell:empty.actions.alerts'),
              icon: Bell,
              onPress: onOpenSettings && (() => onOpenSettings('alerts')),
              primary: true,
            },
            { label: t('shell:empty.actions.teamNotes'), icon: MessagesSquare, onPress: onOpenTeamNotes },
          ]}
        >
          <p>{t('live:notAnchor.body')}</p>
        </EmptyState>
      )}
    </ViewFrame>
  );
}
