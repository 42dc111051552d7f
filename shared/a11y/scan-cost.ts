import { choicesAt, type ScanLevel, type ScanMethod } from './scan-levels';
import { indexTree, normalizeTree, type ScanNode, type TreeIndex } from './scan-tree';

export interface ModeCost {
  /** Highlights to reach each item, by item id, counting the first highlight of every level. */
  readonly perItem: ReadonlyMap<string, number>;
  readonly mean: number;
  readonly worst: number;
  /** The item that costs `worst` (first in document order on a tie); null for an empty tree. */
  readonly worstItemId: string | null;
}

export interface ScanCost {
  readonly group: ModeCost;
  readonly linear: ModeCost;
  readonly itemCount: number;
}

/**
 * How many highlights an auto-scan user sits through before the one they want,
 * walking the same choices the scanner offers (so one-cell rows, collapsed
 * groups and back-up placement count exactly as the user meets them). Each
 * level restarts at its first choice, as it does after entering a group.
 */
export function scanCost(tree: ScanNode): ScanCost {
  const index = indexTree(normalizeTree(tree));
  return {
    group: modeCost(index, 'group'),
    linear: modeCost(index, 'linear'),
    itemCount: index.items.length,
  };
}

function modeCost(index: TreeIndex, method: ScanMethod): ModeCost {
  const perItem = new Map<string, number>();
  const walk = (level: ScanLevel, spent: number): void => {
    choicesAt(index, method, level).forEach((choice, i) => {
      const cost = spent + i + 1;
      if (choice.kind === 'row') walk({ containerId: choice.gridId, row: choice.row }, cost);
      else if (choice.kind === 'node' && choice.node.kind === 'item') perItem.set(choice.node.id, cost);
      else if (choice.kind === 'node') walk({ containerId: choice.node.id, row: null }, cost);
    });
  };
  walk({ containerId: null, row: null }, 0);
  let total = 0;
  let worst = 0;
  let worstItemId: string | null = null;
  // Document order, so ties name the same item on every run.
  for (const item of index.items) {
    const cost = perItem.get(item.id) ?? 0;
    total += cost;
    if (cost > worst) {
      worst = cost;
      worstItemId = item.id;
    }
  }
  const ordered = new Map(index.items.map((item) => [item.id, perItem.get(item.id) ?? 0] as const));
  return { perItem: ordered, mean: ordered.size === 0 ? 0 : total / ordered.size, worst, worstItemId };
}
