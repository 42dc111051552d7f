// The Live benches' browser side: the pages in tests/bench/live bundled with
// esbuild into a temp folder, served on loopback, opened in Debian's Chromium.
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { tempDir } from '../support/hub-client';

export type PageName = 'anchor' | 'viewer';
export type SignalHandler = (name: string, input: unknown) => Promise<unknown>;

export interface BenchBrowser {
  open(name: PageName, signal: SignalHandler): Promise<Page>;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const dir = tempDir('wings-live-bench-');
  const here = new URL('./live/', import.meta.url).pathname;
  await build({
    entryPoints: { anchor: join(here, 'anchor.ts'), viewer: join(here, 'viewer.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outdir: dir,
    logLevel: 'warning',
  });
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\//, '').replace(/\.html$/, '');
    if (name === 'anchor.js' || name === 'viewer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(dir, name)));
    } else if (name === 'anchor' || name === 'viewer') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html><body style="margin:0"><script type="module" src="/${name}.js"></script></body></html>`,
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...chromiumArgs,
      '--autoplay-policy=no-user-gesture-required',
      // Host candidates as addresses, not mDNS names, so the direct peer connection finds its peer.
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      // A page in the background would be throttled to 1 fps of animation frames.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  return {
    async open(name, signal) {
      // A context (a window) per page: in one window only the front tab is drawn at full rate, and the
      // anchor behind a viewer drew its canvas at a few frames a second.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`  [${name} page] ${err.message}`));
      page.on('crash', () => console.error(`  [${name} page] crashed`));
      if (process.env.LIVE_BENCH_DEBUG)
        page.on('console', (m) => console.error(`  [${name} console] ${m.text()}`));
      await page.exposeFunction('benchSignal', signal);
      await page.goto(`${origin}/${name}`);
      await page.waitForFunction(() => 'bench' in globalThis);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type PageApi = Record<string, (...args: unknown[]) => unknown>;

/** Calls a method of the page's `bench` object (tests/bench/live/*.ts) and awaits its answer. */
export async function callPage<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return (await page.evaluate(
    ([name, params]) => {
      const api = (globalThis as unknown as { bench: PageApi }).bench;
      const fn = api[name];
      if (!fn) throw new Error(`the page has no bench.${name}`);
      return fn(...params);
    },
    [method, args] as const,
  )) as T;
}
