/**
 * Stock arithmetic for a press of "Buy": it takes what it asked for, or what
 * is left if that is less, or nothing at all when nothing is left. Stock
 * never goes below zero.
 */
export type Reservation =
  { ok: true; quantity: number; stockAfter: number } | { ok: false; reason: 'sold_out' };

export function reserve(available: number, wanted: number): Reservation {
  const left = Math.max(0, Math.floor(available));
  const take = Math.min(Math.max(0, Math.floor(wanted)), left);
  if (take <= 0) return { ok: false, reason: 'sold_out' };
  return { ok: true, quantity: take, stockAfter: left - take };
}
