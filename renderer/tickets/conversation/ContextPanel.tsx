import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { OrderSummary, TicketDetail } from '../../../shared/protocol';
import type { ConversationStore } from './conversation-store';
import { useDateTimeFormat, useMoneyFormat } from './useDateTimeFormat';
import './ContextPanel.css';

export interface ContextPanelProps {
  store: ConversationStore;
  detail: TicketDetail | null;
}

/**
 * Who the customer is, beside the conversation (a complementary landmark
 * named "Customer"): their details, their recent orders from the shop with
 * status, total and items, and their earlier tickets as links that open them.
 */
export function ContextPanel({ store, detail }: ContextPanelProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const context = useSyncExternalStore(store.subscribe, () => store.context);
  const error = useSyncExternalStore(store.subscribe, () => store.contextError);
  const format = useDateTimeFormat();
  const titleId = useId();
  const ordersId = useId();
  const ticketsId = useId();
  const customer = detail?.customer ?? null;
  const thisOrder = detail?.order?.id ?? null;
  const earlier = (context?.tickets ?? []).filter((ticket) => ticket.id !== store.ticketId);

  return (
    <aside aria-labelledby={titleId} className="context-panel">
      <h2 id={titleId} className="context-panel__title">
        {t('conversation.context.title')}
      </h2>
      {customer ? (
        <dl className="context-panel__details">
          <dt>{t('conversation.context.name')}</dt>
          <dd lang={textLang(customer.name)}>{customer.name}</dd>
          <dt>{t('conversation.context.city')}</dt>
          <dd>{customer.city ?? t('conversation.context.unknown')}</dd>
          <dt>{t('conversation.context.language')}</dt>
          <dd>{t(`conversation.context.languages.${customer.locale}`)}</dd>
          {customer.phone ? (
            <>
              <dt>{t('conversation.context.phone')}</dt>
              <dd>{customer.phone}</dd>
            </>
          ) : null}
          {customer.email ? (
            <>
              <dt>{t('conversation.context.email')}</dt>
              <dd>{customer.email}</dd>
            </>
          ) : null}
          <dt>{t('conversation.context.since')}</dt>
          <dd>{format(customer.since)}</dd>
        </dl>
      ) : null}
      {error ? (
        <p className="context-panel__error">
          {t('conversation.context.failed', { reason: t(`errors:codes.${error}`) })}
        </p>
      ) : null}

      <h3 id={ordersId} className="context-panel__subtitle">
        {t('conversation.context.orders')}
      </h3>
      {context === null ? (
        error ? null : (
          <p className="context-panel__empty">{t('conversation.loading')}</p>
        )
      ) : context.orders.length === 0 ? (
        <p className="context-panel__empty">{t('conversation.context.noOrders')}</p>
      ) : (
        <ol className="context-panel__list" aria-labelledby={ordersId}>
          {context.orders.map((order) => (
            <OrderItem key={order.id} order={order} isThisTicket={order.id === thisOrder} />
          ))}
        </ol>
      )}

      <h3 id={ticketsId} className="context-panel__subtitle">
        {t('conversation.context.tickets')}
      </h3>
      {context === null ? null : earlier.length === 0 ? (
        <p className="context-panel__empty">{t('conversation.context.noTickets')}</p>
      ) : (
        <ol className="context-panel__list" aria-labelledby={ticketsId}>
          {earlier.map((ticket) => (
            <li key={ticket.id} className="context-panel__ticket">
              <a href={`#/tickets/${ticket.id}`} className="context-panel__link">
                {t('conversation.context.ticketLink', { number: ticket.number, subject: ticket.subject })}
              </a>
              <p className="context-panel__meta">
                {t(`conversation.status.${ticket.status}`)} · {format(ticket.createdAt)}
                {ticket.csat ? ` · ${t('conversation.csat.short', { score: ticket.csat.score })}` : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function OrderItem({ order, isThisTicket }: { order: OrderSummary; isThisTicket: boolean }) {
  const { t } = useTranslation('tickets');
  const money = useMoneyFormat();
  const format = useDateTimeFormat();
  return (
    <li
      className={['context-panel__order', isThisTicket ? 'context-panel__order--this' : null]
        .filter(Boolean)
        .join(' ')}
    >
      <p className="context-panel__order-head">
        <span className="context-panel__order-number">{order.number}</span>
        {isThisTicket ? (
          <span className="context-panel__this">{t('conversation.context.thisOrder')}</span>
        ) : null}
      </p>
      <p className="context-panel__meta">
        {t(`conversation.context.orderStatus.${order.status}`)} · {money(order.totalFen)} ·{' '}
        {format(order.createdAt)}
      </p>
      <ul className="context-panel__items">
        {order.items.map((item, index) => (
          <li key={index} lang={textLang(item.name)}>
            {t('conversation.context.item', { name: item.name, quantity: item.quantity })}
          </li>
        ))}
      </ul>
    </li>
  );
}
