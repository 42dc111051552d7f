import { useTranslation } from 'react-i18next';
import { LaterRelease, ViewFrame } from '../ui/ViewFrame';

export interface TicketsWorkspaceProps {
  /** From `#/tickets/<id>`: the conversation to open. */
  ticketId?: number;
  focusRequest: number;
}

/** Until the Tickets job lands: says so, and which ticket the address asked for. */
export function TicketsWorkspace({ ticketId, focusRequest }: TicketsWorkspaceProps) {
  const { t } = useTranslation('shell');
  return (
    <ViewFrame title={t('workspaces.tickets.name')} focusRequest={focusRequest}>
      <LaterRelease badge={t('laterRelease')}>
        <p>{t('workspaces.tickets.description')}</p>
        {ticketId === undefined ? null : <p>{t('requested.tickets', { id: ticketId })}</p>}
      </LaterRelease>
    </ViewFrame>
  );
}
