/**
 * The scan tree is the renderer's picture of what a switch user can reach on
 * the page: regions (landmarks) hold groups (toolbars, lists, grids…) that
 * hold items (enabled focusable controls). The DOM walker builds it; the
 * engine only ever sees this plain data.
 */

export type ScanNodeKind = 'region' | 'group' | 'item';

export interface ScanGrid {
  /** Child ids row by row, for row-column scanning. */
  readonly rows: readonly (readonly string[])[];
  /** Each row's own accessible name ('' when it has none), beside `rows`. */
  readonly rowLabels?: readonly string[];
}

export interface ScanNode {
  /** Unique in the tree and stable across re-renders: it is how the user keeps their place. */
  readonly id: string;
  readonly kind: ScanNodeKind;
  /** Accessible name, already translated; spoken when highlighted. */
  readonly label: string;
  readonly children: readonly ScanNode[];
  readonly grid?: ScanGrid;
  /** The label is only the role's word ("List"): a named container this one stands in for lends its name. */
  readonly unnamed?: boolean;
}

const isContainer = (node: ScanNode): boolean => node.kind !== 'item';

/**
 * Removes every choice that is not a real choice: empty groups and regions go,
 * a group or region with one child is replaced by that child, and a root with a
 * single container opens it. Ids seen twice keep their first (document-order)
 * node, so a DOM walker bug cannot make a path ambiguous. Grid rows are
 * re-pointed at the nodes that survived; a grid left with one row is a plain group.
 */
export function normalizeTree(root: ScanNode): ScanNode {
  const seen = new Set<string>([root.id]);
  // The top level is never scanned by rows: a level inside a grid is named by the grid's id, and the top has none.
  const { children } = normalizeContainer({ ...root, grid: undefined }, seen);
  const only = children[0];
  // A normalized container has at least two children, so one hop suffices. A lone grid stays a
  // choice of its own for the same reason.
  const opened = children.length === 1 && only !== undefined && isContainer(only) && only.grid === undefined;
  return { id: root.id, kind: root.kind, label: root.label, children: opened ? only.children : children };
}

function withGrid(node: ScanNode, grid: ScanGrid | undefined): ScanNode {
  return grid === undefined ? node : { ...node, grid };
}

function normalizeNode(node: ScanNode, seen: Set<string>): ScanNode | null {
  if (seen.has(node.id)) return null;
  seen.add(node.id);
  if (node.kind === 'item') return { id: node.id, kind: 'item', label: node.label, children: [] };
  const { children, grid } = normalizeContainer(node, seen);
  const first = children[0];
  if (first === undefined) return null;
  if (children.length === 1) {
    // The nav "Workspaces" holding one unnamed list is scanned as the list, and the worker hears "Workspaces".
    if (first.kind !== 'item' && first.unnamed === true && node.unnamed !== true)
      return { ...first, label: node.label, unnamed: false };
    return first;
  }
  const kept: ScanNode = { id: node.id, kind: node.kind, label: node.label, children };
  return withGrid(node.unnamed === true ? { ...kept, unnamed: true } : kept, grid);
}

function normalizeContainer(
  node: ScanNode,
  seen: Set<string>,
): { children: ScanNode[]; grid: ScanGrid | undefined } {
  const children: ScanNode[] = [];
  const renamed = new Map<string, string>();
  for (const child of node.children) {
    const kept = normalizeNode(child, seen);
    if (kept === null) continue;
    children.push(kept);
    if (!renamed.has(child.id)) renamed.set(child.id, kept.id);
  }
  if (node.grid === undefined) return { children, grid: undefined };
  const placed = new Set<string>();
  const rows: string[][] = [];
  const rowLabels: string[] = [];
  for (const [r, row] of node.grid.rows.entries()) {
    const cells: string[] = [];
    for (const id of row) {
      const now = renamed.get(id);
      if (now === undefined || placed.has(now)) continue;
      placed.add(now);
      cells.push(now);
    }
    if (cells.length === 0) continue;
    rows.push(cells);
    rowLabels.push(node.grid.rowLabels?.[r] ?? '');
  }
  // A child the walker left out of every row would otherwise be unreachable.
  const stray = children.filter((c) => !placed.has(c.id)).map((c) => c.id);
  if (stray.length > 0) {
    rows.push(stray);
    rowLabels.push('');
  }
  if (rows.length < 2) return { children, grid: undefined };
  return { children, grid: rowLabels.some((l) => l !== '') ? { rows, rowLabels } : { rows } };
}

export interface TreeEntry {
  readonly node: ScanNode;
  /** null when the parent is the root. */
  readonly parentId: string | null;
}

/** Lookups the engine needs on every event, built once per tree. */
export interface TreeIndex {
  readonly root: ScanNode;
  /** Every node but the root. */
  readonly entries: ReadonlyMap<string, TreeEntry>;
  /** Items in document order: the linear scan order. */
  readonly items: readonly ScanNode[];
}

/** Indexes a tree that has already been through normalizeTree. */
export function indexTree(root: ScanNode): TreeIndex {
  const entries = new Map<string, TreeEntry>();
  const items: ScanNode[] = [];
  const walk = (node: ScanNode, parentId: string | null): void => {
    for (const child of node.children) {
      if (entries.has(child.id) || child.id === root.id) continue;
      entries.set(child.id, { node: child, parentId });
      if (child.kind === 'item') items.push(child);
      else walk(child, child.id);
    }
  };
  walk(root, null);
  return { root, entries, items };
}

/** Ids from the top level down to `id`, the root excluded; [] when the id is unknown. */
export function pathTo(index: TreeIndex, id: string): string[] {
  const path: string[] = [];
  let current: string | null = id;
  while (current !== null) {
    const entry = index.entries.get(current);
    if (entry === undefined) return [];
    path.unshift(current);
    current = entry.parentId;
  }
  return path;
}

/** The container node for an id, or the root for null. */
export function containerNode(index: TreeIndex, id: string | null): ScanNode | undefined {
  return id === null ? index.root : index.entries.get(id)?.node;
}

export function firstItemIn(node: ScanNode): ScanNode | undefined {
  if (node.kind === 'item') return node;
  for (const child of node.children) {
    const found = firstItemIn(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
