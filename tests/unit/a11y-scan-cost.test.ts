import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanner, reduce, scanCost, type ScannerState, type ScanNode } from '../../shared/a11y';
import { grid, group, item, region, root } from './a11y-fixtures';

describe('scan cost', () => {
  /**
   * Top: R1 (1), R2 (2), K (3).
   *   R1: G1 (+1), b1 (+2).  G1: a1 a2 a3 (+1 +2 +3).
   *   R2: c1 c2 (+1 +2).
   *   K rows: [k1 k2 k3] (+1), [k4 k5] (+2), [k6] (+3, a one-cell row is the cell itself).
   */
  const tree = root(
    region('R1', group('G1', item('a1'), item('a2'), item('a3')), item('b1')),
    region('R2', item('c1'), item('c2')),
    grid('K', [['k1', 'k2', 'k3'], ['k4', 'k5'], ['k6']]),
  );

  it('counts group, row and item highlights in group mode', () => {
    const { group: cost, itemCount } = scanCost(tree);
    expect(itemCount).toBe(12);
    expect(Object.fromEntries(cost.perItem)).toEqual({
      a1: 3, // R1, G1, a1
      a2: 4,
      a3: 5,
      b1: 3, // R1, G1, b1
      c1: 3, // R1, R2, c1
      c2: 4,
      k1: 5, // R1, R2, K, row 0, k1
      k2: 6,
      k3: 7,
      k4: 6, // R1, R2, K, row 0, row 1, k4
      k5: 7,
      k6: 6, // R1, R2, K, row 0, row 1, k6
    });
    expect(cost.mean).toBeCloseTo(59 / 12, 10);
    expect(cost.worst).toBe(7);
    expect(cost.worstItemId).toBe('k3');
  });

  it('counts document position in linear mode', () => {
    const { linear } = scanCost(tree);
    expect([...linear.perItem.values()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(linear.mean).toBe(6.5);
    expect(linear.worst).toBe(12);
    expect(linear.worstItemId).toBe('k6');
  });

  it('measures the normalized tree, which is what the user scans', () => {
    const padded = root(region('only', group('wrap', item('x'), item('y'))), group('empty'));
    expect(Object.fromEntries(scanCost(padded).group.perItem)).toEqual({ x: 1, y: 2 });
    expect(scanCost(root())).toMatchObject({ itemCount: 0, group: { mean: 0, worst: 0, worstItemId: null } });
  });

  /** Random pages: ids are unique because each is its path. */
  const nodeArb = (prefix: string, depth: number): fc.Arbitrary<ScanNode> =>
    depth === 0
      ? fc.constant(item(prefix))
      : fc.oneof(
          fc.constant(item(prefix)),
          fc
            .integer({ min: 0, max: 4 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(`${prefix}.${i}`, depth - 1))),
            )
            .chain((children) =>
              fc.boolean().map((asGrid): ScanNode => {
                const node = group(prefix, ...children);
                if (!asGrid) return node;
                // Rows of two: exercises rows, one-cell rows and grids that normalize away.
                const ids = children.map((c) => c.id);
                const rows = Array.from({ length: Math.ceil(ids.length / 2) }, (_, r) =>
                  ids.slice(2 * r, 2 * r + 2),
                );
                return { ...node, grid: { rows } };
              }),
            ),
        );
  const treeArb = fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(`n${i}`, 3))))
    .map((children) => root(...children));

  /** Drives the real scanner: select whenever the highlight is on the way to `target`. */
  function highlightsToReach(tree: ScanNode, target: string, method: 'group' | 'linear'): number {
    let state: ScannerState = createScanner(tree, {
      startOnFirstPress: false,
      scanMethod: method,
      loops: 10,
    });
    let count = 0;
    let at = 0;
    let result = reduce(state, { type: 'start', at });
    for (let guard = 0; guard < 1000; guard++) {
      count += result.effects.filter((e) => e.type === 'highlight' && e.target !== null).length;
      state = result.state;
      const h = state.highlight;
      if (h?.kind === 'node' && h.nodeId === target) return count;
      const path = pathOf(state, target);
      const onTheWay =
        (h?.kind === 'node' && h.nodeKind !== 'item' && path.includes(h.nodeId)) ||
        (h?.kind === 'row' && h.itemIds.some((id) => path.includes(id)));
      at = state.nextDeadline ?? at;
      result = onTheWay
        ? reduce(state, { type: 'press', action: 'select', at })
        : reduce(state, { type: 'tick', at });
    }
    throw new Error(`never reached ${target}`);
  }
  const pathOf = (state: ScannerState, id: string): string[] => {
    const path: string[] = [];
    for (let cur: string | null = id; cur !== null; cur = state.tree.entries.get(cur)?.parentId ?? null) {
      path.push(cur);
    }
    return path;
  };

  it('agrees with the scanner itself on random pages', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const cost = scanCost(tree);
        for (const method of ['group', 'linear'] as const) {
          for (const [id, expected] of cost[method].perItem) {
            expect(highlightsToReach(tree, id, method), `${method} ${id}`).toBe(expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
