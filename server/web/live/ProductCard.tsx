import { ShoppingBag } from 'lucide-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlashSale, Product } from '../../../shared/protocol/live';
import { FlashSaleBanner } from './FlashSaleBanner';
import type { ViewerActions } from './live-room-client';
import { fenFormatter } from '../../../shared/domain/live/money';
import type { BuyState } from './viewer-store';

/** The flash sale on this product, while it runs. */
export function runningSale(sale: FlashSale | null, product: Product, now: number): FlashSale | null {
  if (!sale || sale.productId !== product.id || sale.endedAt !== null || sale.endsAt <= now) return null;
  return sale;
}

/**
 * The product the anchor is explaining (讲解), with "Buy". One press is one
 * order: the button waits while the order is on its way, then the page says
 * what happened in words (order number, or why not).
 */
export function ProductCard({
  client,
  product,
  sale,
  buy,
  now,
}: {
  client: ViewerActions;
  product: Product | null;
  sale: FlashSale | null;
  buy: BuyState;
  now: number;
}) {
  const { t, i18n } = useTranslation('viewer');
  const id = useId();
  const money = useMemo(() => fenFormatter(i18n.resolvedLanguage ?? 'en'), [i18n.resolvedLanguage]);

  if (!product) {
    return (
      <section className="live-card live-product" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('product.heading')}</h2>
        <p className="live-muted">{t('product.none')}</p>
      </section>
    );
  }

  const running = runningSale(sale, product, now);
  const left = running ? Math.max(0, running.quantity - running.sold) : product.stock;
  const soldOut = left === 0;
  return (
    <section className="live-card live-product" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('product.heading')}
      </h2>
      <div className="live-product-body">
        {product.imageUrl ? (
          <img className="live-product-image" src={product.imageUrl} alt="" width={96} height={96} />
        ) : (
          <div className="live-product-image live-product-image--none" aria-hidden="true">
            <ShoppingBag />
          </div>
        )}
        <div className="live-product-text">
          <h3 className="live-product-name">{product.name}</h3>
          {running ? (
            <p className="live-product-price">
              <span className="live-sale-price">
                {t('product.salePrice', { price: money(running.priceFen) })}
              </span>{' '}
              <s className="live-muted">
                <span className="visually-hidden">{t('product.wasPrice')} </span>
                {money(product.priceFen)}
              </s>
            </p>
          ) : (
            <p className="live-product-price">{t('product.price', { price: money(product.priceFen) })}</p>
          )}
          <p className="live-muted">
            {soldOut
              ? t('product.soldOut')
              : running
                ? t('product.saleLeft', { count: left })
                : t('product.stock', { count: left })}
          </p>
        </div>
      </div>
      {running ? <FlashSaleBanner sale={running} now={now} /> : null}
      {product.description ? <p className="live-product-description">{product.description}</p> : null}
      <div className="live-actions">
        <button
          type="button"
          className="live-button live-button--primary live-buy"
          disabled={soldOut}
          aria-disabled={buy.pending}
          aria-describedby={`${id}-outcome`}
          onClick={() => {
            if (!buy.pending) client.buy();
          }}
        >
          <ShoppingBag aria-hidden="true" />
          {t('product.buy')}
        </button>
        <p id={`${id}-outcome`} className="live-outcome" role="status">
          {buy.pending
            ? t('product.buying')
            : buy.order
              ? t('product.ordered', {
                  number: buy.order.id,
                  name: buy.order.productName,
                  total: money(buy.order.totalFen),
                })
              : ''}
        </p>
      </div>
      {buy.problem ? (
        <p className="live-problem" role="alert">
          {t(`product.problem.${buy.problem}`)}
        </p>
      ) : null}
    </section>
  );
}
