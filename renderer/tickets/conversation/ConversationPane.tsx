import { AlertTriangle, CheckCircle2, Clock, PauseCircle, Star } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { TicketDetail } from '../../../shared/protocol';
import { useAlerts } from '../../a11y/alerts/AlertsProvider';
import { useOutboxList, useSessionStore, useSessionUser } from '../../session/hooks';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useNow } from './clock';
import { writtenSince } from './collision';
import { refusedReplies, seenSeqOf, type Colleague, type ConversationStore } from './conversation-store';
import { conversationsStore } from './conversations-store';
import { ContextPanel } from './ContextPanel';
import { MessageList } from './MessageList';
import { ReplyBox } from './ReplyBox';
import { slaText } from './sla-text';
import { TicketActions } from './TicketActions';
import { useDateTimeFormat } from './useDateTimeFormat';
import './ConversationPane.css';

export interface ConversationPaneProps {
  /** The ticket's row id, from `#/tickets/<id>`. */
  ticketId: number;
  /** Changes on each navigation to this ticket: the conversation's heading then takes focus. Zero: leave focus alone. */
  focusRequest: number;
}

/** The agent sees the conversation now: the page is shown and its window has focus. */
function seen(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/**
 * One ticket's conversation: the header (number, customer, status,
 * priority, assignee, SLA, who else is here), the actions, the history, the
 * reply box with suggestions, and the customer beside it. Everything lives
 * in the session's conversation store, so the pane can unmount and come
 * back without losing a message, a waiting reply or a refusal.
 */
export function ConversationPane({ ticketId, focusRequest }: ConversationPaneProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const session = useSession();
  const user = useSessionUser();
  const conversations = useSessionStore(conversationsStore);
  const store = useMemo(() => conversations.get(ticketId), [conversations, ticketId]);
  const detail = useSyncExternalStore(store.subscribe, () => store.detail);
  const detailError = useSyncExternalStore(store.subscribe, () => store.detailError);
  const unread = useSyncExternalStore(store.subscribe, () => store.unread);
  const messages = useSyncExternalStore(store.subscribe, () => store.messages);
  const block = useSyncExternalStore(store.subscribe, () => store.block);
  const outbox = useOutboxList();
  const { announce, acknowledge } = useAlerts();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const titleId = useId();
  const hubUrl = session.options.host.hubUrl;
  const topic = `ticket.${ticketId}.messages`;

  // Colleagues see "viewing" while this is open (renewed every 10 s) and "left" when it closes.
  useEffect(() => store.open(), [store]);

  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus();
  }, [focusRequest]);

  // Read: shown in a window in front. Asked again when the window comes to the front.
  useEffect(() => {
    const mark = () => {
      if (!seen()) return;
      store.markRead();
      acknowledge(topic);
    };
    mark();
    window.addEventListener('focus', mark);
    document.addEventListener('visibilitychange', mark);
    return () => {
      window.removeEventListener('focus', mark);
      document.removeEventListener('visibilitychange', mark);
    };
  }, [store, unread, acknowledge, topic]);

  // A customer's or colleague's message is said once, politely (a burst as one summary), and with
  // visual alerts on the window flashes for a deaf agent; read at once when they are looking.
  useEffect(
    () =>
      store.onArrival((message) =>
        announce({
          topic,
          message:
            message.kind === 'note'
              ? t('conversation.arrival.note', {
                  name: message.author.name,
                  body: message.body.slice(0, 160),
                })
              : t('conversation.arrival.message', {
                  name: message.author.name,
                  body: message.body.slice(0, 160),
                }),
          summary: (count) => t('conversation.arrival.summary', { count }),
          read: seen,
        }),
      ),
    [store, announce, t, topic],
  );

  const refused = refusedReplies(outbox, ticketId);
  const since = [block?.since, ...refused.map(seenSeqOf)].filter((s): s is number => s !== undefined);
  const highlightSince = since.length === 0 ? null : Math.min(...since);
  const newCount = highlightSince === null ? 0 : writtenSince(messages, highlightSince, user.id).length;

  const reviewNew = () => {
    const root = section.current;
    const first = root?.querySelector<HTMLElement>('[data-new="true"]');
    if (first) {
      first.scrollIntoView({ block: 'nearest' });
      first.focus();
    } else root?.querySelector<HTMLElement>('[data-conversation-log]')?.focus();
  };

  return (
    <div className="conversation-pane">
      <section ref={section} aria-labelledby={titleId} className="conversation">
        <ConversationHeader
          store={store}
          detail={detail}
          ticketId={ticketId}
          titleId={titleId}
          headingRef={heading}
        />
        {detailError && !detail ? (
          <div className="conversation__failed">
            <p>{t('conversation.loadFailed', { reason: t(`errors:codes.${detailError}`) })}</p>
            <Button onClick={() => void store.reload()}>{t('conversation.tryAgain')}</Button>
          </div>
        ) : null}
        {detail ? <TicketActions store={store} ticket={detail.ticket} /> : null}
        <MessageList store={store} highlightSince={highlightSince} hubUrl={hubUrl} />
        {detail ? (
          <ReplyBox
            store={store}
            detail={detail}
            refused={refused}
            newCount={newCount}
            onReviewNew={reviewNew}
          />
        ) : null}
      </section>
      <ContextPanel store={store} detail={detail} />
    </div>
  );
}

function ConversationHeader({
  store,
  detail,
  ticketId,
  titleId,
  headingRef,
}: {
  store: ConversationStore;
  detail: TicketDetail | null;
  ticketId: number;
  titleId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation('tickets');
  const conversations = useSessionStore(conversationsStore);
  const sla = useSyncExternalStore(conversations.subscribe, () => conversations.sla);
  const colleagues = useSyncExternalStore(store.subscribe, () => store.colleagues);
  const customerTyping = useSyncExternalStore(store.subscribe, () => store.customerTyping);
  const now = useNow();
  const format = useDateTimeFormat();
  const ticket = detail?.ticket ?? null;
  const timer = ticket && sla ? slaText(t, ticket, sla, now) : null;
  const timerIcon =
    timer === null
      ? Clock
      : timer.phase === 'met'
        ? CheckCircle2
        : timer.phase === 'paused'
          ? PauseCircle
          : timer.phase === 'ok'
            ? Clock
            : AlertTriangle;

  return (
    <header className="conversation__header">
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="conversation__title">
        {ticket
          ? t('conversation.title', { number: ticket.number, name: ticket.customer.name })
          : t('conversation.titleLoading', { id: ticketId })}
      </h2>
      {ticket ? (
        <>
          <p className="conversation__subject" lang={textLang(ticket.subject)}>
            {ticket.subject}
          </p>
          <ul className="conversation__facts" aria-label={t('conversation.factsLabel')}>
            <li className={`conversation__fact conversation__status conversation__status--${ticket.status}`}>
              {ticket.status === 'snoozed' && ticket.snoozedUntil !== null
                ? t('conversation.snoozedUntil', { time: format(ticket.snoozedUntil, now) })
                : t(`conversation.status.${ticket.status}`)}
            </li>
            <li className={`conversation__fact conversation__priority--${ticket.priority}`}>
              {t('conversation.priorityFact', { priority: t(`conversation.priority.${ticket.priority}`) })}
            </li>
            <li className="conversation__fact">
              {ticket.assignee
                ? t('conversation.assignedTo', { name: ticket.assignee.displayName })
                : t('conversation.unassigned')}
            </li>
            {timer ? (
              <li className={`conversation__fact conversation__sla conversation__sla--${timer.phase}`}>
                <Icon icon={timerIcon} size="sm" />
                <span>{timer.text}</span>
              </li>
            ) : null}
            {ticket.orderNumber ? (
              <li className="conversation__fact">
                {t('conversation.orderFact', { order: ticket.orderNumber })}
              </li>
            ) : null}
          </ul>
          {ticket.status === 'resolved' ? (
            <p className="conversation__csat">
              <Icon icon={Star} size="sm" />
              {ticket.csat ? (
                <span>
                  {t('conversation.csat.score', { score: ticket.csat.score })}
                  {ticket.csat.comment ? (
                    <>
                      {' '}
                      <q lang={textLang(ticket.csat.comment)}>{ticket.csat.comment}</q>
                    </>
                  ) : null}
                </span>
              ) : (
                <span>{t('conversation.csat.none')}</span>
              )}
            </p>
          ) : null}
        </>
      ) : null}
      {/* Who else is here, in words: said politely when it changes. */}
      <p role="status" className="conversation__presence">
        {presenceText(t, colleagues, customerTyping)}
      </p>
    </header>
  );
}

function presenceText(
  t: ReturnType<typeof useTranslation<'tickets'>>['t'],
  colleagues: readonly Colleague[],
  customerTyping: boolean,
): string {
  const parts = colleagues.map((c) =>
    c.activity === 'typing'
      ? t('conversation.presence.colleagueTyping', { name: c.name })
      : t('conversation.presence.colleagueViewing', { name: c.name }),
  );
  if (customerTyping) parts.push(t('conversation.presence.customerTyping'));
  return parts.join(' · ');
}
