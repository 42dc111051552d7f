import { AlertOctagon, AlertTriangle, CheckCircle2, Clock, PauseCircle, type LucideIcon } from 'lucide-react';
import { memo, useId, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPhase, SlaTargets } from '../../shared/domain/tickets/sla';
import { textLang } from '../../shared/i18n';
import type { TicketSummary } from '../../shared/protocol';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { queueSlaWake, slaLabel } from './sla-label';
import { useNow, useWakeAt, type NowClock } from './useNow';

export interface QueueRowProps {
  /** Undefined while its page is on the way. */
  ticket: TicketSummary | undefined;
  index: number;
  total: number;
  unread: number;
  /** The list's one Tab stop. */
  tabStop: boolean;
  /** The ticket the address opens (aria-current). */
  selected: boolean;
  showAssignee: boolean;
  targets: SlaTargets;
  clock: NowClock;
  timeFormat: Intl.DateTimeFormat;
  onOpen: (ticketId: number) => void;
  onRowKeyDown: (event: KeyboardEvent<HTMLButtonElement>, index: number) => void;
  onRowFocus: (event: FocusEvent<HTMLButtonElement>, index: number) => void;
}

const slaIcons: Record<SlaPhase, LucideIcon> = {
  ok: Clock,
  warning: AlertTriangle,
  breached: AlertOctagon,
  paused: PauseCircle,
  met: CheckCircle2,
};

/** A pause between the parts of the row's name, heard but not seen. */
function Pause({ text }: { text: string }) {
  return <span className="visually-hidden">{text}</span>;
}

/**
 * The SLA timer: the only part of a row that changes with time, so the
 * clock's ticks re-render it alone. Warning and breach carry an icon and
 * their own words, never colour alone.
 */
function SlaTimer({
  ticket,
  targets,
  clock,
}: {
  ticket: TicketSummary;
  targets: SlaTargets;
  clock: NowClock;
}) {
  const { t } = useTranslation('tickets');
  const now = useNow(clock);
  // The next phase change, asked for so the timer turns then rather than up to a tick late.
  useWakeAt(clock, queueSlaWake(ticket, targets, now));
  const label = slaLabel(t, ticket, targets, now);
  return (
    <span className={`queue-row__sla queue-row__sla--${label.phase}`}>
      <Icon icon={slaIcons[label.phase]} size="sm" />
      {label.text}
    </span>
  );
}

/**
 * One queue row: a button named, in this order, by the ticket number, the
 * customer, the subject, status, priority, SLA timer, unread count, assignee
 * and update time, so a screen reader and a switch user's spoken labels hear
 * the deciding facts first. The newest message is its description.
 */
export const QueueRow = memo(function QueueRow({
  ticket,
  index,
  total,
  unread,
  tabStop,
  selected,
  showAssignee,
  targets,
  clock,
  timeFormat,
  onOpen,
  onRowKeyDown,
  onRowFocus,
}: QueueRowProps) {
  const { t } = useTranslation('tickets');
  const excerptId = useId();
  const common = {
    type: 'button' as const,
    'data-row-index': index,
    tabIndex: tabStop ? 0 : -1,
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => onRowKeyDown(event, index),
    onFocus: (event: FocusEvent<HTMLButtonElement>) => onRowFocus(event, index),
  };
  if (!ticket) {
    return (
      <button {...common} className="queue-row queue-row--loading" aria-disabled="true">
        {t('queue.list.loadingRow', { position: index + 1, total })}
      </button>
    );
  }
  const excerpt = ticket.lastMessage?.excerpt ?? t('queue.row.noMessage');
  const sep = t('queue.row.separator');
  return (
    <button
      {...common}
      className={['queue-row', selected ? 'queue-row--selected' : null].filter(Boolean).join(' ')}
      aria-current={selected ? 'true' : undefined}
      aria-describedby={excerptId}
      onClick={() => onOpen(ticket.id)}
    >
      <span className="queue-row__head">
        <span className="queue-row__number">{t('queue.row.number', { number: ticket.number })}</span>{' '}
        <span className="queue-row__customer" lang={textLang(ticket.customer.name)}>
          {ticket.customer.name}
        </span>
        <Pause text={sep} />
      </span>
      <span className="queue-row__subject" lang={textLang(ticket.subject)}>
        {ticket.subject}
      </span>
      <Pause text={sep} />
      {/* Heard as the description, not in the name: the name stays short enough to scan by ear. */}
      <span className="queue-row__excerpt" id={excerptId} aria-hidden="true" lang={textLang(excerpt)}>
        {excerpt}
      </span>
      <span className="queue-row__facts">
        <span className={`queue-row__status queue-row__status--${ticket.status}`}>
          {t(`queue.status.${ticket.status}`)}
        </span>
        <Pause text={sep} />
        <span className={`queue-row__priority queue-row__priority--${ticket.priority}`}>
          {t(`queue.priority.${ticket.priority}`)}
        </span>
        <Pause text={sep} />
        <SlaTimer ticket={ticket} targets={targets} clock={clock} />
        {unread > 0 ? (
          <>
            <Pause text={sep} />
            <Badge
              className="queue-row__unread"
              count={unread}
              label={t('queue.row.unread', { count: unread })}
            />
          </>
        ) : null}
        {showAssignee ? (
          <>
            <Pause text={sep} />
            <span className="queue-row__assignee">
              {ticket.assignee
                ? t('queue.row.assignedTo', { name: ticket.assignee.displayName })
                : t('queue.row.unassigned')}
            </span>
          </>
        ) : null}
        <Pause text={sep} />
        <span className="queue-row__updated">
          {t('queue.row.updated', { time: timeFormat.format(ticket.updatedAt) })}
        </span>
      </span>
    </button>
  );
});
