import { maxFlashSaleSeconds } from '../../shared/protocol/live';
import { parseYuanToFen } from '../../shared/domain/live/money';

export interface SaleFormInput {
  price: string;
  quantity: string;
  seconds: string;
}

export type SaleFieldError = 'price' | 'quantity' | 'seconds';

export interface SaleParsed {
  priceFen: number;
  quantity: number;
  seconds: number;
}

const minSeconds = 10;
const wholeNumber = /^\d{1,7}$/;

/** The flash-sale form's text as the hub's numbers, or which fields are wrong (the hub's own bounds). */
export function parseSaleForm(
  input: SaleFormInput,
  stock: number,
): { ok: true; sale: SaleParsed } | { ok: false; errors: SaleFieldError[] } {
  const errors: SaleFieldError[] = [];
  const priceFen = parseYuanToFen(input.price);
  if (priceFen === null || priceFen < 1) errors.push('price');
  const quantityText = input.quantity.normalize('NFKC').trim();
  const quantity = wholeNumber.test(quantityText) ? Number.parseInt(quantityText, 10) : NaN;
  if (!(quantity >= 1 && quantity <= stock)) errors.push('quantity');
  const secondsText = input.seconds.normalize('NFKC').trim();
  const seconds = wholeNumber.test(secondsText) ? Number.parseInt(secondsText, 10) : NaN;
  if (!(seconds >= minSeconds && seconds <= maxFlashSaleSeconds)) errors.push('seconds');
  if (errors.length > 0 || priceFen === null) return { ok: false, errors };
  return { ok: true, sale: { priceFen, quantity, seconds } };
}

/** Whole seconds left of a sale at `now`, never below zero. */
export function secondsLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}
