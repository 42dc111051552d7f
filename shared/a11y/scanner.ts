import {
  choicesAt,
  levelAbove,
  levelOf,
  targetKey,
  targetOf,
  topLevel,
  type ScanChoice,
  type ScanLabel,
  type ScanLevel,
  type ScanMethod,
  type ScanTarget,
} from './scan-levels';
import {
  isAutoScan,
  scanSettingsSchema,
  type ScanSettings,
  type ScanSettingsInput,
  type SwitchPress,
} from './scan-settings';
import { containerNode, indexTree, normalizeTree, type ScanNode, type TreeIndex } from './scan-tree';

/**
 * stopped: switch access is off. waiting: on, nothing highlighted until the
 * first press. scanning: a highlight is shown. paused: auto-scan ran out of
 * loops (highlight hidden) or the user pressed Pause (highlight kept).
 */
export type ScanPhase = 'stopped' | 'waiting' | 'scanning' | 'paused';
export type PauseReason = 'loops' | 'user';

export interface ScannerState {
  readonly settings: ScanSettings;
  readonly tree: TreeIndex;
  readonly phase: ScanPhase;
  readonly pauseReason: PauseReason | null;
  readonly level: ScanLevel;
  /** Position in choicesAt(level); kept while waiting or paused so a press resumes in place. */
  readonly index: number;
  readonly highlight: ScanTarget | null;
  /** Completed passes over the current level since the last press or level change. */
  readonly loopsDone: number;
  readonly nextDeadline: number | null;
  readonly deadlineKind: 'advance' | 'autoSelect' | null;
}

export type ScanEvent =
  | SwitchPress
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'start'; readonly at: number }
  /**
   * Where the worker already is (keyboard focus): scanning that has not begun,
   * or waits for its first press, starts at this item instead of the top.
   */
  | { readonly type: 'place'; readonly itemId: string }
  | { readonly type: 'stop' }
  | { readonly type: 'treeChanged'; readonly tree: ScanNode; readonly at: number }
  | { readonly type: 'settingsChanged'; readonly settings: ScanSettings; readonly at: number };

export type ScanEffect =
  /** target null: hide the highlight. */
  | { readonly type: 'highlight'; readonly target: ScanTarget | null }
  | { readonly type: 'activate'; readonly itemId: string }
  | { readonly type: 'speak'; readonly label: ScanLabel }
  | { readonly type: 'tick-sound' }
  | { readonly type: 'paused'; readonly reason: PauseReason }
  | { readonly type: 'stopped' };

export interface ScanResult {
  readonly state: ScannerState;
  readonly effects: readonly ScanEffect[];
  /** When to send the next tick, or null for no timer. Same as state.nextDeadline. */
  readonly nextDeadline: number | null;
}

export function createScanner(tree: ScanNode, settings: ScanSettingsInput = {}): ScannerState {
  return {
    settings: scanSettingsSchema.parse(settings),
    tree: indexTree(normalizeTree(tree)),
    phase: 'stopped',
    pauseReason: null,
    level: topLevel,
    index: 0,
    highlight: null,
    loopsDone: 0,
    nextDeadline: null,
    deadlineKind: null,
  };
}

/** The choices at the current level, in scan order (for a UI that lists them). */
export function currentChoices(state: ScannerState): ScanChoice[] {
  return choicesAt(state.tree, state.settings.scanMethod, state.level);
}

export function reduce(state: ScannerState, event: ScanEvent): ScanResult {
  const effects: ScanEffect[] = [];
  const next = step(state, event, effects);
  return { state: next, effects, nextDeadline: next.nextDeadline };
}

function step(s: ScannerState, event: ScanEvent, fx: ScanEffect[]): ScannerState {
  switch (event.type) {
    case 'start':
      if (s.phase !== 'stopped') return s;
      if (s.settings.startOnFirstPress) return { ...s, phase: 'waiting' };
      return show(s, s.level, s.index, event.at, fx, { entry: true });
    case 'place':
      return place(s, event.itemId);
    case 'stop':
      if (s.phase === 'stopped') return s;
      if (s.highlight !== null) fx.push({ type: 'highlight', target: null });
      fx.push({ type: 'stopped' });
      return { ...s, ...idle, phase: 'stopped', pauseReason: null };
    case 'press':
      return press(s, event, fx);
    case 'tick':
      return tick(s, event.at, fx);
    case 'treeChanged':
      return treeChanged(s, event.tree, event.at, fx);
    case 'settingsChanged':
      return settingsChanged(s, event.settings, event.at, fx);
  }
}

const idle = { highlight: null, nextDeadline: null, deadlineKind: null } as const;

const method = (s: ScannerState): ScanMethod => s.settings.scanMethod;

interface ShowOptions {
  /** First highlight after a start, resume or level change: gets the extra first-item delay. */
  entry: boolean;
  loopsDone?: number;
  /** Step scan: a user press moved the highlight, so auto-select may count down. */
  armAutoSelect?: boolean;
}

function show(
  s: ScannerState,
  level: ScanLevel,
  index: number,
  at: number,
  fx: ScanEffect[],
  opts: ShowOptions,
): ScannerState {
  const choices = choicesAt(s.tree, method(s), level);
  const base = { ...s, phase: 'scanning', pauseReason: null, level, loopsDone: opts.loopsDone ?? 0 } as const;
  const n = choices.length;
  const i = n === 0 ? 0 : ((index % n) + n) % n;
  const choice = choices[i];
  if (choice === undefined) {
    if (s.highlight !== null) fx.push({ type: 'highlight', target: null });
    return { ...base, index: 0, ...idle };
  }
  const target = targetOf(s.tree, choice);
  if (s.phase !== 'scanning' || targetKey(target) !== targetKey(s.highlight))
    announce(s.settings, target, fx);
  const { settings } = s;
  if (isAutoScan(settings)) {
    const delay = settings.intervalMs + (opts.entry ? settings.firstItemDelayMs : 0);
    return { ...base, index: i, highlight: target, nextDeadline: at + delay, deadlineKind: 'advance' };
  }
  const autoSelect = opts.armAutoSelect === true && settings.autoSelectMs > 0;
  return {
    ...base,
    index: i,
    highlight: target,
    nextDeadline: autoSelect ? at + settings.autoSelectMs : null,
    deadlineKind: autoSelect ? 'autoSelect' : null,
  };
}

function place(s: ScannerState, itemId: string): ScannerState {
  if (s.phase !== 'stopped' && s.phase !== 'waiting') return s;
  const entry = s.tree.entries.get(itemId);
  if (entry === undefined || entry.node.kind !== 'item') return s;
  const at = levelOf(s.tree, method(s), itemId);
  return at === null ? s : { ...s, level: at.level, index: at.index };
}

function announce(settings: ScanSettings, target: ScanTarget, fx: ScanEffect[]): void {
  fx.push({ type: 'highlight', target });
  if (settings.tickSound) fx.push({ type: 'tick-sound' });
  if (settings.speakLabels) fx.push({ type: 'speak', label: target.label });
}

function press(s: ScannerState, event: SwitchPress, fx: ScanEffect[]): ScannerState {
  const { at } = event;
  switch (s.phase) {
    case 'stopped':
      return s;
    // Waking presses are swallowed: the user cannot yet see what Select would pick.
    case 'waiting':
      return show(s, s.level, s.index, at, fx, { entry: true });
    case 'paused':
      return show(s, s.level, s.pauseReason === 'user' ? s.index : 0, at, fx, { entry: true });
    case 'scanning':
      break;
  }
  switch (event.action) {
    case 'select':
      return select(s, at, fx);
    case 'next':
      return show(s, s.level, s.index + 1, at, fx, { entry: false, armAutoSelect: true });
    case 'previous':
      return show(s, s.level, s.index - 1, at, fx, { entry: false, armAutoSelect: true });
    case 'back':
      return backUp(s, at, fx);
    case 'pause':
      fx.push({ type: 'paused', reason: 'user' });
      return { ...s, phase: 'paused', pauseReason: 'user', nextDeadline: null, deadlineKind: null };
  }
}

function select(s: ScannerState, at: number, fx: ScanEffect[]): ScannerState {
  const choice = currentChoices(s)[s.index];
  if (choice === undefined) return s;
  switch (choice.kind) {
    case 'backUp':
      return backUp(s, at, fx);
    case 'row':
      return show(s, { containerId: choice.gridId, row: choice.row }, 0, at, fx, { entry: true });
    case 'node': {
      if (choice.node.kind !== 'item') {
        return show(s, { containerId: choice.node.id, row: null }, 0, at, fx, { entry: true });
      }
      fx.push({ type: 'activate', itemId: choice.node.id });
      // A grid's row is a step toward one cell, not a place to stay: restart at the grid's rows.
      const restart: ScanLevel =
        s.settings.restartAfterSelect === 'top' ? topLevel : { containerId: s.level.containerId, row: null };
      return show(s, restart, 0, at, fx, { entry: true });
    }
  }
}

function backUp(s: ScannerState, at: number, fx: ScanEffect[]): ScannerState {
  const above = levelAbove(s.tree, method(s), s.level);
  if (above === null) return s;
  return show(s, above.level, above.index, at, fx, { entry: true });
}

function tick(s: ScannerState, at: number, fx: ScanEffect[]): ScannerState {
  // Early or stale timers are harmless: only a due deadline moves anything.
  if (s.phase !== 'scanning' || s.nextDeadline === null || at < s.nextDeadline) return s;
  if (s.deadlineKind === 'autoSelect')
    return select({ ...s, nextDeadline: null, deadlineKind: null }, at, fx);
  const count = currentChoices(s).length;
  if (s.index + 1 < count)
    return show(s, s.level, s.index + 1, at, fx, { entry: false, loopsDone: s.loopsDone });
  const loopsDone = s.loopsDone + 1;
  if (loopsDone >= s.settings.loops) {
    fx.push({ type: 'highlight', target: null }, { type: 'paused', reason: 'loops' });
    return { ...s, ...idle, phase: 'paused', pauseReason: 'loops', index: 0, loopsDone: 0 };
  }
  return show(s, s.level, 0, at, fx, { entry: false, loopsDone });
}

function treeChanged(s: ScannerState, tree: ScanNode, at: number, fx: ScanEffect[]): ScannerState {
  const next = indexTree(normalizeTree(tree));
  if (s.phase === 'stopped') return { ...s, tree: next, level: topLevel, index: 0 };
  const place = relocate(s.tree, next, method(s), s.level, s.index);
  const moved = { ...s, tree: next, level: place.level, index: place.index };
  const choice = choicesAt(next, method(s), place.level)[place.index];
  const target = choice === undefined ? null : targetOf(next, choice);
  const same = s.highlight !== null && targetKey(target) === targetKey(s.highlight);
  if (s.phase === 'scanning') {
    // Same thing still highlighted: keep its timer so a busy page cannot stall the scan.
    if (same) return { ...moved, highlight: target };
    // Something else is under the highlight now: never let auto-select fire on it.
    return show(moved, place.level, place.index, at, fx, { entry: true });
  }
  if (s.phase === 'paused' && s.pauseReason === 'user') {
    if (!same) fx.push({ type: 'highlight', target });
    return { ...moved, highlight: target };
  }
  return moved;
}

function settingsChanged(s: ScannerState, raw: ScanSettings, at: number, fx: ScanEffect[]): ScannerState {
  const settings = scanSettingsSchema.parse(raw);
  const reshaped =
    settings.scanMethod !== s.settings.scanMethod || settings.switchCount !== s.settings.switchCount;
  const updated = { ...s, settings };
  if (reshaped && s.phase !== 'stopped') {
    if (s.phase !== 'scanning') {
      if (s.highlight !== null) fx.push({ type: 'highlight', target: null });
      return { ...updated, ...idle, level: topLevel, index: 0 };
    }
    return show(updated, topLevel, 0, at, fx, { entry: true });
  }
  if (s.phase !== 'scanning') return updated;
  return show(updated, s.level, s.index, at, fx, { entry: false, loopsDone: s.loopsDone });
}

type Place = { level: ScanLevel; index: number };

/** Where the user's place went in the new tree: the highlighted choice's node, else findPlace's nearest survivor. */
function relocate(old: TreeIndex, next: TreeIndex, m: ScanMethod, level: ScanLevel, index: number): Place {
  const choice = choicesAt(old, m, level)[index];
  if (choice === undefined) {
    const inside = level.containerId !== null && next.entries.has(level.containerId);
    return inside
      ? { level: { containerId: level.containerId, row: null }, index: 0 }
      : { level: topLevel, index: 0 };
  }
  switch (choice.kind) {
    case 'node':
      return findPlace(old, next, m, choice.node.id);
    case 'row': {
      const grid = containerNode(next, choice.gridId)?.grid;
      if (grid === undefined) return findPlace(old, next, m, choice.gridId);
      return {
        level: { containerId: choice.gridId, row: null },
        index: Math.min(choice.row, grid.rows.length - 1),
      };
    }
    case 'backUp': {
      const container = containerNode(next, choice.containerId);
      if (container === undefined || container.kind === 'item')
        return findPlace(old, next, m, choice.containerId);
      const row = level.row === null ? null : container.grid?.rows[level.row];
      const stay: ScanLevel =
        row !== undefined && row !== null && row.length > 1
          ? level
          : { containerId: choice.containerId, row: null };
      return { level: stay, index: choicesAt(next, m, stay).length - 1 };
    }
  }
}

function firstSurvivor(next: TreeIndex, node: ScanNode): string | null {
  if (next.entries.has(node.id)) return node.id;
  for (const child of node.children) {
    const found = firstSurvivor(next, child);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The node itself if it survived; else what it was reshaped into (a descendant);
 * else the next sibling, else the previous one, else the same search one level
 * up, staying inside the parent if the parent survived. The top only when nothing did.
 */
function findPlace(old: TreeIndex, next: TreeIndex, m: ScanMethod, id: string): Place {
  const direct = levelOf(next, m, id);
  if (direct !== null) return direct;
  const at = (survivor: string | null): Place | null =>
    survivor === null ? null : levelOf(next, m, survivor);
  for (const child of old.entries.get(id)?.node.children ?? []) {
    const place = at(firstSurvivor(next, child));
    if (place !== null) return place;
  }
  let current = id;
  for (;;) {
    const entry = old.entries.get(current);
    const parent = entry === undefined ? undefined : containerNode(old, entry.parentId);
    if (entry === undefined || parent === undefined) break;
    const siblings = parent.children;
    const mine = siblings.findIndex((c) => c.id === current);
    const order = [...siblings.slice(mine + 1), ...siblings.slice(0, Math.max(0, mine)).reverse()];
    for (const sibling of order) {
      const place = at(firstSurvivor(next, sibling));
      if (place !== null) return place;
    }
    if (entry.parentId === null) break;
    const survivingParent = containerNode(next, entry.parentId);
    if (survivingParent !== undefined && survivingParent.kind !== 'item') {
      if (m === 'linear') return levelOf(next, m, entry.parentId) ?? { level: topLevel, index: 0 };
      return { level: { containerId: entry.parentId, row: null }, index: 0 };
    }
    current = entry.parentId;
  }
  return { level: topLevel, index: 0 };
}
