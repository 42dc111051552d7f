/**
 * What an earnings ledger entry is for. The first six are derived from facts
 * (a shift, a resolved ticket, a rating, a broadcast, an order, its refund);
 * an adjustment is the delta when a shift's worked time changed after its
 * entry was posted; a correction is a supervisor's entry with a reason.
 */
export const ledgerKinds = [
  'hours',
  'ticket',
  'csat',
  'live',
  'commission',
  'refund',
  'adjustment',
  'correction',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** Fen by kind, every kind present (0 when none), so a view never checks for a missing key. */
export type FenByKind = Record<LedgerKind, number>;

export function emptyByKind(): FenByKind {
  return { hours: 0, ticket: 0, csat: 0, live: 0, commission: 0, refund: 0, adjustment: 0, correction: 0 };
}
