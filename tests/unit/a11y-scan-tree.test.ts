import { describe, expect, it } from 'vitest';
import { createScanner, indexTree, normalizeTree, pathTo, type ScanNode } from '../../shared/a11y';
import { Driver, grid, group, item, region, root, summarize } from './a11y-fixtures';

/** The tree as nested ids, so a test reads like the page. */
function shape(node: ScanNode): unknown {
  if (node.kind === 'item') return node.id;
  return { [node.id]: node.children.map(shape), ...(node.grid ? { rows: node.grid.rows } : {}) };
}

describe('normalizeTree', () => {
  it('drops empty groups and regions, and collapses single-child groups', () => {
    const tree = root(
      region('R1', group('empty'), group('one', item('a')), item('b')),
      region('R2', group('G', group('inner', item('c'))), item('d')),
      region('R3'),
    );
    expect(shape(normalizeTree(tree))).toEqual({ root: [{ R1: ['a', 'b'] }, { R2: ['c', 'd'] }] });
  });

  it('opens a root that holds one container, so the first question is a real choice', () => {
    const tree = root(region('main', group('toolbar', item('a'), item('b')), item('c')), region('aside'));
    expect(shape(normalizeTree(tree))).toEqual({ root: [{ toolbar: ['a', 'b'] }, 'c'] });
  });

  it('keeps a lone grid as a choice, since the top level is never scanned by rows', () => {
    const tree = root(
      region(
        'main',
        grid('K', [
          ['k1', 'k2'],
          ['k3', 'k4'],
        ]),
      ),
    );
    expect(shape(normalizeTree(tree))).toEqual({
      root: [
        {
          K: ['k1', 'k2', 'k3', 'k4'],
          rows: [
            ['k1', 'k2'],
            ['k3', 'k4'],
          ],
        },
      ],
    });
  });

  it('strips children from items and keeps the first of two nodes with one id', () => {
    const odd: ScanNode = { id: 'x', kind: 'item', label: 'x', children: [item('hidden')] };
    const tree = root(group('G', odd, item('y'), item('x', 'duplicate')), item('z'));
    const normal = normalizeTree(tree);
    expect(shape(normal)).toEqual({ root: [{ G: ['x', 'y'] }, 'z'] });
    expect(normal.children[0]?.children[0]?.label).toBe('x');
  });

  it('re-points grid rows at what survived and appends cells the walker left out', () => {
    const cellGroup = group('cellGroup', item('k2'));
    const k: ScanNode = {
      id: 'K',
      kind: 'group',
      label: 'keys',
      children: [item('k1'), cellGroup, group('gone'), item('k4'), item('stray')],
      grid: { rows: [['k1', 'cellGroup'], ['gone'], ['k4', 'missing']] },
    };
    expect(shape(normalizeTree(root(k, item('x'))))).toEqual({
      root: [{ K: ['k1', 'k2', 'k4', 'stray'], rows: [['k1', 'k2'], ['k4'], ['stray']] }, 'x'],
    });
  });

  it('turns a grid left with one row into a plain group', () => {
    const k = grid('K', [['k1', 'k2'], ['k3']]);
    const pruned = { ...k, children: k.children.filter((c) => c.id !== 'k3') };
    expect(shape(normalizeTree(root(pruned, item('x'))))).toEqual({ root: [{ K: ['k1', 'k2'] }, 'x'] });
  });
});

describe('indexTree', () => {
  it('lists items in document order and paths from the top, root excluded', () => {
    const index = indexTree(
      normalizeTree(root(region('R', group('G', item('a'), item('b')), item('c')), item('d'))),
    );
    expect(index.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pathTo(index, 'b')).toEqual(['R', 'G', 'b']);
    expect(pathTo(index, 'd')).toEqual(['d']);
    expect(pathTo(index, 'nope')).toEqual([]);
  });
});

describe('tree changes keep the user in place', () => {
  const page = (g1: ScanNode[], r1Extra: ScanNode[] = [item('b1')]) =>
    root(region('R1', group('G1', ...g1), ...r1Extra), region('R2', item('c1'), item('c2')));
  const a = (...ids: string[]) => ids.map((id) => item(id));

  /** Auto-scan, highlight on `target` inside G1 at t=0, next deadline 1000 + 700 after the last move. */
  function onItem(target: string, steps: number): Driver {
    const d = new Driver(createScanner(page(a('a1', 'a2', 'a3')), { startOnFirstPress: false }));
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    d.press('select', 0);
    d.runUntil(1700 + (steps - 1) * 1000);
    expect(d.at).toBe(target);
    return d;
  }

  it('keeps a surviving id highlighted, with its timer, when things move around it', () => {
    const d = onItem('a2', 1);
    const deadline = d.state.nextDeadline;
    const fx = d.send({ type: 'treeChanged', tree: page(a('a0', 'a1', 'a2', 'a3')), at: 2000 });
    expect(fx).toEqual([]);
    expect(d.at).toBe('a2');
    expect(d.state.index).toBe(2);
    expect(d.state.nextDeadline).toBe(deadline);
    d.runUntil(deadline ?? 0);
    expect(d.at).toBe('a3');
  });

  it('moves to the next sibling when the highlighted item goes', () => {
    const d = onItem('a2', 1);
    const fx = d.send({ type: 'treeChanged', tree: page(a('a1', 'a3')), at: 2000 });
    expect(summarize(fx)).toEqual(['hl:a3']);
    expect(d.state.nextDeadline).toBe(3700);
    expect(d.state.level).toEqual({ containerId: 'G1', row: null });
  });

  it('moves to the previous sibling when there is no next one', () => {
    const d = onItem('a3', 2);
    d.send({ type: 'treeChanged', tree: page(a('a1', 'a2')), at: 3000 });
    expect(d.at).toBe('a2');
  });

  it("goes to the group's next sibling when the whole group goes", () => {
    const d = onItem('a2', 1);
    d.send({ type: 'treeChanged', tree: page([], [item('b1'), item('b2')]), at: 2000 });
    expect(d.at).toBe('b1');
    expect(d.state.level).toEqual({ containerId: 'R1', row: null });
  });

  it('follows an item whose group collapsed around it', () => {
    const d = onItem('a2', 1);
    d.send({ type: 'treeChanged', tree: page(a('a2')), at: 2000 });
    expect(d.state.highlight).toMatchObject({ kind: 'node', nodeId: 'a2', path: ['R1', 'a2'] });
    expect(d.state.level).toEqual({ containerId: 'R1', row: null });
  });

  it('stays inside a group whose items were all replaced', () => {
    const d = onItem('a2', 1);
    d.send({ type: 'treeChanged', tree: page(a('n1', 'n2')), at: 2000 });
    expect(d.at).toBe('n1');
    expect(d.state.level).toEqual({ containerId: 'G1', row: null });
  });

  it('keeps back-up highlighted while its group survives', () => {
    const d = onItem('back:G1', 3);
    d.send({ type: 'treeChanged', tree: page(a('a1', 'a3', 'a4')), at: 5000 });
    expect(d.at).toBe('back:G1');
  });

  it('falls back to the top only when nothing near survives', () => {
    const d = onItem('a2', 1);
    d.send({ type: 'treeChanged', tree: root(item('p'), item('q')), at: 2000 });
    expect(d.at).toBe('p');
    expect(d.state.level).toEqual({ containerId: null, row: null });
  });

  it('keeps a grid row and a cell across a re-render', () => {
    const keys = (extra: string[]) =>
      root(
        grid('K', [
          ['k1', 'k2'],
          ['k3', 'k4', ...extra],
        ]),
        item('x'),
      );
    const d = new Driver(createScanner(keys([]), { switchCount: 2, startOnFirstPress: false }));
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    d.press('next', 0);
    expect(d.at).toBe('row:K:1');
    d.send({ type: 'treeChanged', tree: keys(['k5']), at: 10 });
    expect(d.at).toBe('row:K:1');
    d.press('select', 20);
    d.press('next', 20);
    expect(d.at).toBe('k4');
    d.send({
      type: 'treeChanged',
      tree: root(
        grid('K', [
          ['k4', 'k1'],
          ['k2', 'k3'],
        ]),
        item('x'),
      ),
      at: 30,
    });
    expect(d.state.level).toEqual({ containerId: 'K', row: 0 });
    expect(d.at).toBe('k4');
  });

  it('never lets auto-select fire on something that moved under the highlight', () => {
    const d = new Driver(createScanner(page(a('a1', 'a2', 'a3')), { switchCount: 2, autoSelectMs: 1000 }));
    d.send({ type: 'start', at: 0 });
    d.press('next', 0);
    d.press('select', 0);
    d.press('select', 0);
    d.press('next', 100);
    expect(d.state).toMatchObject({ nextDeadline: 1100, deadlineKind: 'autoSelect' });
    d.send({ type: 'treeChanged', tree: page(a('a1', 'a3')), at: 500 });
    expect(d.at).toBe('a3');
    expect(d.state.nextDeadline).toBeNull();
  });

  it('keeps the level while waiting for the first press, and shows the new place on it', () => {
    const d = new Driver(createScanner(page(a('a1', 'a2')), { switchCount: 2 }));
    d.send({ type: 'start', at: 0 });
    expect(d.send({ type: 'treeChanged', tree: page(a('a1', 'a2', 'a3')), at: 5 })).toEqual([]);
    expect(d.state.phase).toBe('waiting');
    expect(d.press('next', 10)).toEqual(['hl:R1']);
  });
});
