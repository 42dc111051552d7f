import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveOrder } from '../../shared/protocol/live';
import { useLiveSnapshot, useMoney } from './live-hooks';
import type { LiveStore } from './live-store';

/** This broadcast's orders as they come, newest first. */
export function OrdersFeed({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const { orders } = useLiveSnapshot(store);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="live-panel live-orders">
      <h2 id={headingId} className="live-panel__title">
        {t('orders.heading')}
      </h2>
      {orders.length === 0 ? (
        <p className="field__hint">{t('orders.none')}</p>
      ) : (
        <ol aria-labelledby={headingId} className="live-feed live-orders__list">
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ol>
      )}
    </section>
  );
}

const OrderRow = memo(function OrderRow({ order }: { order: LiveOrder }) {
  const { t, i18n } = useTranslation('live');
  const money = useMoney();
  const time = new Date(order.createdAt).toLocaleTimeString(i18n.resolvedLanguage ?? 'en', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <li className="live-feed__row">
      <time dateTime={new Date(order.createdAt).toISOString()} className="live-feed__time">
        {time}
      </time>{' '}
      {t('orders.row', {
        nickname: order.nickname,
        quantity: order.quantity,
        product: order.productName,
        total: money(order.totalFen),
      })}
      {order.flashSaleId !== null ? <span className="live-feed__tag">{t('orders.flashSale')}</span> : null}
    </li>
  );
});
