import { describe, expect, it } from 'vitest';
import { createScanner, currentChoices, reduce, type ScanSettingsInput } from '../../shared/a11y';
import { Driver, grid, group, item, region, root, summarize } from './a11y-fixtures';

/**
 * Top: R1, R2.  R1: G1, b1, back.  G1: a1, a2, a3, back.  R2: c1, c2, back.
 */
const page = root(
  region('R1', group('G1', item('a1'), item('a2'), item('a3')), item('b1')),
  region('R2', item('c1'), item('c2')),
);

const drive = (settings: ScanSettingsInput = {}, tree = page) => new Driver(createScanner(tree, settings));

describe('auto-scan (one switch)', () => {
  it('waits for the first press, then gives the first item the extra delay', () => {
    const d = drive();
    expect(d.send({ type: 'start', at: 0 })).toEqual([]);
    expect(d.state.phase).toBe('waiting');
    expect(d.state.nextDeadline).toBeNull();
    // The waking press is swallowed, not a Select.
    expect(d.press('select', 100)).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBe(100 + 1000 + 700);
    expect(d.tick(1799)).toEqual([]);
    expect(d.at).toBe('R1');
    expect(d.tick(1800)).toEqual(['hl:R2']);
    expect(d.state.nextDeadline).toBe(2800);
  });

  it('loops twice over the level, then pauses until the next press', () => {
    const d = drive();
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    expect(d.tick(1700)).toEqual(['hl:R2']);
    // Wrapping is not an entry: no extra first-item delay.
    expect(d.tick(2700)).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBe(3700);
    expect(d.state.loopsDone).toBe(1);
    expect(d.tick(3700)).toEqual(['hl:R2']);
    expect(d.tick(4700)).toEqual(['hl:-', 'paused:loops']);
    expect(d.state).toMatchObject({
      phase: 'paused',
      pauseReason: 'loops',
      nextDeadline: null,
      highlight: null,
    });
    expect(d.tick(99999)).toEqual([]);
    expect(d.press('select', 5000)).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBe(6700);
    expect(d.state.phase).toBe('scanning');
  });

  it('starts at once when start-on-first-press is off, with the configured timings', () => {
    const d = drive({ startOnFirstPress: false, intervalMs: 300, firstItemDelayMs: 0, loops: 1 });
    expect(summarize(d.send({ type: 'start', at: 50 }))).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBe(350);
    expect(d.runUntil(10_000)).toEqual(['hl:R2', 'hl:-', 'paused:loops']);
  });

  it('a late timer advances one step and counts the interval from the tick', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    expect(d.tick(5000)).toEqual(['hl:R2']);
    expect(d.state.nextDeadline).toBe(6000);
  });

  it('goes region → group → item, activates, and stays in the group', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    expect(d.press('select', 10)).toEqual(['hl:G1']);
    expect(d.state.nextDeadline).toBe(1710);
    expect(d.press('select', 20)).toEqual(['hl:a1']);
    expect(d.runUntil(1720)).toEqual(['hl:a2']);
    expect(d.press('select', 1800)).toEqual(['activate:a2', 'hl:a1']);
    expect(d.state.level).toEqual({ containerId: 'G1', row: null });
    expect(d.state.nextDeadline).toBe(3500);
  });

  it('restarts at the top after a selection when configured', () => {
    const d = drive({ startOnFirstPress: false, restartAfterSelect: 'top' });
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    d.press('select', 0);
    expect(d.press('select', 0)).toEqual(['activate:a1', 'hl:R1']);
    expect(d.state.level).toEqual({ containerId: null, row: null });
  });

  it('offers back-up last at every level below the top, and it goes one level up', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    expect(currentChoices(d.state).map((c) => c.kind)).toEqual(['node', 'node']);
    d.press('select', 0); // into R1
    d.press('select', 0); // into G1
    expect(d.runUntil(3700)).toEqual(['hl:a2', 'hl:a3', 'hl:back:G1']);
    expect(d.state.highlight).toEqual({
      kind: 'backUp',
      containerId: 'G1',
      label: { key: 'a11y:scan.backUp' },
      path: ['R1', 'G1'],
    });
    // Back in R1, on the group just left, with the entry delay.
    expect(d.press('select', 4000)).toEqual(['hl:G1']);
    expect(d.state.nextDeadline).toBe(5700);
    expect(d.runUntil(6700)).toEqual(['hl:b1', 'hl:back:R1']);
    expect(d.press('select', 7000)).toEqual(['hl:R1']);
    expect(d.state.level).toEqual({ containerId: null, row: null });
  });

  it('Pause freezes the highlight; the next press resumes on it without selecting', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    d.tick(1700);
    expect(d.press('pause', 2000)).toEqual(['paused:user']);
    expect(d.state).toMatchObject({ phase: 'paused', nextDeadline: null });
    expect(d.at).toBe('R2');
    expect(d.tick(50_000)).toEqual([]);
    expect(d.press('select', 60_000)).toEqual(['hl:R2']);
    expect(d.state.nextDeadline).toBe(61_700);
    expect(d.effects.some((e) => e.type === 'activate')).toBe(false);
  });

  it('ticks and speaks when the feedback flags are on', () => {
    const d = drive({ startOnFirstPress: false, tickSound: true, speakLabels: true });
    expect(summarize(d.send({ type: 'start', at: 0 }))).toEqual(['hl:R1', 'tick-sound', 'speak:R1']);
    d.press('select', 0);
    d.press('select', 0);
    d.runUntil(3700);
    expect(summarize(d.effects).slice(-3)).toEqual(['hl:back:G1', 'tick-sound', 'speak:a11y:scan.backUp']);
  });

  it('stop hides the highlight, drops the timer and ignores presses until start', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    expect(summarize(d.send({ type: 'stop' }))).toEqual(['hl:-', 'stopped']);
    expect(d.state).toMatchObject({ phase: 'stopped', nextDeadline: null, highlight: null });
    expect(d.press('select', 10)).toEqual([]);
    expect(d.tick(10_000)).toEqual([]);
    expect(summarize(d.send({ type: 'start', at: 20 }))).toEqual(['hl:R1']);
  });

  it('returns the same state object for events that change nothing', () => {
    const s = createScanner(page);
    expect(reduce(s, { type: 'tick', at: 5 }).state).toBe(s);
    expect(reduce(s, { type: 'press', action: 'select', at: 5 }).state).toBe(s);
  });
});

describe('step scan (two switches)', () => {
  it('Next and Previous move, Select picks, and there is no timer', () => {
    const d = drive({ switchCount: 2 });
    d.send({ type: 'start', at: 0 });
    expect(d.press('next', 10)).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBeNull();
    expect(d.press('next', 20)).toEqual(['hl:R2']);
    expect(d.press('next', 30)).toEqual(['hl:R1']);
    expect(d.press('previous', 40)).toEqual(['hl:R2']);
    expect(d.press('select', 50)).toEqual(['hl:c1']);
    expect(d.press('next', 60)).toEqual(['hl:c2']);
    expect(d.press('next', 70)).toEqual(['hl:back:R2']);
    expect(d.press('previous', 80)).toEqual(['hl:c2']);
    expect(d.press('select', 90)).toEqual(['activate:c2', 'hl:c1']);
    expect(d.tick(1_000_000)).toEqual([]);
    expect(d.state.nextDeadline).toBeNull();
  });

  it('Back goes up from anywhere and does nothing at the top', () => {
    const d = drive({ switchCount: 2, startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    expect(d.press('back', 1)).toEqual([]);
    d.press('select', 2);
    d.press('select', 3);
    expect(d.at).toBe('a1');
    expect(d.press('back', 4)).toEqual(['hl:G1']);
    expect(d.press('back', 5)).toEqual(['hl:R1']);
  });

  it('optional auto-select picks the highlight after a quiet spell, only once per press', () => {
    const d = drive({ switchCount: 2, autoSelectMs: 1500 });
    d.send({ type: 'start', at: 0 });
    // The waking press shows the first highlight but never arms auto-select.
    expect(d.press('next', 0)).toEqual(['hl:R1']);
    expect(d.state.nextDeadline).toBeNull();
    d.press('next', 0);
    d.press('previous', 0);
    expect(d.state).toMatchObject({ nextDeadline: 1500, deadlineKind: 'autoSelect' });
    expect(d.tick(1499)).toEqual([]);
    expect(d.tick(1500)).toEqual(['hl:G1']);
    // Entering R1 was not a press: nothing counts down now.
    expect(d.state.nextDeadline).toBeNull();
    expect(d.press('next', 2000)).toEqual(['hl:b1']);
    expect(d.tick(3500)).toEqual(['activate:b1', 'hl:G1']);
    expect(d.state.nextDeadline).toBeNull();
  });
});

describe('row-column scanning in a grid', () => {
  const keyboard = root(grid('K', [['k1', 'k2', 'k3'], ['k4', 'k5', 'k6'], ['k7']]), item('x'));

  it('scans rows first, then the cells of the chosen row', () => {
    const d = drive({ startOnFirstPress: false }, keyboard);
    d.send({ type: 'start', at: 0 });
    expect(d.press('select', 0)).toEqual(['hl:row:K:0']);
    expect(d.state.highlight).toMatchObject({
      kind: 'row',
      itemIds: ['k1', 'k2', 'k3'],
      label: { key: 'a11y:scan.row', values: { row: 1, cells: 3 } },
      path: ['K'],
    });
    // A one-cell row is offered as the cell itself.
    expect(d.runUntil(3700)).toEqual(['hl:row:K:1', 'hl:k7', 'hl:back:K']);
    d.tick(4700);
    d.tick(5700);
    expect(d.at).toBe('row:K:1');
    expect(d.press('select', 6000)).toEqual(['hl:k4']);
    expect(d.state.level).toEqual({ containerId: 'K', row: 1 });
    d.tick(7700);
    // After a cell, scanning restarts at the grid's rows, not inside the row.
    expect(d.press('select', 7800)).toEqual(['activate:k5', 'hl:row:K:0']);
    expect(d.state.level).toEqual({ containerId: 'K', row: null });
  });

  it('back-up from a row returns to that row', () => {
    const d = drive({ switchCount: 2, startOnFirstPress: false }, keyboard);
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    d.press('next', 0);
    d.press('select', 0);
    expect(d.at).toBe('k4');
    expect(d.press('previous', 0)).toEqual(['hl:back:K']);
    expect(d.press('select', 0)).toEqual(['hl:row:K:1']);
  });
});

describe('linear scanning', () => {
  it('scans every item in document order with no groups and no back-up', () => {
    const d = drive({ scanMethod: 'linear', startOnFirstPress: false, loops: 1 });
    d.send({ type: 'start', at: 0 });
    expect(d.at).toBe('a1');
    expect(d.runUntil(100_000)).toEqual([
      'hl:a2',
      'hl:a3',
      'hl:b1',
      'hl:c1',
      'hl:c2',
      'hl:-',
      'paused:loops',
    ]);
  });

  it('restarts from the first item after a selection', () => {
    const d = drive({ scanMethod: 'linear', switchCount: 2, startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    d.press('next', 0);
    d.press('next', 0);
    d.press('next', 0);
    expect(d.press('select', 0)).toEqual(['activate:b1', 'hl:a1']);
  });
});

describe('settings changes', () => {
  it('switching method restarts at the top; a timing change only reschedules', () => {
    const d = drive({ startOnFirstPress: false });
    d.send({ type: 'start', at: 0 });
    d.press('select', 0);
    const base = d.state.settings;
    d.send({ type: 'settingsChanged', settings: { ...base, intervalMs: 2000 }, at: 100 });
    expect(d.at).toBe('G1');
    expect(d.state.nextDeadline).toBe(2100);
    const fx = d.send({ type: 'settingsChanged', settings: { ...base, scanMethod: 'linear' }, at: 200 });
    expect(summarize(fx)).toEqual(['hl:a1']);
    expect(d.state.nextDeadline).toBe(1900);
  });
});
