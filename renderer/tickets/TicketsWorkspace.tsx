import { Inbox, MessagesSquare, ScanLine } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { Button } from '../ui/Button';
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
        actions={
          onOpenSettings || onOpenTeamNotes ? (
            <>
              {onOpenSettings ? (
                <Button primary icon={ScanLine} onClick={() => onOpenSettings('scanning')}>
                  {t('empty.actions.scanning')}
                </Button>
              ) : null}
              {onOpenTeamNotes ? (
                <Button icon={MessagesSquare} onClick={onOpenTeamNotes}>
                  {t('empty.actions.teamNotes')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      >
        <p>{t('empty.tickets.body')}</p>
        {ticketId === undefined ? null : <p>{t('requested.tickets', { id: ticketId })}</p>}
      </EmptyState>
    </ViewFrame>
  );
}
