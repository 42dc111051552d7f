import { describe, expect, it } from 'vitest';
import {
  choicesAt,
  createScanner,
  describeKeyMap,
  indexTree,
  normalizeTree,
  placeChip,
  placeNote,
  reduce,
  ringRect,
  scanSettingsSchema,
  switchKeyTypes,
  targetOf,
  topLevel,
  typingKeyKind,
  type Rect,
  type ScanNode,
} from '../../shared/a11y';
import { Driver, group, item, region, root } from './a11y-fixtures';

describe('names the chip shows', () => {
  it('a named region holding one unnamed list lends the list its name', () => {
    const list: ScanNode = { ...group('L', item('a'), item('b')), label: 'List', unnamed: true };
    const nav = region('N', list);
    const tree = normalizeTree(root({ ...nav, label: 'Workspaces' }, item('x')));
    const only = tree.children[0];
    expect(only?.id).toBe('L');
    expect(only?.label).toBe('Workspaces');
  });

  it('a named group keeps its own name when it stands alone in a region', () => {
    const tree = normalizeTree(root(region('R', group('Format', item('a'), item('b'))), item('x')));
    expect(tree.children[0]?.label).toBe('Format');
  });

  it("a grid row is named by the row's own name, else by its number", () => {
    const keys: ScanNode = {
      ...group('K', item('e'), item('t'), item('a'), item('o')),
      grid: {
        rows: [
          ['e', 't'],
          ['a', 'o'],
        ],
        rowLabels: ['Letters e t', ''],
      },
    };
    const index = indexTree(normalizeTree(root(keys, item('x'))));
    const [first, second] = choicesAt(index, 'group', { containerId: 'K', row: null });
    if (first === undefined || second === undefined) throw new Error('two rows expected');
    expect(targetOf(index, first).label).toEqual({ text: 'Letters e t' });
    expect(targetOf(index, second).label).toMatchObject({ key: 'a11y:scan.row' });
  });
});

describe('scanning starts where focus is', () => {
  const page = root(region('R1', item('a1'), item('a2')), region('R2', item('u'), item('p'), item('go')));

  it('the waking press highlights the focused item, inside its region', () => {
    const d = new Driver(createScanner(page, {}));
    d.send({ type: 'start', at: 0 });
    d.send({ type: 'place', itemId: 'p' });
    expect(d.press('select', 10)).toEqual(['hl:p']);
    expect(d.state.level).toEqual({ containerId: 'R2', row: null });
  });

  it('without start on first press, scanning opens on the focused item', () => {
    const s0 = createScanner(page, { startOnFirstPress: false });
    const placed = reduce(s0, { type: 'place', itemId: 'u' }).state;
    const started = reduce(placed, { type: 'start', at: 0 });
    expect(started.state.highlight).toMatchObject({ kind: 'node', nodeId: 'u' });
  });

  it('once scanning, focus moving does not pull the highlight away', () => {
    const d = new Driver(createScanner(page, {}));
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    d.send({ type: 'place', itemId: 'go' });
    expect(d.state.level).toEqual(topLevel);
    expect(d.send({ type: 'place', itemId: 'nowhere' })).toEqual([]);
  });
});

describe('switch keys and typing', () => {
  it('knows the keys typing needs and the ones it never uses', () => {
    expect(typingKeyKind('Space')).toBe('space');
    expect(typingKeyKind('Enter')).toBe('enter');
    expect(typingKeyKind('KeyJ')).toBe('letter');
    expect(typingKeyKind('Digit4')).toBe('digit');
    expect(typingKeyKind('Comma')).toBe('punctuation');
    expect(typingKeyKind('Backspace')).toBe('editing');
    for (const free of ['F13', 'F24', 'F9', 'gamepad:0', 'mouse:primary'])
      expect(typingKeyKind(free)).toBeNull();
  });

  it('says what each switch does, Select first, with what typing loses', () => {
    const two = scanSettingsSchema.parse({ switchCount: 2 });
    expect(describeKeyMap(two)).toEqual([
      { input: 'Space', action: 'select', typing: 'space' },
      { input: 'Enter', action: 'next', typing: 'enter' },
    ]);
    const free = scanSettingsSchema.parse({ keyMap: { F13: 'select' } });
    expect(describeKeyMap(free)).toEqual([{ input: 'F13', action: 'select', typing: null }]);
  });

  it('the new setting is off by default, and old saved settings without it still load', () => {
    expect(scanSettingsSchema.parse({}).switchKeysType).toBe(false);
    expect(scanSettingsSchema.parse({ switchCount: 2, intervalMs: 800 }).switchKeysType).toBe(false);
  });

  it('a switch key types only with the option on, in a text field, with the on-screen keyboard closed', () => {
    const off = scanSettingsSchema.parse({});
    const on = scanSettingsSchema.parse({ switchKeysType: true, keyMap: { Space: 'select', F13: 'next' } });
    const field = { inTextField: true, keyboardOpen: false };
    expect(switchKeyTypes(off, 'Space', field)).toBe(false);
    expect(switchKeyTypes(on, 'Space', field)).toBe(true);
    expect(switchKeyTypes(on, 'F13', field)).toBe(false);
    expect(switchKeyTypes(on, 'Space', { inTextField: false, keyboardOpen: false })).toBe(false);
    expect(switchKeyTypes(on, 'Space', { inTextField: true, keyboardOpen: true })).toBe(false);
  });
});

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({
  left,
  top,
  right,
  bottom,
});
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('overlay geometry', () => {
  const view = rect(0, 0, 1000, 800);

  it('the ring is cut to the visible part of its pane', () => {
    expect(ringRect(rect(100, 500, 300, 900), 4, rect(0, 0, 1000, 700))).toEqual(rect(96, 496, 304, 700));
    expect(ringRect(rect(100, 900, 300, 950), 4, rect(0, 0, 1000, 700))).toBeNull();
  });

  it('the chip sits above the ring, flips below at the top edge, and never covers a title', () => {
    const chip = { width: 120, height: 24 };
    expect(placeChip(rect(100, 200, 400, 300), chip, view, [])).toMatchObject({ side: 'above', top: 176 });
    expect(placeChip(rect(100, 10, 400, 300), chip, view, [])).toMatchObject({ side: 'below', top: 300 });
    const heading = rect(100, 170, 300, 198);
    const placed = placeChip(rect(100, 200, 400, 300), chip, view, [heading]);
    const box = rect(placed.left, placed.top, placed.left + 120, placed.top + 24);
    expect(overlaps(box, heading)).toBe(false);
    expect(overlaps(box, rect(100, 200, 400, 300))).toBe(false);
  });

  it('a ring filling the window gets its chip in its lower corner, away from its title at the top', () => {
    const placed = placeChip(rect(0, 0, 1000, 800), { width: 120, height: 24 }, view, [
      rect(10, 10, 300, 40),
    ]);
    expect(placed).toMatchObject({ side: 'inside', top: 776, left: 880 });
  });

  it('the paused note takes the first corner that holds no control', () => {
    const size = { width: 200, height: 40 };
    const controls = [rect(0, 700, 300, 800)];
    const spot = placeNote(size, { width: 1000, height: 800 }, 16, controls);
    expect(spot).toEqual(rect(784, 744, 984, 784));
    expect(controls.some((c) => overlaps(c, spot))).toBe(false);
  });

  it('with a control in every corner, the note slides along an edge to a free spot', () => {
    const size = { width: 200, height: 40 };
    // An alert's buttons bottom left, Send bottom right, the banner's tools across the top corners.
    const controls = [
      rect(0, 660, 430, 800),
      rect(880, 740, 1000, 800),
      rect(0, 0, 300, 60),
      rect(700, 0, 1000, 60),
    ];
    const spot = placeNote(size, { width: 1000, height: 800 }, 16, controls);
    expect(controls.some((c) => overlaps(c, spot))).toBe(false);
    expect(spot.bottom).toBe(784);
  });
});
