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

export function updateSettings(patch: SettingsPatch): Promise<unknown> {
  return bridgeCall('settings.update', patch);
}

/** Scanning off and every scan setting back to its default: the shared instance serves other specs next. */
export async function restoreScanProfile(): Promise<void> {
  await updateSettings({ a11y: { scanning: false, scan: { ...scanSettingsDefaults } } });
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
