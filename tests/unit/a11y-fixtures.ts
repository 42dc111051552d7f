import { expect } from 'vitest';
import type { ScanEffect, ScanEvent, ScannerState, ScanNode, ScanTarget } from '../../shared/a11y';
import { reduce } from '../../shared/a11y';

export const item = (id: string, label = id): ScanNode => ({ id, kind: 'item', label, children: [] });
export const group = (id: string, ...children: ScanNode[]): ScanNode => ({
  id,
  kind: 'group',
  label: id,
  children,
});
export const region = (id: string, ...children: ScanNode[]): ScanNode => ({
  id,
  kind: 'region',
  label: id,
  children,
});
export const grid = (id: string, rows: string[][]): ScanNode => ({
  id,
  kind: 'group',
  label: id,
  children: rows.flat().map((cell) => item(cell)),
  grid: { rows },
});
export const root = (...children: ScanNode[]): ScanNode => ({
  id: 'root',
  kind: 'region',
  label: '',
  children,
});

/** A highlight as one short string: `a1`, `row:K:1`, `back:G1`, or `-` for none. */
export function name(target: ScanTarget | null): string {
  if (target === null) return '-';
  switch (target.kind) {
    case 'node':
      return target.nodeId;
    case 'row':
      return `row:${target.gridId}:${target.row}`;
    case 'backUp':
      return `back:${target.containerId}`;
  }
}

/** The activity of a run, as short strings: highlights by name, `activate:x`, `paused:loops`… */
export function summarize(effects: readonly ScanEffect[]): string[] {
  return effects.map((e) => {
    switch (e.type) {
      case 'highlight':
        return `hl:${name(e.target)}`;
      case 'activate':
        return `activate:${e.itemId}`;
      case 'paused':
        return `paused:${e.reason}`;
      case 'speak':
        return `speak:${'text' in e.label ? e.label.text : e.label.key}`;
      default:
        return e.type;
    }
  });
}

/** Feeds events one by one and keeps every effect, for tests that check a whole run. */
export class Driver {
  effects: ScanEffect[] = [];
  constructor(public state: ScannerState) {}
  send(event: ScanEvent): readonly ScanEffect[] {
    const result = reduce(this.state, event);
    expect(result.nextDeadline).toBe(result.state.nextDeadline);
    this.state = result.state;
    this.effects.push(...result.effects);
    return result.effects;
  }
  press(action: 'select' | 'next' | 'previous' | 'back' | 'pause', at: number): string[] {
    return summarize(this.send({ type: 'press', action, at }));
  }
  tick(at: number): string[] {
    return summarize(this.send({ type: 'tick', at }));
  }
  /** Ticks exactly at each deadline until `until`, returning the highlights seen. */
  runUntil(until: number): string[] {
    const seen: string[] = [];
    while (this.state.nextDeadline !== null && this.state.nextDeadline <= until) {
      seen.push(...this.tick(this.state.nextDeadline));
    }
    return seen;
  }
  get at(): string {
    return name(this.state.highlight);
  }
}
