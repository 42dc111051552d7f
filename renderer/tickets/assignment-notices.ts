import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../shared/bridge';
import type { TicketSummary } from '../../shared/protocol';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import { useHost } from '../host/HostProvider';
import { Emitter } from '../net/emitter';
import { useSessionStore } from '../session/hooks';
import { useSession } from '../session/SessionProvider';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';
import { AssignmentNoticeFilter, clip } from './assignment-notice-filter';

/** The alert service's topic: a burst of assignments shares one banner slot ("3 new conversations"). */
export const assignedTopic = 'tickets.assigned';

/** The ticket ids of the worker's own claims in these entries. */
function claimsIn(entries: readonly OutboxEntry[]): number[] {
  return entries.flatMap((entry) => {
    const ticketId = entry.payload.ticketId;
    return entry.event === 'tickets.claim' && typeof ticketId === 'number' ? [ticketId] : [];
  });
}

/**
 * The session's stream of new assignments worth a notice: `tickets.assigned`
 * pushes to this worker, through the filter (their own claims, repeats).
 * A store, so the socket stays behind it and the session ends it.
 */
export class AssignmentNotices {
  private readonly news = new Emitter<[TicketSummary]>();
  private readonly stops: (() => void)[] = [];

  constructor(session: Session, now: () => number = Date.now) {
    const { hub, outbox } = session;
    const filter = new AssignmentNoticeFilter(session.user.id);
    const noteClaims = (entries: readonly OutboxEntry[]) => {
      for (const ticketId of claimsIn(entries)) filter.claimed(ticketId, now());
    };
    noteClaims(outbox.pending);
    this.stops.push(outbox.subscribe(() => noteClaims(outbox.pending)));
    this.stops.push(outbox.onDelivered((entry) => noteClaims([entry])));
    this.stops.push(
      hub.onPush('tickets.assigned', ({ ticket }) => {
        if (filter.isNews(ticket, now())) this.news.emit(ticket);
      }),
    );
  }

  /** A conversation was just assigned to the worker, by the hub or a colleague. */
  onNews(listener: (ticket: TicketSummary) => void): () => void {
    return this.news.subscribe(listener);
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

export const assignmentNoticesStore = defineStore(
  'ticketAssignmentNotices',
  (session: Session) => new AssignmentNotices(session),
);

/** Wings is the window in front and the worker can see it: the banner is enough, no OS notification. */
function inFront(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

export interface AssignmentNoticeRoutes {
  /** The ticket the shell shows now (`#/tickets/<id>`), or null. */
  viewing: number | null;
  /** Goes to the ticket, as a new place Back returns from. */
  open: (ticketId: number) => void;
}

/**
 * A new conversation assigned to the signed-in agent: a visual alert always
 * (through the alert service, with a button that opens it; several at once
 * become one slot), a sound if the worker's alert settings allow sounds, and
 * an OS notification through the host when Wings is not in front (Electron;
 * the host shows none in web mode), whose click comes back as
 * `notification.clicked` and opens the ticket. Mounted once by the shell, so
 * a conversation assigned while the worker is in Shifts is noticed too.
 */
export function useAssignmentNotices({ viewing, open }: AssignmentNoticeRoutes): void {
  const session = useSession();
  const store = useSessionStore(assignmentNoticesStore);
  const host = useHost();
  const { announce, acknowledge } = useAlerts();
  const { t } = useTranslation('tickets');
  /** Tickets announced and not yet opened: opening one counts as reading the notice. */
  const announced = useRef(new Set<number>());
  const routes = useRef({ viewing, open });
  useEffect(() => {
    routes.current = { viewing, open };
  });

  useEffect(
    () =>
      store.onNews((ticket) => {
        const { number } = ticket;
        const customer = ticket.customer.name;
        const seen = routes.current.viewing === ticket.id;
        if (!seen) announced.current.add(ticket.id);
        announce({
          topic: assignedTopic,
          message: t('notice.assigned', { number, customer }),
          summary: (count) => t('notice.assignedMany', { count, number }),
          kind: 'info',
          sound: true,
          action: { label: t('notice.open', { number }), run: () => routes.current.open(ticket.id) },
          read: () => seen,
        });
        if (inFront()) return;
        const excerpt = ticket.lastMessage?.excerpt ?? ticket.subject;
        void host.showNotification({
          sessionId: session.id,
          title: clip(t('notice.osTitle', { number }), 120),
          body: clip(t('notice.osBody', { customer, excerpt }), 300),
          route: `#/tickets/${ticket.id}`,
        });
      }),
    [store, session, host, announce, t],
  );

  // Opening an announced conversation is reading its notice: the banner slot may then go.
  useEffect(() => {
    if (viewing === null || !announced.current.delete(viewing)) return;
    acknowledge(assignedTopic);
  }, [viewing, acknowledge]);
}
