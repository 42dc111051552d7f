import type { Locator, Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { scanSettingsDefaults, type ScanSettingsInput } from '../../../shared/a11y/scan-settings';
import type { SettingsPatch } from '../../../shared/bridge/settings';

/**
 * Drives the app the way a switch user does: one key (Space, auto-scan) or two
 * (Enter moves, Space selects). Nothing else is ever pressed. What is
 * highlighted is read from the overlay's data attributes, the same ring the
 * user sees; the profile is set through the host bridge, as the settings
 * screen would set it.
 */

/** Short but not racy: a decision is taken at most `freshMs` into a highlight, leaving the rest of it for the key press. */
const testIntervalMs = 400;
const freshMs = 150;

/** Calls the host bridge from the test process, with the token the shared web-mode instance printed. */
export async function bridgeCall(
  name: string,
  input: unknown,
  base = process.env.WINGS_E2E_URL,
): Promise<unknown> {
  if (!base) throw new Error('WINGS_E2E_URL is not set; run through playwright.config.ts');
  const url = new URL(base);
  const socket = io(`${url.origin}/bridge`, {
    auth: { token: url.searchParams.get('token') ?? '' },
    transports: ['websocket'],
  });
  try {
    const ack = (await socket.timeout(10_000).emitWithAck('call', name, input)) as {
      ok: boolean;
      data?: unknown;
      error?: unknown;
    };
    if (!ack.ok) throw new Error(`bridge ${name} failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  } finally {
    socket.close();
  }
}

export function updateSettings(patch: SettingsPatch, base?: string): Promise<unknown> {
  return bridgeCall('settings.update', patch, base);
}

/** Scanning off and every scan setting back to its default: the shared instance serves other specs next. */
export async function restoreScanProfile(base?: string): Promise<void> {
  await updateSettings({ a11y: { scanning: false, scan: { ...scanSettingsDefaults } } }, base);
}

export interface Highlight {
  /** '' when nothing is highlighted. */
  readonly key: string;
  readonly kind: string;
  readonly id: string;
  readonly label: string;
  readonly phase: string;
  /** ms since this highlight appeared; Infinity when not known. */
  readonly age: number;
}

type Matcher = string | RegExp | ((highlight: Highlight) => boolean);

export interface SwitchDriver {
  readonly mode: 'one' | 'two';
  /** The highlight as the overlay shows it now. */
  highlight(): Promise<Highlight>;
  /** Waits (or steps) until the highlight matches, then presses Select once. */
  selectWhen(matcher: Matcher): Promise<void>;
  /** Scans down to the element (its region, group, row, back up when outside) and selects it. */
  select(target: Locator): Promise<void>;
}

export interface SwitchOptions {
  /** Highlights to sit through before giving up on a target. */
  maxHighlights?: number;
  /** Extra scan settings for this test. */
  scan?: ScanSettingsInput;
  /** The web-mode address whose host keeps the settings; the shared instance unless a spec runs its own. */
  base?: string;
}

/** One switch: auto-scan, Space selects. */
export function oneSwitch(page: Page, options: SwitchOptions = {}): Promise<SwitchDriver> {
  return startScanning(page, 'one', options);
}

/** Two switches: step scan, Enter moves to the next highlight, Space selects. */
export function twoSwitch(page: Page, options: SwitchOptions = {}): Promise<SwitchDriver> {
  return startScanning(page, 'two', options);
}

async function startScanning(page: Page, mode: 'one' | 'two', options: SwitchOptions): Promise<SwitchDriver> {
  await bridgeCall(
    'settings.update',
    {
      a11y: {
        scanning: true,
        scan: {
          switchCount: mode === 'one' ? 1 : 2,
          intervalMs: testIntervalMs,
          firstItemDelayMs: 0,
          loops: 10,
          keyMap: null,
          ...options.scan,
        },
      },
    } satisfies SettingsPatch,
    options.base,
  );
  // The profile is read at boot: load the page (again) so it starts with scanning on.
  if (page.url() === 'about:blank') throw new Error('open the app before turning scanning on');
  await page.reload();
  await page.locator('[data-scan-key]').waitFor({ state: 'attached' });
  return new Driver(page, mode, options.maxHighlights ?? 200);
}

class Driver implements SwitchDriver {
  constructor(
    private readonly page: Page,
    readonly mode: 'one' | 'two',
    private readonly maxHighlights: number,
  ) {}

  highlight(): Promise<Highlight> {
    return this.page.evaluate(readHighlight);
  }

  async selectWhen(matcher: Matcher): Promise<void> {
    const test = toPredicate(matcher);
    await this.drive(String(matcher), async (h) => (test(h) ? 'target' : 'wait'));
  }

  async select(target: Locator): Promise<void> {
    await target.waitFor({ state: 'visible' });
    const handle = await target.elementHandle();
    if (handle === null) throw new Error(`no element for ${String(target)}`);
    try {
      await this.drive(String(target), async () => this.page.evaluate(decide, handle));
    } finally {
      await handle.dispose();
    }
  }

  /**
   * Presses Select on every highlight that leads toward the target, Next (step
   * scan) or nothing (auto-scan) on the others, until the target is selected.
   */
  private async drive(what: string, judge: (h: Highlight) => Promise<Decision>): Promise<void> {
    const seen: string[] = [];
    for (let shown = 0; shown < this.maxHighlights;) {
      const h = await this.highlight();
      if (h.key === '' && (h.phase === 'waiting' || h.phase === 'paused')) {
        await this.page.keyboard.press('Space');
        await this.nextHighlight(h.key);
        continue;
      }
      const decision = h.key === '' ? 'wait' : await judge(h);
      const ripe = this.mode === 'two' || h.age <= freshMs;
      if (decision !== 'wait' && ripe) {
        await this.page.keyboard.press('Space');
        if (decision === 'target') return;
        await this.nextHighlight(h.key);
        shown += 1;
        continue;
      }
      if (decision === 'wait') seen.push(`${h.kind}:${h.label}`);
      if (this.mode === 'two') await this.page.keyboard.press('Enter');
      await this.nextHighlight(h.key);
      shown += 1;
    }
    throw new Error(
      `switch ${this.mode}: ${what} was not reached within ${this.maxHighlights} highlights; last seen: ${seen.slice(-12).join(' | ')}`,
    );
  }

  private async nextHighlight(key: string): Promise<void> {
    await this.page.waitForFunction(
      (old) => document.querySelector('[data-scan-key]')?.getAttribute('data-scan-key') !== old,
      key,
      { polling: 'raf', timeout: 15_000 },
    );
  }
}

type Decision = 'target' | 'inside' | 'leave' | 'wait';

function toPredicate(matcher: Matcher): (h: Highlight) => boolean {
  if (typeof matcher === 'string') return (h) => h.label === matcher;
  if (matcher instanceof RegExp) return (h) => matcher.test(h.label);
  return matcher;
}

/** Runs in the page. Records when the highlight last changed, the moment a user would see it. */
function readHighlight(): Highlight {
  const probe = window as unknown as { __scanSince?: { key: string; at: number } };
  const overlay = document.querySelector('[data-scan-key]');
  const key = overlay?.getAttribute('data-scan-key') ?? '';
  const now = performance.now();
  let age = Number.POSITIVE_INFINITY;
  if (probe.__scanSince === undefined) {
    probe.__scanSince = { key, at: Number.NEGATIVE_INFINITY };
    const observer = new MutationObserver(() => {
      const current = document.querySelector('[data-scan-key]')?.getAttribute('data-scan-key') ?? '';
      if (probe.__scanSince && current !== probe.__scanSince.key)
        probe.__scanSince = { key: current, at: performance.now() };
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-scan-key'],
    });
  } else if (probe.__scanSince.key === key) age = now - probe.__scanSince.at;
  return {
    key,
    kind: overlay?.getAttribute('data-scan-target-kind') ?? '',
    id: overlay?.getAttribute('data-scan-target-id') ?? '',
    label: overlay?.getAttribute('data-scan-label') ?? '',
    phase: overlay?.getAttribute('data-scan-phase') ?? '',
    age,
  };
}

/** Runs in the page: what the highlight means for reaching `el`. */
function decide(el: Element): Decision {
  const overlay = document.querySelector('[data-scan-key]');
  const kind = overlay?.getAttribute('data-scan-target-kind') ?? '';
  const byId = (id: string) => document.querySelector(`[data-scan-id="${CSS.escape(id)}"]`);
  const holds = (node: Element | null) => node !== null && (node === el || node.contains(el));
  if (kind === 'row') {
    const items = (overlay?.getAttribute('data-scan-items') ?? '').split(' ').filter(Boolean);
    return items.some((id) => holds(byId(id))) ? 'inside' : 'wait';
  }
  const highlighted = byId(overlay?.getAttribute('data-scan-target-id') ?? '');
  if (highlighted === null) return 'wait';
  if (kind === 'item') return holds(highlighted) ? 'target' : 'wait';
  if (kind === 'backUp') return holds(highlighted) ? 'wait' : 'leave';
  return holds(highlighted) ? 'inside' : 'wait';
}

/** The on-screen keyboard scanning opens for a text field. */
export function scanKeyboard(page: Page): Locator {
  return page.getByRole('dialog', { name: /^(On-screen keyboard for|.+的屏幕键盘$)/ });
}

/** Types with the on-screen keyboard, one scanned key per character (lower case, digits, the punctuation row). */
export async function typeWithKeyboard(driver: SwitchDriver, page: Page, text: string): Promise<void> {
  const keys = scanKeyboard(page).getByRole('grid');
  for (const char of text) {
    const name = char === ' ' ? /^(Space|空格)$/ : char;
    await driver.select(keys.getByRole('button', { name, exact: true }));
  }
}

/** A control the page offers, as the walk compares it with what scanning highlighted. */
export interface PageControl {
  readonly id: string;
  readonly name: string;
}

export interface WalkResult {
  /** Every focusable, visible-by-CSS control on the screen (inside the open modal panel, if any). */
  readonly controls: readonly PageControl[];
  /** Of those, the ones scanning never highlighted. */
  readonly missed: readonly PageControl[];
  /** Parked where no scrolling reaches (a skip link above the page): scanning leaves them to the keyboard. */
  readonly parked: readonly string[];
  readonly highlights: number;
}

/**
 * Walks the whole screen by one switch (auto-scan must be on): Select on
 * every group, region and row not entered yet and on every back-up, never on
 * an item, until each control the DOM offers has been highlighted or
 * `maxHighlights` have gone by. The DOM side is read independently of the
 * walker in renderer/a11y/scan/scan-dom.ts: any focusable control that CSS
 * does not hide (hidden, display none, visibility hidden, inert,
 * aria-hidden, disabled), wherever it is scrolled to.
 */
export async function walkEveryControl(page: Page, maxHighlights = 600): Promise<WalkResult> {
  const entered = new Set<string>();
  const skippedIn = new Set<string>();
  const seen = new Set<string>();
  let highlights = 0;
  let lastKey = '';
  let remaining = await page.evaluate(pageControls);
  // The page itself records every item highlighted: a busy machine may poll slower than the scan moves.
  await page.evaluate(recordItems);
  const collect = async () => {
    for (const id of await page.evaluate(recordedItems)) seen.add(id);
  };
  const missing = () => remaining.controls.filter((c) => !seen.has(c.id));
  while (highlights < maxHighlights && missing().length > 0) {
    const h = await page.evaluate(readHighlight);
    if (h.key === '' && (h.phase === 'waiting' || h.phase === 'paused')) {
      await page.keyboard.press('Space');
      await waitForMove(page, h.key);
      continue;
    }
    if (h.key === lastKey || h.key === '') {
      await waitForMove(page, h.key);
      continue;
    }
    lastKey = h.key;
    highlights += 1;
    if (h.kind === 'item') seen.add(h.id);
    const enter = (h.kind === 'group' || h.kind === 'region' || h.kind === 'row') && !entered.has(h.key);
    const fresh = h.age <= freshMs;
    // Leaving a level whose container went by too fast to enter would lose it: go round once more.
    const level = h.kind === 'backUp' ? h.id : parentOf(h.key);
    if (enter && !fresh) skippedIn.add(level);
    const leave = h.kind === 'backUp' && !skippedIn.delete(level);
    if ((enter || leave) && fresh) {
      if (enter) entered.add(h.key);
      await page.keyboard.press('Space');
    }
    // Controls may come and go as the page lives (a status line, a count): read them again now and then.
    if (highlights % 25 === 0) remaining = await page.evaluate(pageControls);
    if (highlights % 5 === 0) await collect();
    await waitForMove(page, h.key);
  }
  await collect();
  remaining = await page.evaluate(pageControls);
  return { controls: remaining.controls, missed: missing(), parked: remaining.parked, highlights };
}

/** The container a node highlight's key (`node:<id>:<path>`, `row:<grid>:…`) sits in; '' for the top. */
function parentOf(key: string): string {
  if (key.startsWith('row:')) return key.split(':')[1] ?? '';
  const path = (key.split(':')[2] ?? '').split('/');
  return path.at(-2) ?? '';
}

/** Runs in the page: starts noting the id of every item the overlay highlights. */
function recordItems(): void {
  const probe = window as unknown as { __scanItems?: Set<string> };
  if (probe.__scanItems !== undefined) return;
  const items = new Set<string>();
  probe.__scanItems = items;
  const note = () => {
    const overlay = document.querySelector('[data-scan-key]');
    if (overlay?.getAttribute('data-scan-target-kind') === 'item')
      items.add(overlay.getAttribute('data-scan-target-id') ?? '');
  };
  note();
  new MutationObserver(note).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-scan-key'],
  });
}

function recordedItems(): string[] {
  return [...((window as unknown as { __scanItems?: Set<string> }).__scanItems ?? [])];
}

async function waitForMove(page: Page, key: string): Promise<void> {
  await page.waitForFunction(
    (old) => document.querySelector('[data-scan-key]')?.getAttribute('data-scan-key') !== old,
    key,
    { polling: 'raf', timeout: 15_000 },
  );
}

/** Runs in the page: every control a keyboard or pointer user could operate on this screen. */
function pageControls(): { controls: PageControl[]; parked: string[] } {
  const native = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary';
  const roles = [
    'button',
    'link',
    'checkbox',
    'radio',
    'tab',
    'option',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'switch',
    'textbox',
    'searchbox',
    'combobox',
    'slider',
    'spinbutton',
    'treeitem',
  ];
  const interactive = roles.map((r) => `[role="${r}"]`).join(', ');
  const structure = new Set(['log', 'status', 'alert', 'region', 'main', 'article', 'document', 'feed']);
  const modal = Array.from(
    document.querySelectorAll('[data-scan-modal], dialog[open], [role="dialog"][aria-modal="true"]'),
  ).at(-1);
  const root = modal ?? document.body;
  const candidates = Array.from(
    root.querySelectorAll(`${native}, ${interactive}, [tabindex], [contenteditable="true"]`),
  ).filter((el) => {
    const role = el.getAttribute('role');
    if (el.matches(native) || el.matches(interactive) || el.matches('[contenteditable="true"]')) return true;
    return Number(el.getAttribute('tabindex')) >= 0 && (role === null || !structure.has(role));
  });
  const controls: PageControl[] = [];
  const parked: string[] = [];
  for (const el of candidates) {
    if (el.closest('[data-scan-ignore], [hidden], [inert], [aria-hidden="true"]')) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    if (el.matches(':disabled') || el.closest('[aria-disabled="true"]')) continue;
    // A cell that holds its own button is not the control; the button is.
    if (el.getAttribute('role') === 'gridcell' && el.querySelector(native)) continue;
    // Nested in another control (a button inside a link): the outer one is what is scanned.
    if (el.parentElement?.closest(`${native}, ${interactive}`)) continue;
    const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 60);
    // Above or left of the start of whatever scrolls it, no scrolling can bring it into view.
    let pane: Element | null = el.parentElement;
    while (pane !== null && pane !== document.body && getComputedStyle(pane).overflowY === 'visible')
      pane = pane.parentElement;
    const box = el.getBoundingClientRect();
    const origin =
      pane === null || pane === document.body
        ? { top: -window.scrollY, left: -window.scrollX }
        : {
            top: pane.getBoundingClientRect().top - pane.scrollTop,
            left: pane.getBoundingClientRect().left - pane.scrollLeft,
          };
    if (box.bottom <= origin.top || box.right <= origin.left) {
      parked.push(name);
      continue;
    }
    controls.push({
      id: el.getAttribute('data-scan-id') ?? `(no scan id) ${el.outerHTML.slice(0, 80)}`,
      name,
    });
  }
  return { controls, parked };
}
