import {
  createScanner,
  createSwitchInput,
  reduce,
  reduceSwitchInput,
  switchInputDeadline,
  type RawSwitchEvent,
  type ScanEvent,
  type ScanLabel,
  type ScanNode,
  type ScannerState,
  type ScanSettings,
  type SwitchInputState,
} from '../../../shared/a11y';

export interface SessionHooks {
  buildTree(): ScanNode;
  /** The scan id of the item that has keyboard focus, if any: scanning starts there. */
  focusedItem(): string | null;
  /** The scanner state after every event; the highlight and phase are drawn from it. */
  render(state: ScannerState): void;
  /** A new highlight appeared (not a re-render of the same one). */
  moved(state: ScannerState): void;
  activate(itemId: string): void;
  speak(label: ScanLabel): void;
  tick(): void;
}

/**
 * Runs the two pure reducers (switch input, scanner) against real time with a
 * single timer set for whichever deadline comes first. Everything the page
 * sees goes out through the hooks, so this class holds no DOM.
 */
export class ScanSession {
  private scanner: ScannerState;
  private input: SwitchInputState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    settings: ScanSettings,
    private readonly hooks: SessionHooks,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.scanner = createScanner(hooks.buildTree(), settings);
    this.input = createSwitchInput(settings);
  }

  start(): void {
    this.placeAtFocus();
    this.dispatch({ type: 'start', at: this.now() });
  }

  /** Before the first highlight, focus may have moved (sign-in focuses Username after scanning started). */
  private placeAtFocus(): void {
    const itemId = this.hooks.focusedItem();
    if (itemId === null) return;
    // Focus may be on a control newer than the last rebuild (its settle time has not run out yet).
    if (!this.scanner.tree.entries.has(itemId))
      this.scanner = reduce(this.scanner, {
        type: 'treeChanged',
        tree: this.hooks.buildTree(),
        at: this.now(),
      }).state;
    this.scanner = reduce(this.scanner, { type: 'place', itemId }).state;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.dispatch({ type: 'stop' });
  }

  /** True when the input is one of the user's switches, so the binding should listen for it. */
  handles(input: string): boolean {
    return this.input.keyMap.has(input);
  }

  switchInputs(): string[] {
    return [...this.input.keyMap.keys()];
  }

  /** Feeds a raw switch signal through hold time and ignore-repeat; returns whether it was a switch. */
  raw(event: RawSwitchEvent): boolean {
    if (this.disposed) return false;
    const result = reduceSwitchInput(this.input, event);
    this.input = result.state;
    for (const press of result.presses) {
      if (this.scanner.phase === 'waiting') this.placeAtFocus();
      this.dispatch(press);
    }
    this.schedule();
    return result.consumed;
  }

  treeChanged(): void {
    if (this.disposed) return;
    this.dispatch({ type: 'treeChanged', tree: this.hooks.buildTree(), at: this.now() });
  }

  settingsChanged(settings: ScanSettings): void {
    if (this.disposed) return;
    // Keys may have been remapped: presses held under the old map cannot finish under the new one.
    this.input = createSwitchInput(settings);
    this.dispatch({ type: 'settingsChanged', settings, at: this.now() });
  }

  private dispatch(event: ScanEvent): void {
    const result = reduce(this.scanner, event);
    this.scanner = result.state;
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'highlight':
          if (effect.target !== null) this.hooks.moved(result.state);
          break;
        case 'activate':
          this.hooks.activate(effect.itemId);
          break;
        case 'speak':
          this.hooks.speak(effect.label);
          break;
        case 'tick-sound':
          this.hooks.tick();
          break;
        case 'paused':
        case 'stopped':
          break;
      }
    }
    this.hooks.render(this.scanner);
    if (!this.disposed) this.schedule();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.clearTimer();
    const deadlines = [this.scanner.nextDeadline, switchInputDeadline(this.input)].filter(
      (d): d is number => d !== null,
    );
    if (deadlines.length === 0) return;
    const due = Math.min(...deadlines);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const at = this.now();
        const input = reduceSwitchInput(this.input, { type: 'tick', at });
        this.input = input.state;
        for (const press of input.presses) {
          if (this.scanner.phase === 'waiting') this.placeAtFocus();
          this.dispatch(press);
        }
        this.dispatch({ type: 'tick', at });
      },
      Math.max(0, due - this.now()),
    );
  }
}
