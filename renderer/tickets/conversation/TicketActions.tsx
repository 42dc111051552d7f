import {
  AlarmClock,
  ArrowLeftRight,
  CheckCircle2,
  Hand,
  PauseCircle,
  PlayCircle,
  RotateCcw,
  Tags,
} from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NotSentReason } from '../../../shared/bridge';
import { errorCodes, type Ack, type ErrorCode, type TicketSummary } from '../../../shared/protocol';
import { useRovingTabIndex } from '../../a11y/keyboard/useRovingTabIndex';
import { useRegisterAction } from '../../a11y/keyboard/actions';
import { useOutboxList, useSessionUser } from '../../session/hooks';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { refusedActions, waitingActions, type ConversationStore } from './conversation-store';
import { SnoozePanel } from './SnoozePanel';
import { TicketEditPanel } from './TicketEditPanel';
import { TransferPanel } from './TransferPanel';
import './TicketActions.css';

type Panel = 'snooze' | 'transfer' | 'edit';

interface ToolbarItem {
  key: string;
  label: string;
  icon: LucideIcon;
  run: () => void;
  panel?: Panel;
}

export interface TicketActionsProps {
  store: ConversationStore;
  ticket: TicketSummary;
}

/** The commands' names for "waiting to be sent", by outbox event. */
const waitingKeys = {
  'tickets.claim': 'claim',
  'tickets.transfer': 'transfer',
  'tickets.setStatus': 'status',
  'tickets.update': 'edit',
} as const;

type Translate = ReturnType<typeof useTranslation<['tickets', 'errors', 'outbox']>>['t'];

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

/** Why the hub or the outbox did not take it, as the not-sent list says it. */
function notSentReason(t: Translate, code: NotSentReason['code']): string {
  return isErrorCode(code) ? t(`errors:codes.${code}`) : t(`outbox:reasons.${code}`);
}

/**
 * What the agent can do with the ticket: one toolbar (arrow keys move
 * inside it, Tab leaves it), each action one plain button, through the
 * outbox's lane for this ticket so an action taken offline is kept and
 * sent in order. Snooze, transfer and the priority-and-tags editor open a
 * panel below the toolbar; Escape or Cancel closes it and focus goes back.
 */
export function TicketActions({ store, ticket }: TicketActionsProps) {
  const { t } = useTranslation(['tickets', 'errors', 'outbox']);
  const outbox = useOutboxList();
  const user = useSessionUser();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const panelId = useId();

  const after = async (action: Promise<Ack<unknown>>, saidDone: string): Promise<boolean> => {
    const answer = await action;
    if (!answer.ok) {
      setError(t('conversation.actions.failed', { reason: t(`errors:codes.${answer.error.code}`) }));
      return false;
    }
    setError(null);
    setDone(saidDone);
    return true;
  };

  const resolved = ticket.status === 'resolved';
  const waiting = ticket.status === 'pending' || ticket.status === 'snoozed';
  const items: ToolbarItem[] = [];
  if (ticket.assignee === null) {
    items.push({
      key: 'claim',
      label: t('conversation.actions.claim'),
      icon: Hand,
      run: () => void after(store.claim(), t('conversation.actions.claimed')),
    });
  }
  if (!resolved && ticket.status !== 'pending') {
    items.push({
      key: 'pending',
      label: t('conversation.actions.pending'),
      icon: PauseCircle,
      run: () => void after(store.setStatus('pending'), t('conversation.actions.pendingDone')),
    });
  }
  if (!resolved) {
    items.push({
      key: 'snooze',
      label: t('conversation.actions.snooze'),
      icon: AlarmClock,
      run: () => toggle('snooze'),
      panel: 'snooze',
    });
  }
  if (waiting) {
    items.push({
      key: 'open',
      label: t('conversation.actions.backToOpen'),
      icon: PlayCircle,
      run: () => void after(store.setStatus('open'), t('conversation.actions.openDone')),
    });
  }
  items.push(
    resolved
      ? {
          key: 'reopen',
          label: t('conversation.actions.reopen'),
          icon: RotateCcw,
          run: () => void after(store.setStatus('open'), t('conversation.actions.reopened')),
        }
      : {
          key: 'resolve',
          label: t('conversation.actions.resolve'),
          icon: CheckCircle2,
          run: () => void after(store.setStatus('resolved'), t('conversation.actions.resolvedDone')),
        },
  );
  // The hub lets an agent hand on their own tickets only; a supervisor any.
  if (ticket.assignee?.id === user.id || user.roles.includes('supervisor')) {
    items.push({
      key: 'transfer',
      label: t('conversation.actions.transfer'),
      icon: ArrowLeftRight,
      run: () => toggle('transfer'),
      panel: 'transfer',
    });
  }
  items.push({
    key: 'edit',
    label: t('conversation.actions.edit'),
    icon: Tags,
    run: () => toggle('edit'),
    panel: 'edit',
  });

  const roving = useRovingTabIndex<HTMLButtonElement>(items.length, { orientation: 'horizontal' });
  const focusKey = (key: string) => {
    const index = items.findIndex((i) => i.key === key);
    if (index >= 0) roving.focusItem(index);
  };
  function toggle(next: Panel) {
    setPanel((open) => (open === next ? null : next));
  }
  const close = (returnTo: Panel) => {
    setPanel(null);
    focusKey(returnTo);
  };

  // Resolving is common enough for the palette, and for a key the agent may bind.
  useRegisterAction({
    id: 'tickets.resolve',
    label: t('conversation.actions.resolveTicket', { number: ticket.number }),
    group: t('conversation.actions.group'),
    run: () => {
      if (!resolved) void after(store.setStatus('resolved'), t('conversation.actions.resolvedDone'));
    },
  });

  const pending = waitingActions(outbox, store.ticketId);
  const refused = refusedActions(outbox, store.ticketId);
  const nameOf = (event: string) =>
    t(`conversation.actions.waitingNames.${waitingKeys[event as keyof typeof waitingKeys] ?? 'edit'}`);
  let panelNode: ReactNode = null;
  if (panel === 'snooze') {
    panelNode = (
      <SnoozePanel
        id={panelId}
        onSnooze={async (until) => {
          if (await after(store.setStatus('snoozed', until), t('conversation.actions.snoozedDone')))
            close('snooze');
        }}
        onCancel={() => close('snooze')}
      />
    );
  } else if (panel === 'transfer') {
    panelNode = (
      <TransferPanel
        id={panelId}
        store={store}
        ticket={ticket}
        onTransfer={async (to, note) => {
          if (await after(store.transfer(to, note), t('conversation.actions.transferredDone')))
            close('transfer');
        }}
        onCancel={() => close('transfer')}
      />
    );
  } else if (panel === 'edit') {
    panelNode = (
      <TicketEditPanel
        id={panelId}
        ticket={ticket}
        onSave={async (change) => {
          if (await after(store.update(change), t('conversation.actions.editDone'))) close('edit');
        }}
        onCancel={() => close('edit')}
      />
    );
  }

  return (
    <div className="ticket-actions">
      <div role="toolbar" aria-label={t('conversation.actions.label')} className="ticket-actions__bar">
        {items.map((item, index) => {
          const props = roving.getItemProps(index);
          return (
            <Button
              key={item.key}
              {...props}
              icon={item.icon}
              primary={item.key === 'resolve' || item.key === 'claim'}
              aria-expanded={item.panel ? panel === item.panel : undefined}
              aria-controls={item.panel && panel === item.panel ? panelId : undefined}
              onClick={item.run}
            >
              {item.label}
            </Button>
          );
        })}
      </div>
      {panelNode}
      <Alert>{error}</Alert>
      {/* Refused by the hub: said where it was pressed, as well as in the banner's not-sent list. */}
      {refused.length > 0 ? (
        <ul className="ticket-actions__refused">
          {refused.map((entry) => (
            <li key={entry.id}>
              {t('conversation.actions.refused', {
                name: nameOf(entry.event),
                reason: notSentReason(t, entry.reason.code),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="ticket-actions__status">
        {pending.length > 0
          ? t('conversation.actions.waiting', {
              names: pending.map((e) => nameOf(e.event)).join(', '),
            })
          : done}
      </p>
    </div>
  );
}
