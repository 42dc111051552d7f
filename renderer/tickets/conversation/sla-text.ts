import type { TFunction } from 'i18next';
import { slaClock, type SlaPhase, type SlaTargets, type SlaTicket } from '../../../shared/domain/tickets/sla';
import type { TicketSummary } from '../../../shared/protocol';

type Translate = TFunction<'tickets'>;

export function slaTicketOf(ticket: TicketSummary): SlaTicket {
  return {
    priority: ticket.priority,
    status: ticket.status,
    createdAt: ticket.createdAt,
    firstResponseAt: ticket.firstResponseAt,
    resolvedAt: ticket.resolvedAt,
    pausedMs: ticket.slaPausedMs,
    pausedSince: ticket.slaPausedSince,
  };
}

/** "12 min", "3 h 5 min", "4 days": rounded up to the minute while running, so "0 min" never shows before the breach. */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.ceil(Math.abs(ms) / 60_000));
  if (minutes < 1) return t('conversation.duration.lessThanMinute');
  if (minutes < 60) return t('conversation.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0
      ? t('conversation.duration.hours', { count: hours })
      : t('conversation.duration.hoursMinutes', { hours, minutes: rest });
  }
  return t('conversation.duration.days', { count: Math.floor(hours / 24) });
}

export interface SlaText {
  text: string;
  phase: SlaPhase;
}

/** The SLA timer in words: which clock, how long left or how late, never told by colour alone. */
export function slaText(t: Translate, ticket: TicketSummary, targets: SlaTargets, now: number): SlaText {
  const clock = slaClock(slaTicketOf(ticket), targets, now);
  const target = clock.target === 'first_response' ? 'firstResponse' : 'resolution';
  const time = durationText(t, clock.remainingMs ?? 0);
  switch (clock.phase) {
    case 'ok':
      return { phase: clock.phase, text: t(`conversation.sla.${target}.ok`, { time }) };
    case 'warning':
      return { phase: clock.phase, text: t(`conversation.sla.${target}.warning`, { time }) };
    case 'breached':
      // Resolved late: the margin it was missed by; still open: how long it has been overdue.
      return ticket.status === 'resolved'
        ? { phase: clock.phase, text: t(`conversation.sla.${target}.missed`, { time }) }
        : { phase: clock.phase, text: t(`conversation.sla.${target}.breached`, { time }) };
    case 'paused':
      return { phase: clock.phase, text: t('conversation.sla.paused', { time }) };
    case 'met':
      return { phase: clock.phase, text: t('conversation.sla.met') };
  }
}
