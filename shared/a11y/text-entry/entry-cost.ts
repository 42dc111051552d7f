import { choicesAt, topLevel, type ScanLevel } from '../scan-levels';
import { scanSettingsDefaults } from '../scan-settings';
import { indexTree, normalizeTree, type ScanNode } from '../scan-tree';
import { pressEntryKey, type EntryState, type TextState } from './entry-state';
import type { EntryKeyAction, LayoutKey, LayoutRow } from './layouts';

/** What one selection of a key costs from where the scanner restarts after the previous one. */
export interface KeyCost {
  /** Highlights shown, the first of each level included (= presses with two switches). */
  readonly highlights: number;
  /** Levels entered, i.e. Select presses with one switch (row, then key). */
  readonly levels: number;
}

export const keyboardGridId = 'keyboard-keys';

/** The keyboard as the DOM walker sees it: a modal holding one grid whose rows are the layout's rows. */
export function keyboardTree(rows: readonly LayoutRow[]): ScanNode {
  const children: ScanNode[] = rows.flatMap((row) =>
    row.keys.map((key) => ({
      id: `${row.id}/${key.id}`,
      kind: 'item',
      label: key.label ?? key.id,
      children: [],
    })),
  );
  const grid: ScanNode = {
    id: keyboardGridId,
    kind: 'group',
    label: 'keyboard',
    children,
    grid: { rows: rows.map((row) => row.keys.map((key) => `${row.id}/${key.id}`)) },
  };
  return { id: 'keyboard', kind: 'region', label: 'keyboard', children: [grid] };
}

/**
 * Cost of every key, by `rowId/keyId`, walking the scanner's own choices
 * (shared/a11y/scan-levels choicesAt, group scanning) from the level it
 * restarts at after a key: the grid's rows, or the top if the grid collapsed.
 */
export function keyCosts(rows: readonly LayoutRow[]): Map<string, KeyCost> {
  const index = indexTree(normalizeTree(keyboardTree(rows)));
  const only = index.root.children[0];
  const start: ScanLevel =
    index.root.children.length === 1 && only !== undefined && only.kind !== 'item'
      ? { containerId: only.id, row: null }
      : topLevel;
  const out = new Map<string, KeyCost>();
  const walk = (level: ScanLevel, highlights: number, levels: number): void => {
    choicesAt(index, 'group', level).forEach((choice, i) => {
      const h = highlights + i + 1;
      if (choice.kind === 'row') walk({ containerId: choice.gridId, row: choice.row }, h, levels + 1);
      else if (choice.kind === 'node' && choice.node.kind === 'item')
        out.set(choice.node.id, { highlights: h, levels: levels + 1 });
      else if (choice.kind === 'node') walk({ containerId: choice.node.id, row: null }, h, levels + 1);
    });
  };
  walk(start, 0, 0);
  return out;
}

export interface CostSettings {
  readonly intervalMs: number;
  readonly firstItemDelayMs: number;
  /** Two switches: the time one press takes a switch user, an assumption (1.0 s). */
  readonly msPerPress: number;
}

export const defaultCostSettings: CostSettings = {
  intervalMs: scanSettingsDefaults.intervalMs,
  firstItemDelayMs: scanSettingsDefaults.firstItemDelayMs,
  msPerPress: 1000,
};

export interface Tally {
  selections: number;
  highlights: number;
  levels: number;
}

export interface SwitchFigures {
  readonly presses: number;
  readonly seconds: number;
}

export function figures(
  t: Tally,
  s: CostSettings = defaultCostSettings,
): { one: SwitchFigures; two: SwitchFigures } {
  return {
    // Auto-scan: one Select per level; each highlight dwells an interval, each level entry adds the first-item delay.
    one: { presses: t.levels, seconds: (t.highlights * s.intervalMs + t.levels * s.firstItemDelayMs) / 1000 },
    // Step scan: Next to each highlight after the first, Select on the last: one press per highlight.
    two: { presses: t.highlights, seconds: (t.highlights * s.msPerPress) / 1000 },
  };
}

/** What the keyboard shows for a state: its rows with the suggestion row filled in, and those suggestions. */
export interface KeyboardView {
  readonly rows: readonly LayoutRow[];
  readonly suggestions: readonly {
    readonly text: string;
    readonly consumed: number;
    readonly kind: 'word' | 'phrase';
  }[];
}

/**
 * A typing session on a simulated keyboard: keeps the field and the keyboard
 * state, charges each key its scan cost, and lets a typist look at what is shown.
 */
export class KeyboardSession {
  field = '';
  tally: Tally = { selections: 0, highlights: 0, levels: 0 };
  private view: KeyboardView;
  private costs: Map<string, KeyCost>;
  /** Texts chosen from the suggestion row, in order. */
  chosen: string[] = [];

  constructor(
    public state: EntryState,
    private readonly render: (state: EntryState, before: string) => KeyboardView,
  ) {
    this.view = render(state, '');
    this.costs = keyCosts(this.view.rows);
  }

  get shown(): KeyboardView {
    return this.view;
  }

  /** Every key on show, with its cost. */
  keys(): { row: string; key: LayoutKey; cost: KeyCost }[] {
    return this.view.rows.flatMap((row) =>
      row.keys.flatMap((key) => {
        const cost = this.costs.get(`${row.id}/${key.id}`);
        return cost === undefined ? [] : [{ row: row.id, key, cost }];
      }),
    );
  }

  /** The cheapest key on show whose action passes `test`, or null. */
  find(test: (action: EntryKeyAction) => boolean): { row: string; key: LayoutKey; cost: KeyCost } | null {
    let best: { row: string; key: LayoutKey; cost: KeyCost } | null = null;
    for (const k of this.keys())
      if (test(k.key.action) && (best === null || k.cost.highlights < best.cost.highlights)) best = k;
    return best;
  }

  press(found: { row: string; key: LayoutKey; cost: KeyCost }): void {
    this.tally = {
      selections: this.tally.selections + 1,
      highlights: this.tally.highlights + found.cost.highlights,
      levels: this.tally.levels + found.cost.levels,
    };
    const field: TextState = { value: this.field, start: this.field.length, end: this.field.length };
    const result = pressEntryKey(this.state, field, found.key.action, this.view.suggestions);
    this.state = result.state;
    if (result.edit !== null) this.field = result.edit.value;
    if (result.chosen !== undefined) this.chosen.push(result.chosen);
    this.view = this.render(this.state, this.field);
    this.costs = keyCosts(this.view.rows);
  }

  /** A copy to try a plan on; `adopt` takes its outcome back. */
  fork(): KeyboardSession {
    const copy = Object.create(KeyboardSession.prototype) as KeyboardSession;
    Object.assign(copy, this, { chosen: [...this.chosen], tally: { ...this.tally } });
    return copy;
  }

  adopt(other: KeyboardSession): void {
    Object.assign(this, other, { chosen: [...other.chosen], tally: { ...other.tally } });
  }

  /** Presses the cheapest key passing `test`; false when none is shown. */
  pressWhere(test: (action: EntryKeyAction) => boolean): boolean {
    const found = this.find(test);
    if (found === null) return false;
    this.press(found);
    return true;
  }
}
