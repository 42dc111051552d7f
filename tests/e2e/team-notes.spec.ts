import { rmSync } from 'node:fs';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { hostCall, hostSessionId } from './support/host';
import { freePort, startHub, startWebMode, stop, tempDir } from './support/processes';

test('a note is sent, shown with its author, and seen by a colleague at another workstation', async ({
  page,
  browser,
}) => {
  // Two workers at PCs of their own: two hosts on one shared hub, which is told both workstations' origins.
  const [hubPort, mePort, colleaguePort] = [await freePort(), await freePort(), await freePort()];
  const hubDir = tempDir('team-hub');
  const myDir = tempDir('me');
  const colleagueDir = tempDir('colleague');
  const hub = await startHub({
    port: hubPort,
    dataDir: hubDir,
    allowOrigins: [mePort, colleaguePort].map((p) => `http://127.0.0.1:${p}`),
  });
  const hubUrl = `http://127.0.0.1:${hubPort}`;
  const myHost = await startWebMode({ port: mePort, dataDir: myDir, hubUrl });
  const colleagueHost = await startWebMode({ port: colleaguePort, dataDir: colleagueDir, hubUrl });
  try {
    await page.goto(appUrl({}, myHost.match[1]));
    await signIn(page, 'agent');
    const text = `Ticket 12 needs a refund approval (${Date.now()})`;
    const notes = page.getByRole('complementary', { name: 'Team notes' });
    await notes.getByRole('textbox', { name: 'Note to your team' }).fill(text);
    await page.keyboard.press('Control+Enter');
    const mine = notes.getByRole('log').getByRole('listitem').filter({ hasText: text });
    await expect(mine).toHaveCount(1);
    await expect(mine).not.toContainText('Waiting to send');
    await expect(mine.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    const me = await page
      .getByRole('group', { name: 'Account' })
      .getByRole('paragraph')
      .first()
      .textContent();
    expect(me?.trim()).toBeTruthy();
    await expect(mine).toContainText(me ?? '');

    const other = await browser.newPage();
    await other.goto(appUrl({}, colleagueHost.match[1]));
    await signIn(other, 'employer');
    const otherNotes = other.getByRole('complementary', { name: 'Team notes' });
    await expect(otherNotes.getByRole('log').getByRole('listitem').filter({ hasText: text })).toHaveCount(1);

    // Typing is seen as one polite line at the other desk, and is gone a few seconds after it stops.
    await otherNotes.getByRole('textbox', { name: 'Note to your team' }).pressSequentially('On it');
    const typing = notes.getByRole('status').filter({ hasText: 'is writing a note…' });
    await expect(typing).toHaveText('陈立新 is writing a note…');
    await expect(typing).toHaveCount(0, { timeout: 10_000 });

    // The colleague's window gets the next note as a push, without a reload.
    const reply = `Approved (${Date.now()})`;
    await page.getByRole('textbox', { name: 'Note to your team' }).fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(otherNotes.getByRole('log').getByRole('listitem').filter({ hasText: reply })).toHaveCount(1);
    await other.close();
  } finally {
    await stop(colleagueHost.child);
    await stop(myHost.child);
    await stop(hub.child);
    for (const dir of [hubDir, myDir, colleagueDir]) rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty note is refused in place, with the reason tied to the box', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.getByRole('button', { name: 'Send' }).click();
  const box = page.getByRole('textbox', { name: 'Note to your team' });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/Write a note before sending/);
});

test('what is typed in the note box is kept by the host across a reload', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'anchor');
  const sessionId = await hostSessionId(appUrl());
  const saved = async () => {
    const draft = await hostCall(appUrl(), 'drafts.get', { sessionId, key: 'team.note' });
    return draft.ok ? draft.data.text : `error: ${draft.error.code}`;
  };
  const box = page.getByRole('textbox', { name: 'Note to your team' });
  await box.fill('half a thought');
  // The draft is written a moment after typing stops: wait until the host has it.
  await expect.poll(saved).toBe('half a thought');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('half a thought');
  await page.getByRole('textbox', { name: 'Note to your team' }).fill('');
  await expect.poll(saved).toBeNull();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('');
});

test('the team log pages back to older notes on request', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const notes = page.getByRole('complementary', { name: 'Team notes' });
  const items = notes.getByRole('log').getByRole('listitem');
  // Enough notes that the newest page (50) does not hold them all.
  const stamp = Date.now();
  const box = notes.getByRole('textbox', { name: 'Note to your team' });
  for (let i = 0; i < 55; i++) {
    await box.fill(`page note ${stamp} ${i}`);
    await box.press('Control+Enter');
  }
  await expect(items.filter({ hasText: `page note ${stamp} 54` })).not.toContainText('Waiting to send');

  await page.reload();
  await expect(items.filter({ hasText: `page note ${stamp} 54` })).toHaveCount(1);
  const shown = await items.count();
  expect(shown).toBe(50);
  const older = notes.getByRole('button', { name: 'Show older notes' });
  await older.press('Enter');
  await expect.poll(() => items.count()).toBeGreaterThan(shown);
  await expect(items.filter({ hasText: `page note ${stamp} 0` })).toHaveCount(1);
});
