import { containerNode, firstItemIn, pathTo, type ScanNode, type TreeIndex } from './scan-tree';

export type ScanMethod = 'group' | 'linear';

/**
 * Where scanning is: inside a container (null: the top), and for a grid
 * either choosing a row (row null) or a cell in that row.
 */
export interface ScanLevel {
  readonly containerId: string | null;
  readonly row: number | null;
}

export const topLevel: ScanLevel = { containerId: null, row: null };

/** Translation keys for the engine's own pseudo-choices; the UI translates them. */
export const scanLabelKeys = {
  backUp: 'a11y:scan.backUp',
  row: 'a11y:scan.row',
} as const;

/** Either the node's own accessible name, or a key (with values) for the UI to translate. */
export type ScanLabel =
  | { readonly text: string }
  | { readonly key: string; readonly values?: Readonly<Record<string, string | number>> };

export type ScanChoice =
  | { readonly kind: 'node'; readonly node: ScanNode }
  | {
      readonly kind: 'row';
      readonly gridId: string;
      readonly row: number;
      readonly cells: readonly ScanNode[];
      /** The row's own name ("Letters e t a o i n"), '' when it has none. */
      readonly label: string;
    }
  | { readonly kind: 'backUp'; readonly containerId: string };

/** What the UI draws the highlight around. `path` runs from the top level down, root excluded. */
export type ScanTarget =
  | {
      readonly kind: 'node';
      readonly nodeId: string;
      readonly nodeKind: ScanNode['kind'];
      readonly label: ScanLabel;
      readonly path: readonly string[];
    }
  | {
      readonly kind: 'row';
      readonly gridId: string;
      readonly row: number;
      readonly itemIds: readonly string[];
      readonly label: ScanLabel;
      readonly path: readonly string[];
    }
  | {
      readonly kind: 'backUp';
      /** The container the back-up choice leaves. */
      readonly containerId: string;
      readonly label: ScanLabel;
      readonly path: readonly string[];
    };

function gridRows(index: TreeIndex, node: ScanNode): ScanNode[][] {
  const byId = new Map(node.children.map((c) => [c.id, c] as const));
  return (node.grid?.rows ?? []).map((row) =>
    row.flatMap((id) => {
      const cell = byId.get(id) ?? index.entries.get(id)?.node;
      return cell === undefined ? [] : [cell];
    }),
  );
}

/** The choices offered at a level, in scan order; back-up comes last so it never delays a real choice. */
export function choicesAt(index: TreeIndex, method: ScanMethod, level: ScanLevel): ScanChoice[] {
  if (method === 'linear') return index.items.map((node) => ({ kind: 'node', node }));
  const container = containerNode(index, level.containerId);
  if (container === undefined || container.kind === 'item') return [];
  const choices: ScanChoice[] = [];
  if (container.grid !== undefined) {
    const rows = gridRows(index, container);
    if (level.row === null) {
      rows.forEach((cells, row) => {
        const only = cells[0];
        const label = container.grid?.rowLabels?.[row] ?? '';
        // A one-cell row is the cell itself: no point asking for the row first.
        if (cells.length === 1 && only !== undefined) choices.push({ kind: 'node', node: only });
        else if (cells.length > 1) choices.push({ kind: 'row', gridId: container.id, row, cells, label });
      });
    } else {
      for (const node of rows[level.row] ?? []) choices.push({ kind: 'node', node });
    }
  } else {
    for (const node of container.children) choices.push({ kind: 'node', node });
  }
  if (level.containerId !== null) choices.push({ kind: 'backUp', containerId: level.containerId });
  return choices;
}

/** Where a node is offered as a choice, or null if it is not in the tree. */
export function levelOf(
  index: TreeIndex,
  method: ScanMethod,
  id: string,
): { level: ScanLevel; index: number } | null {
  const entry = index.entries.get(id);
  if (entry === undefined) return null;
  if (method === 'linear') {
    const item = firstItemIn(entry.node);
    const at = item === undefined ? -1 : index.items.indexOf(item);
    return at < 0 ? null : { level: topLevel, index: at };
  }
  const parent = containerNode(index, entry.parentId);
  if (parent?.grid !== undefined) {
    const row = parent.grid.rows.findIndex((r) => r.includes(id));
    const cells = parent.grid.rows[row];
    if (cells !== undefined && cells.length > 1) {
      return { level: { containerId: entry.parentId, row }, index: cells.indexOf(id) };
    }
    const rowLevel: ScanLevel = { containerId: entry.parentId, row: null };
    const at = choicesAt(index, method, rowLevel).findIndex((c) => c.kind === 'node' && c.node.id === id);
    return { level: rowLevel, index: Math.max(0, at) };
  }
  const at = parent?.children.findIndex((c) => c.id === id) ?? -1;
  return { level: { containerId: entry.parentId, row: null }, index: Math.max(0, at) };
}

/** The level one up, with the choice that leads back down highlighted; null at the top. */
export function levelAbove(
  index: TreeIndex,
  method: ScanMethod,
  level: ScanLevel,
): { level: ScanLevel; index: number } | null {
  if (level.containerId === null) return null;
  if (level.row !== null) {
    const rowLevel: ScanLevel = { containerId: level.containerId, row: null };
    const at = choicesAt(index, method, rowLevel).findIndex((c) => c.kind === 'row' && c.row === level.row);
    return { level: rowLevel, index: Math.max(0, at) };
  }
  return levelOf(index, method, level.containerId);
}

export function targetOf(index: TreeIndex, choice: ScanChoice): ScanTarget {
  switch (choice.kind) {
    case 'node':
      return {
        kind: 'node',
        nodeId: choice.node.id,
        nodeKind: choice.node.kind,
        label: { text: choice.node.label },
        path: pathTo(index, choice.node.id),
      };
    case 'row':
      return {
        kind: 'row',
        gridId: choice.gridId,
        row: choice.row,
        itemIds: choice.cells.map((c) => c.id),
        label:
          choice.label !== ''
            ? { text: choice.label }
            : { key: scanLabelKeys.row, values: { row: choice.row + 1, cells: choice.cells.length } },
        path: pathTo(index, choice.gridId),
      };
    case 'backUp':
      return {
        kind: 'backUp',
        containerId: choice.containerId,
        label: { key: scanLabelKeys.backUp },
        path: pathTo(index, choice.containerId),
      };
  }
}

/** Identity of a target for "did the highlight move?": labels may change under a highlight that stays. */
export function targetKey(target: ScanTarget | null): string {
  if (target === null) return '';
  switch (target.kind) {
    case 'node':
      return `node:${target.nodeId}:${target.path.join('/')}`;
    case 'row':
      return `row:${target.gridId}:${target.row}:${target.itemIds.join(',')}`;
    case 'backUp':
      return `backUp:${target.containerId}`;
  }
}
