import { rmSync } from 'node:fs';
import { expect, test } from './support/test';
import { appUrl, connectionStatus, signIn } from './support/app';
import { hostSessionId, signOutHost } from './support/host';
import { screenshot } from './support/shots';
import { freePort, startHub, startWebMode, stop, tempDir, type Started } from './support/processes';

/**
 * These tests stop and restart the hub, so they get their own: a standalone
 * hub, and a web-mode host pointed at it with --hub. Only the hub goes down;
 * the host (bridge, outbox, drafts) stays up, as the worker's PC would.
 */
test.describe.configure({ mode: 'serial' });

let hubPort = 0;
/** Web mode serves the page from its own port: the hub must be told that origin may call it. */
let webPort = 0;
let hubDir = '';
let webDir = '';
let hub: Started | null = null;
let web: Started | null = null;
let url = '';

const offline = 'Offline — your work is saved and will be sent when the connection returns';

async function startTheHub(): Promise<void> {
  hub = await startHub({ port: hubPort, dataDir: hubDir, allowOrigins: [`http://127.0.0.1:${webPort}`] });
}

test.beforeAll(async () => {
  hubPort = await freePort();
  webPort = await freePort();
  hubDir = tempDir('hub');
  webDir = tempDir('host');
  await startTheHub();
  web = await startWebMode({
    port: webPort,
    dataDir: webDir,
    hubUrl: `http://127.0.0.1:${hubPort}`,
  });
  url = web.match[1] ?? '';
});

test.afterAll(async () => {
  if (web) await stop(web.child);
  if (hub) await stop(hub.child);
  rmSync(hubDir, { recursive: true, force: true });
  rmSync(webDir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  await signOutHost(url);
});

test.afterEach(async () => {
  // A test that failed with the hub down must not leave the next one without it.
  if (hub && hub.child.exitCode === null && hub.child.signalCode === null) return;
  await startTheHub();
});

test('the banner announces losing the hub and getting it back', async ({ page }) => {
  await page.goto(appUrl({}, url));
  await signIn(page, 'agent');
  const status = connectionStatus(page);
  await expect(status).toHaveText('Connected');

  const seen: string[] = [];
  await page.exposeFunction('recordStatus', (text: string) => seen.push(text));
  await status.evaluate((el) => {
    const record = (window as unknown as { recordStatus: (t: string) => void }).recordStatus;
    new MutationObserver(() => record(el.textContent ?? '')).observe(el, {
      subtree: true,
      characterData: true,
      childList: true,
    });
  });

  if (hub) await stop(hub.child);
  await expect(status).toHaveText(offline);
  expect(seen).toContain('Reconnecting…');

  await startTheHub();
  await expect(status).toHaveText('Connected', { timeout: 30_000 });
  // Still the same signed-in worker: whoami was asked again and the shell stayed.
  await expect(page.getByRole('navigation', { name: 'Workspaces' })).toBeVisible();
});

test('a note written while offline waits, then is delivered exactly once', async ({ page }) => {
  await page.goto(appUrl({}, url));
  await signIn(page, 'agent');
  const status = connectionStatus(page);
  await expect(status).toHaveText('Connected');
  const notes = page.getByRole('complementary', { name: 'Team notes' });
  const log = notes.getByRole('log');

  if (hub) await stop(hub.child);
  await expect(status).toHaveText(offline);

  const text = `Back in ten minutes (${Date.now()})`;
  const box = notes.getByRole('textbox', { name: 'Note to your team' });
  await box.fill(text);
  await notes.getByRole('button', { name: 'Send' }).click();
  await expect(box).toHaveValue('');
  const waiting = log.getByRole('listitem').filter({ hasText: text });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Waiting to send');
  await screenshot(page, 'shell-offline-en');

  // The outbox is on the host's disk: a reload while offline still shows it waiting.
  await page.reload();
  await expect(log.getByRole('listitem').filter({ hasText: text })).toContainText('Waiting to send');

  await startTheHub();
  await expect(status).toHaveText('Connected', { timeout: 30_000 });
  const delivered = log.getByRole('listitem').filter({ hasText: text });
  await expect(delivered).toHaveCount(1);
  await expect(delivered).not.toContainText('Waiting to send');

  await page.reload();
  await expect(connectionStatus(page)).toHaveText('Connected');
  await expect(log.getByRole('listitem').filter({ hasText: 'Back in ten minutes' }).first()).toBeVisible();
  await expect(log.getByRole('listitem').filter({ hasText: text })).toHaveCount(1);
  await expect(log.getByRole('listitem').filter({ hasText: text })).not.toContainText('Waiting to send');
});

test('a hub that no longer knows the token sends the worker back to sign in, with the reason', async ({
  page,
}) => {
  await page.goto(appUrl({}, url));
  await signIn(page, 'agent');
  await expect(connectionStatus(page)).toHaveText('Connected');

  // The hub is set up afresh on the same address (a new store, a new signing key): the token is void.
  if (hub) await stop(hub.child);
  const freshDir = tempDir('hub-fresh');
  const fresh = await startHub({
    port: hubPort,
    dataDir: freshDir,
    allowOrigins: [`http://127.0.0.1:${webPort}`],
  });
  try {
    await expect(page.getByRole('alert').filter({ hasText: 'session has ended' })).toHaveText(
      'Your session has ended. Please sign in again.',
      { timeout: 30_000 },
    );
    await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
    // The host forgets it too: a reload does not bring the dead session back.
    await expect.poll(() => hostSessionId(url)).toBeNull();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  } finally {
    await stop(fresh.child);
    rmSync(freshDir, { recursive: true, force: true });
    await startTheHub();
  }
});
