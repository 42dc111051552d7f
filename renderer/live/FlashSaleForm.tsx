import { Timer } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { formatDuration } from './duration';
import { parseSaleForm, secondsLeft, type SaleFieldError } from './flash-sale';
import { useErrorText, useLiveSnapshot, useMoney, useNow } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';
import { fenToYuanDigits } from '../../shared/domain/live/money';

/** Starts a flash sale of a product (price, quantity, how long) and, while one runs, its countdown and end. */
export function FlashSaleForm({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const snapshot = useLiveSnapshot(store);
  const money = useMoney();
  const errorText = useErrorText();
  const headingId = useId();
  const productFieldId = useId();
  const broadcast = liveBroadcast(snapshot.console);
  const room = snapshot.console?.room ?? null;
  const sale = room?.flashSale && room.flashSale.endedAt === null ? room.flashSale : null;
  const now = useNow(sale !== null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('10');
  const [seconds, setSeconds] = useState('60');
  const [errors, setErrors] = useState<readonly SaleFieldError[]>([]);
  const productId = chosen ?? room?.pinnedProduct?.id ?? snapshot.products[0]?.id ?? null;
  const product = snapshot.products.find((p) => p.id === productId) ?? null;
  const failure = snapshot.failure?.action === 'sale' ? snapshot.failure : null;
  const disabled = !broadcast || snapshot.busy === 'sale';

  const start = () => {
    if (!product) return;
    const parsed = parseSaleForm({ price, quantity, seconds }, product.stock);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    void store.startSale({ productId: product.id, ...parsed.sale });
  };

  const left = sale ? secondsLeft(sale.endsAt, now) : 0;
  const saleProduct = sale ? snapshot.products.find((p) => p.id === sale.productId) : undefined;

  return (
    <section aria-labelledby={headingId} className="live-sale">
      <h3 id={headingId} className="live-sale__title">
        <Timer aria-hidden="true" className="live-sale__icon" />
        {t('sale.heading')}
      </h3>
      {failure ? (
        <p role="alert" className="live-panel__error">
          {t('failure.sale', { reason: errorText(failure.error) })}
        </p>
      ) : null}
      {sale ? (
        <div className="live-sale__running">
          <p>
            {t('sale.running', {
              name: saleProduct?.name ?? '',
              price: money(sale.priceFen),
              sold: sale.sold,
              quantity: sale.quantity,
            })}
          </p>
          <p className="live-sale__countdown">
            <span aria-hidden="true">{formatDuration(left * 1000)}</span>
            {/* Said only when asked (the heading's region), not every second. */}
            <span className="visually-hidden">{t('sale.secondsLeft', { count: left })}</span>
          </p>
          <Button disabled={snapshot.busy === 'sale'} onClick={() => void store.endSale(sale.id)}>
            {t('sale.end')}
          </Button>
        </div>
      ) : (
        <form
          aria-labelledby={headingId}
          className="live-sale__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <div className="field">
            <label htmlFor={productFieldId} className="field__label">
              {t('sale.product')}
            </label>
            <select
              id={productFieldId}
              className="field__control"
              value={productId ?? ''}
              onChange={(event) => {
                const id = Number(event.target.value);
                setChosen(id);
                const next = snapshot.products.find((p) => p.id === id);
                // The list price is the starting point the anchor marks down from.
                if (next && price === '') setPrice(fenToYuanDigits(next.priceFen));
              }}
            >
              {snapshot.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('sale.price')}
            inputMode="decimal"
            value={price}
            placeholder={product ? fenToYuanDigits(product.priceFen) : ''}
            error={errors.includes('price') ? t('sale.priceError') : undefined}
            onChange={(event) => setPrice(event.target.value)}
          />
          <TextField
            label={t('sale.quantity')}
            inputMode="numeric"
            value={quantity}
            error={
              errors.includes('quantity')
                ? t('sale.quantityError', { stock: product?.stock ?? 0 })
                : undefined
            }
            onChange={(event) => setQuantity(event.target.value)}
          />
          <TextField
            label={t('sale.seconds')}
            inputMode="numeric"
            value={seconds}
            error={errors.includes('seconds') ? t('sale.secondsError') : undefined}
            onChange={(event) => setSeconds(event.target.value)}
          />
          <Button type="submit" primary disabled={disabled || !product}>
            {t('sale.start')}
          </Button>
        </form>
      )}
    </section>
  );
}
