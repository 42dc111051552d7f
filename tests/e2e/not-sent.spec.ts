import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { expectNoAxeViolations, ownInstance, setDisplay, themes } from './support/display';
import { hostCall, hostSessionId } from './support/host';
import { refusedNote } from './support/refused-note';
import { twoSwitch } from './support/switch';
import { screenshot } from './support/shots';

/**
 * The "not sent" list, against a real hub that really refuses. Nothing in the
 * UI can make the hub refuse a team note (the page and the host check every
 * note first), so the refusal is set up through the host bridge, as another
 * window of this workstation could: an admin command is queued and applied
 * under a command id, then a team note is queued under the same id. The hub
 * remembers that id for the other command and answers `conflict`, for good.
 */
const url = ownInstance();
test.describe.configure({ mode: 'serial' });

async function outboxIds(base: string): Promise<{ pending: string[]; notSent: string[] }> {
  const sessionId = await hostSessionId(base);
  const list = await hostCall(base, 'outbox.list', { sessionId });
  if (!list.ok) throw new Error(`outbox.list: ${list.error.code}`);
  return { pending: list.data.pending.map((e) => e.id), notSent: list.data.notSent.map((e) => e.id) };
}

async function pressUntilFocused(page: Page, target: Locator, key: string, max = 40): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

function notSentButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^(Not sent|未发送) \(\d+\)$/ });
}

function panel(page: Page) {
  return page.getByRole('complementary', { name: /^(Not sent|未发送)$/ });
}

test('a refused note is listed with what was typed and why; Copy back, Retry and Discard work by keyboard', async ({
  page,
}) => {
  await page.goto(appUrl({}, url()));
  await signIn(page, 'employer');
  await expect(notSentButton(page)).toHaveCount(0);

  const text = `Customer 88 asked for a callback (${Date.now()})`;
  await refusedNote(url(), text);

  // The count appears in the banner, is announced, and the composer points at it.
  await expect(notSentButton(page)).toHaveAccessibleName('Not sent (1)');
  await expect(page.getByRole('status').filter({ hasText: '1 item was not sent' })).toBeAttached();
  const notes = page.getByRole('complementary', { name: 'Team notes' });
  await expect(notes.getByRole('alert')).toContainText('1 note was not sent.');
  // The refused note does not come back into the box by itself.
  const box = notes.getByRole('textbox', { name: 'Note to your team' });
  await expect(box).toHaveValue('');
  await expect(notes.getByRole('log').getByRole('listitem').filter({ hasText: text })).toHaveCount(0);

  // It is the host's list: a reload still shows it.
  await page.reload();
  await expect(notSentButton(page)).toHaveAccessibleName('Not sent (1)');

  // Keyboard only: F6 to the banner, whose first stop is the count; Enter opens the list on its heading.
  await page.keyboard.press('F6');
  await expect(notSentButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  const list = panel(page);
  await expect(list.getByRole('heading', { name: 'Not sent' })).toBeFocused();
  const item = list.getByRole('listitem').filter({ hasText: text });
  await expect(item).toContainText('Why: This was changed by someone else at the same time.');
  await expect(item).toContainText(/Not sent at \d/);
  await screenshot(page, 'not-sent-open-en');

  // The F6 region order reaches it too: the banner, then this list.
  await page.keyboard.press('Shift+F6');
  await expect(notSentButton(page)).toBeFocused();
  await page.keyboard.press('F6');
  await expect(list.getByRole('button', { name: 'Close' })).toBeFocused();

  // Escape closes it and focus goes back to the count.
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(notSentButton(page)).toBeFocused();

  // Copy back: the text goes below what was typed since, focus goes to the box, the entry leaves the list.
  await box.fill('typed since');
  await notSentButton(page).focus();
  await page.keyboard.press('Enter');
  const actions = list.getByRole('group', { name: /^What to do with/ });
  await pressUntilFocused(page, actions.getByRole('button', { name: 'Copy back' }), 'Tab');
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(`typed since\n\n${text}`);
  await expect(notSentButton(page)).toHaveCount(0);
  await expect(notes.getByRole('alert')).toHaveText('');

  // Retry sends it again; the hub refuses it again, and it is back in the list.
  const second = `Please call the courier (${Date.now()})`;
  const secondId = await refusedNote(url(), second);
  await notSentButton(page).focus();
  await page.keyboard.press('Enter');
  await pressUntilFocused(page, list.getByRole('button', { name: 'Retry' }), 'Tab');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('status')).toHaveText('Sending it again.');
  await expect.poll(async () => (await outboxIds(url())).notSent).toContain(secondId);
  await expect(list.getByRole('listitem').filter({ hasText: second })).toHaveCount(1);

  // Discard asks first, in place; "Keep it" takes the question back, "Yes, discard" throws it away.
  await pressUntilFocused(page, list.getByRole('button', { name: 'Discard' }), 'Tab');
  await page.keyboard.press('Enter');
  const keep = list.getByRole('button', { name: 'Keep it' });
  await expect(keep).toBeFocused();
  await expect(list.getByRole('group', { name: /^Discard “Please call the courier/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('button', { name: 'Discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(list.getByRole('button', { name: 'Yes, discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await outboxIds(url())).notSent).not.toContain(secondId);
  await expect(list.getByText('Everything has been sent.')).toBeVisible();
  await expect(notSentButton(page)).toHaveCount(0);
});

test('in zh-CN the list speaks Chinese, and it is axe-clean in every theme', async ({ page }) => {
  await page.goto(appUrl({ lng: 'zh-CN' }, url()));
  await signIn(page, 'employer');
  const text = `请给 88 号客户回电 (${Date.now()})`;
  const id = await refusedNote(url(), text);
  await expect(notSentButton(page)).toHaveAccessibleName('未发送 (1)');
  await notSentButton(page).press('Enter');
  const list = panel(page);
  await expect(list.getByRole('heading', { name: '未发送' })).toBeFocused();
  const item = list.getByRole('listitem').filter({ hasText: text });
  await expect(item).toContainText('原因：');
  for (const name of ['重试', '复制回去', '丢弃'])
    await expect(item.getByRole('button', { name })).toBeVisible();
  await screenshot(page, 'not-sent-open-zh-CN');

  try {
    for (const theme of themes) {
      await setDisplay(page, appUrl({ lng: 'zh-CN' }, url()), { theme });
      if ((await panel(page).count()) === 0) await notSentButton(page).click();
      await expect(panel(page).getByRole('listitem')).toHaveCount(1);
      await expectNoAxeViolations(page, `not sent, ${theme}`);
      // The question step too.
      await panel(page).getByRole('button', { name: '丢弃' }).click();
      await expect(panel(page).getByRole('button', { name: '保留' })).toBeFocused();
      await expectNoAxeViolations(page, `not sent, discard question, ${theme}`);
      await panel(page).getByRole('button', { name: '保留' }).click();
    }
  } finally {
    await setDisplay(page, appUrl({ lng: 'zh-CN' }, url()), { theme: 'default' });
    const sessionId = await hostSessionId(url());
    await hostCall(url(), 'outbox.discard', { sessionId, id });
  }
});

test('by two switches: open the list from the banner and copy a refused note back into its composer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl({}, url()));
  await signIn(page, 'employer');
  const text = `Refund for order 1042 approved (${Date.now()})`;
  await refusedNote(url(), text);
  await expect(notSentButton(page)).toHaveAccessibleName(/\(\d+\)$/);
  const sw = await twoSwitch(page, { base: url() });
  try {
    await sw.select(notSentButton(page));
    const item = panel(page).getByRole('listitem').filter({ hasText: text });
    await expect(item).toBeVisible();
    await sw.select(item.getByRole('button', { name: 'Copy back' }));
    const box = page
      .getByRole('complementary', { name: 'Team notes' })
      .getByRole('textbox', { name: 'Note to your team' });
    await expect(box).toHaveValue(new RegExp(text.replace(/[()]/g, '\\$&')));
    await expect(panel(page).getByRole('listitem').filter({ hasText: text })).toHaveCount(0);
  } finally {
    await hostCall(url(), 'settings.update', { a11y: { scanning: false } });
  }
});
