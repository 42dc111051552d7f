import type { TFunction } from 'i18next';
import {
  nextSlaChangeAt,
  slaClock,
  type SlaClock,
  type SlaPhase,
  type SlaTargets,
  type SlaTicket,
} from '../../shared/domain/tickets/sla';
import type { TicketSummary } from '../../shared/protocol';

type Translate = TFunction<'tickets'>;

export function slaTicket(ticket: TicketSummary): SlaTicket {
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

export function queueSlaClock(ticket: TicketSummary, targets: SlaTargets, now: number): SlaClock {
  return slaClock(slaTicket(ticket), targets, now);
}

export function queueSlaWake(ticket: TicketSummary, targets: SlaTargets, now: number): number | null {
  return nextSlaChangeAt(slaTicket(ticket), targets, now);
}

/**
 * A row's short duration: "12 min", "3 h 5 min", "2 d". Rounded up while a
 * clock runs, so "under 1 min" shows until the very breach and never "0 min".
 */
export function shortDuration(t: Translate, ms: number): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('queue.duration.lessThanMinute');
  if (minutes < 60) return t('queue.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return t('queue.duration.days', { count: Math.floor(hours / 24) });
  const rest = minutes % 60;
  return rest === 0
    ? t('queue.duration.hours', { count: hours })
    : t('queue.duration.hoursMinutes', { hours, minutes: rest });
}

export interface SlaLabel {
  phase: SlaPhase;
  text: string;
}

/** The queue row's SLA words: how long is left or how late, said in words as well as shown. */
export function slaLabel(t: Translate, ticket: TicketSummary, targets: SlaTargets, now: number): SlaLabel {
  const clock = queueSlaClock(ticket, targets, now);
  const time = shortDuration(t, clock.remainingMs ?? 0);
  switch (clock.phase) {
    case 'ok':
      return { phase: 'ok', text: t('queue.sla.ok', { time }) };
    case 'warning':
      return { phase: 'warning', text: t('queue.sla.warning', { time }) };
    case 'breached':
      return ticket.status === 'resolved'
        ? { phase: 'breached', text: t('queue.sla.missed') }
        : { phase: 'breached', text: t('queue.sla.breached', { time }) };
    case 'paused':
      return { phase: 'paused', text: t('queue.sla.paused') };
    case 'met':
      return { phase: 'met', text: t('queue.sla.met') };
  }
}
