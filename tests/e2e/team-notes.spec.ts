import { expect, test } from '@playwright/test';
import { appUrl, signIn } from './support/app';

test('a note is sent, shown with its author, and seen by a colleague', async ({ page, browser }) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  const text = `Ticket 12 needs a refund approval (${Date.now()})`;
  const notes = page.getByRole('complementary', { name: 'Team notes' });
  await notes.getByRole('textbox', { name: 'Note to your team' }).fill(text);
  await page.keyboard.press('Control+Enter');
  const mine = notes.getByRole('log').getByRole('listitem').filter({ hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine).not.toContainText('Waiting to send');
  await expect(mine.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const me = await page.getByRole('group', { name: 'Account' }).getByRole('paragraph').textContent();
  expect(me?.trim()).toBeTruthy();
  await expect(mine).toContainText(me ?? '');

  const other = await browser.newPage();
  await other.goto(appUrl());
  await signIn(other, 'employer');
  await expect(other.getByRole('log').getByRole('listitem').filter({ hasText: text })).toHaveCount(1);
  // The colleague's window gets the next note as a push, without a reload.
  const reply = `Approved (${Date.now()})`;
  await page.getByRole('textbox', { name: 'Note to your team' }).fill(reply);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(other.getByRole('log').getByRole('listitem').filter({ hasText: reply })).toHaveCount(1);
  await other.close();
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

test('a note the hub refuses comes back into the text box with the reason', async ({ page }) => {
  let upgraded = false;
  // Stand in for a hub that refuses the post; every other frame passes through untouched.
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frame) => {
      const text = typeof frame === 'string' ? frame : frame.toString();
      if (text === '5') upgraded = true;
      const post = /^42(\d+)\["team\.post",/.exec(text);
      if (post) {
        ws.send(`43${post[1]}[{"ok":false,"error":{"code":"forbidden","message":"refused by the test"}}]`);
        return;
      }
      server.send(frame);
    });
    server.onMessage((frame) => ws.send(frame));
  });
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Connected');
  await expect.poll(() => upgraded, { message: 'socket.io upgraded to WebSocket' }).toBe(true);

  const text = `Please cover my queue (${Date.now()})`;
  const box = page.getByRole('textbox', { name: 'Note to your team' });
  await box.fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not sent' })).toContainText(
    'Your account is not allowed to do this.',
  );
  await expect(box).toHaveValue(text);
  await expect(page.getByRole('log').getByRole('listitem').filter({ hasText: text })).toHaveCount(0);
});

test('what is typed in the note box is kept by the host across a reload', async ({ page }) => {
  await page.goto(appUrl());
  await signIn(page, 'anchor');
  const box = page.getByRole('textbox', { name: 'Note to your team' });
  await box.fill('half a thought');
  // The draft is written a moment after typing stops.
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('half a thought');
  await page.getByRole('textbox', { name: 'Note to your team' }).fill('');
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note to your team' })).toHaveValue('');
});

test('a token the hub no longer accepts sends the worker back to sign in, with the reason', async ({
  page,
}) => {
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('wings.hubSession') ?? '{}') as { token?: string };
    sessionStorage.setItem('wings.hubSession', JSON.stringify({ ...session, token: `${session.token}x` }));
  });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'session has ended' })).toHaveText(
    'Your session has ended. Please sign in again.',
  );
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  expect(await page.evaluate(() => sessionStorage.getItem('wings.hubSession'))).toBeNull();
});
