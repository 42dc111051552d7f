import { Package } from 'lucide-react';
import { memo, useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../shared/protocol/live';
import { Button } from '../ui/Button';
import { FlashSaleForm } from './FlashSaleForm';
import { useErrorText, useLiveSnapshot, useMoney } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';

/** The organisation's products with "Pin" (讲解) each, the pinned one marked, and the flash sale. */
export function ProductsPanel({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const snapshot = useLiveSnapshot(store);
  const errorText = useErrorText();
  const headingId = useId();
  const broadcast = liveBroadcast(snapshot.console);
  const pinnedId = snapshot.console?.room.pinnedProduct?.id ?? null;
  const failure = snapshot.failure?.action === 'pin' ? snapshot.failure : null;
  const onPin = useCallback((id: number | null) => void store.pin(id), [store]);

  return (
    <section aria-labelledby={headingId} className="live-panel live-products">
      <h2 id={headingId} className="live-panel__title">
        {t('products.heading')}
      </h2>
      {broadcast ? null : <p className="field__hint">{t('products.notLive')}</p>}
      {failure ? (
        <p role="alert" className="live-panel__error">
          {t('failure.pin', { reason: errorText(failure.error) })}
        </p>
      ) : null}
      {snapshot.productsLoaded && snapshot.products.length === 0 ? (
        <p>{t('products.none')}</p>
      ) : (
        <ul aria-label={t('products.list')} className="live-products__list">
          {snapshot.products.map((product) => (
            <ProductRow
              key={product.id}
              product={product}
              pinned={product.id === pinnedId}
              disabled={!broadcast || snapshot.busy === 'pin'}
              imageUrl={product.imageUrl ? store.assetUrl(product.imageUrl) : null}
              onPin={onPin}
            />
          ))}
        </ul>
      )}
      <FlashSaleForm store={store} />
    </section>
  );
}

interface ProductRowProps {
  product: Product;
  pinned: boolean;
  disabled: boolean;
  imageUrl: string | null;
  onPin: (productId: number | null) => void;
}

const ProductRow = memo(function ProductRow({ product, pinned, disabled, imageUrl, onPin }: ProductRowProps) {
  const { t } = useTranslation('live');
  const money = useMoney();
  return (
    <li className={['live-product', pinned ? 'live-product--pinned' : null].filter(Boolean).join(' ')}>
      {imageUrl ? (
        <img src={imageUrl} alt="" className="live-product__image" loading="lazy" />
      ) : (
        <Package aria-hidden="true" className="live-product__image live-product__image--none" />
      )}
      <div className="live-product__text">
        <p className="live-product__name">
          {product.name}
          {pinned ? <span className="live-product__pinned">{t('products.pinned')}</span> : null}
        </p>
        <p className="live-product__meta">
          {t('products.meta', { price: money(product.priceFen), stock: product.stock })}
        </p>
      </div>
      <Button aria-pressed={pinned} disabled={disabled} onClick={() => onPin(pinned ? null : product.id)}>
        {t('products.pin')}
        <span className="visually-hidden"> {product.name}</span>
      </Button>
    </li>
  );
});
