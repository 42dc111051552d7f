/**
 * A flash sale runs from its start until it sells out, the anchor ends it
 * early, or its countdown reaches `endsAt`, whichever comes first. Its price
 * holds only while it runs. The clock is the caller's (`now`).
 */
export interface SaleFacts {
  quantity: number;
  sold: number;
  endsAt: number;
  /** Set when it was ended (early, sold out, or by the sweep at its time). */
  endedAt: number | null;
}

export type SalePhase = 'running' | 'sold_out' | 'ended_early' | 'expired';

export function salePhase(sale: SaleFacts, now: number): SalePhase {
  if (sale.sold >= sale.quantity) return 'sold_out';
  if (sale.endedAt !== null && sale.endedAt < sale.endsAt) return 'ended_early';
  if (sale.endedAt !== null || now >= sale.endsAt) return 'expired';
  return 'running';
}

export function isRunning(sale: SaleFacts, now: number): boolean {
  return salePhase(sale, now) === 'running';
}

/** What one unit costs now: the sale's price while it runs, the product's otherwise. */
export function unitPrice(
  productPriceFen: number,
  sale: (SaleFacts & { priceFen: number }) | null,
  now: number,
): number {
  return sale && isRunning(sale, now) ? sale.priceFen : productPriceFen;
}

/** Units the sale can still sell, bounded by the product's stock. */
export function saleRemaining(sale: SaleFacts, stock: number, now: number): number {
  if (!isRunning(sale, now)) return 0;
  return Math.max(0, Math.min(stock, sale.quantity - sale.sold));
}

export type SaleStartVerdict = { ok: true } | { ok: false; reason: 'no_stock' | 'more_than_stock' };

/** A sale cannot offer more than is in stock. */
export function canStartSale(quantity: number, stock: number): SaleStartVerdict {
  if (stock <= 0) return { ok: false, reason: 'no_stock' };
  if (quantity > stock) return { ok: false, reason: 'more_than_stock' };
  return { ok: true };
}

/** When the sweep should end a sale that nobody ended: its time, or null once it is over. */
export function expiresAt(sale: SaleFacts): number | null {
  return sale.endedAt === null && sale.sold < sale.quantity ? sale.endsAt : null;
}
