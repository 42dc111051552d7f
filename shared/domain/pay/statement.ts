import type { LedgerKind } from './kinds';
import { ledgerKinds } from './kinds';
import { sumFen } from './rounding';

/**
 * A month's statement from its ledger entries: derived entries summed into
 * lines by kind and rate (so a rate change mid-month shows as two lines),
 * corrections one by one with their reason and author, and the total as the
 * exact sum of every entry. Nothing is recomputed from quantity × rate: a
 * line's amount is what its entries paid.
 */
export interface StatementEntry<A> {
  id: number;
  kind: LedgerKind;
  quantity: number;
  rate: number;
  amountFen: number;
  day: string;
  reason: string | null;
  author: A;
  createdAt: number;
}

export interface StatementLineOf {
  kind: LedgerKind;
  quantity: number;
  rate: number;
  entries: number;
  amountFen: number;
}

export interface StatementCorrectionOf<A> {
  id: number;
  day: string;
  amountFen: number;
  reason: string;
  author: A;
  createdAt: number;
}

export interface StatementBody<A> {
  lines: StatementLineOf[];
  corrections: StatementCorrectionOf<A>[];
  totalFen: number;
}

export function buildStatement<A>(entries: readonly StatementEntry<A>[]): StatementBody<A> {
  const lines = new Map<string, StatementLineOf & { amounts: number[] }>();
  const corrections: StatementCorrectionOf<A>[] = [];
  for (const e of entries) {
    if (e.kind === 'correction') {
      corrections.push({
        id: e.id,
        day: e.day,
        amountFen: e.amountFen,
        reason: e.reason ?? '',
        author: e.author,
        createdAt: e.createdAt,
      });
      continue;
    }
    const key = `${e.kind}\u0000${e.rate}`;
    let line = lines.get(key);
    if (!line) {
      line = { kind: e.kind, quantity: 0, rate: e.rate, entries: 0, amountFen: 0, amounts: [] };
      lines.set(key, line);
    }
    line.quantity += e.quantity;
    line.entries += 1;
    line.amounts.push(e.amountFen);
  }
  const order = (kind: LedgerKind) => ledgerKinds.indexOf(kind);
  const sorted = [...lines.values()]
    .map(({ amounts, ...line }) => ({ ...line, amountFen: sumFen(amounts) }))
    .sort((a, b) => order(a.kind) - order(b.kind) || a.rate - b.rate);
  corrections.sort((a, b) => a.day.localeCompare(b.day) || a.createdAt - b.createdAt || a.id - b.id);
  return { lines: sorted, corrections, totalFen: sumFen(entries.map((e) => e.amountFen)) };
}
