import { MessageSquareText, MessagesSquare, ShieldCheck } from 'lucide-react';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSectionId } from '../a11y/settings/settings-sections';
import { useSessionUser } from '../session/hooks';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ViewFrame } from '../ui/ViewFrame';
import { ConversationPane } from './conversation/ConversationPane';
import { PresenceToggle } from './PresenceToggle';
import { QueueView } from './QueueView';
import { MyCannedReplies } from './supervisor/MyCannedReplies';
import { SupervisorPanel } from './supervisor/SupervisorPanel';
import './TicketsWorkspace.css';

export interface TicketsWorkspaceProps {
  /** From `#/tickets/<id>`: the conversation to open. */
  ticketId?: number;
  focusRequest: number;
  /**
   * Opens a ticket's address (`#/tickets/<id>`), as a new place Back returns
   * from. Without it (a view shown alone) the address is set directly, which
   * the router follows as it follows a link.
   */
  onOpenTicket?: (ticketId: number) => void;
  /** The empty state's actions; the shell provides them (a view shown alone offers none). */
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}

function openByAddress(ticketId: number): void {
  window.location.hash = `#/tickets/${ticketId}`;
}

/**
 * The Tickets workspace: the agent's status and (for supervisors) the
 * supervisor view in a bar at the top, the queue on the left and the open
 * conversation beside it. A navigation to a ticket focuses the
 * conversation's heading; one to the bare workspace, the workspace's.
 */
export function TicketsWorkspace({
  ticketId,
  focusRequest,
  onOpenTicket,
  onOpenTeamNotes,
}: TicketsWorkspaceProps) {
  const { t } = useTranslation(['tickets', 'shell']);
  const user = useSessionUser();
  const supervisor = user.roles.includes('supervisor');
  const [supervisorView, setSupervisorView] = useState(false);
  const showSupervisor = supervisor && supervisorView;
  const [cannedOpen, setCannedOpen] = useState(false);
  const cannedId = useId();
  const open = useCallback(
    (id: number) => {
      setSupervisorView(false);
      (onOpenTicket ?? openByAddress)(id);
    },
    [onOpenTicket],
  );

  return (
    <ViewFrame
      title={t('shell:workspaces.tickets.name')}
      focusRequest={ticketId === undefined ? focusRequest : 0}
      className="tickets"
    >
      <div role="group" aria-label={t('tickets:queue.workspaceTools')} className="tickets__tools">
        <PresenceToggle />
        {supervisor ? (
          <Button
            icon={ShieldCheck}
            aria-pressed={supervisorView}
            className="tickets__supervisor-toggle"
            onClick={() => setSupervisorView((on) => !on)}
          >
            {t('tickets:queue.supervisorView')}
          </Button>
        ) : null}
        <Button
          icon={MessageSquareText}
          aria-expanded={cannedOpen}
          aria-controls={cannedOpen ? cannedId : undefined}
          onClick={() => setCannedOpen((on) => !on)}
        >
          {t('tickets:queue.myCanned')}
        </Button>
      </div>
      {cannedOpen ? <MyCannedReplies id={cannedId} /> : null}
      {showSupervisor ? (
        <SupervisorPanel />
      ) : (
        <div className="tickets__panes">
          <div className="tickets__queue">
            <QueueView selectedId={ticketId} onOpen={open} supervisor={supervisor} />
          </div>
          <div className="tickets__conversation">
            {ticketId === undefined ? (
              <EmptyState
                icon={MessagesSquare}
                heading={t('tickets:queue.noConversation.heading')}
                actions={[
                  {
                    label: t('shell:empty.actions.teamNotes'),
                    icon: MessagesSquare,
                    onPress: onOpenTeamNotes,
                  },
                ]}
              >
                <p>{t('tickets:queue.noConversation.body')}</p>
              </EmptyState>
            ) : (
              <ConversationPane ticketId={ticketId} focusRequest={focusRequest} />
            )}
          </div>
        </div>
      )}
    </ViewFrame>
  );
}
