import { Inbox, MessagesSquare, ScanLine } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';

export interface TicketsWorkspaceProps {
  /** From `#/tickets/<id>`: the conversation to open. */
  ticketId?: number;
  focusRequest: number;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

/** Until the Tickets job lands: what the queue will hold, and what the agent can do meanwhile. */
export function TicketsWorkspace({
  ticketId,
  focusRequest,
  onOpenSettings,
  onOpenTeamNotes,
}: TicketsWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.tickets.name')} focusRequest={focusRequest}>
      <EmptyState
        icon={Inbox}
        heading={t('empty.tickets.heading')}
        actions={[
          {
            label: t('empty.actions.scanning'),
            icon: ScanLine,
            onPress: onOpenSettings && (() => onOpenSettings('scanning')),
            primary: true,
          },
          { label: t('empty.actions.teamNotes'), icon: MessagesSquare, onPress: onOpenTeamNotes },
        ]}
      >
        <p>{t('empty.tickets.body')}</p>
        {ticketId === undefined ? null : <p>{t('requested.tickets', { id: ticketId })}</p>}
      </EmptyState>
    </ViewFrame>
  );
}
