import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { oneSwitch, restoreScanProfile, twoSwitch } from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

test('sign-in opens with Username focused, and the first switch press highlights it', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  const sw = await oneSwitch(page, { scan: { intervalMs: 2000 } });
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await sw.highlight()).label).toBe('Username');
  expect((await sw.highlight()).kind).toBe('item');
});

test('a switch key is a switch in a text field too: Enter moves the highlight and submits nothing, Space types nothing', async ({
  page,
}) => {
  await page.goto(appUrl());
  const sw = await twoSwitch(page);
  const username = page.getByRole('textbox', { name: 'Username' });
  await expect(username).toBeFocused();
  await page.keyboard.press('Space');
  const first = await sw.highlight();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await sw.highlight()).key).not.toBe(first.key);
  await page.keyboard.type('ab');
  await expect(username).toHaveValue('ab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(username).toHaveValue('ab');
  // Had Enter reached the form it would have been submitted and the empty password reported.
  await expect(page.getByRole('textbox', { name: 'Password' })).not.toHaveAttribute('aria-invalid', 'true');
});

test('with "switch keys type" on, Space and Enter type and submit in a field; off a field they still scan', async ({
  page,
}) => {
  await page.goto(appUrl());
  const sw = await twoSwitch(page, { scan: { switchKeysType: true } });
  const username = page.getByRole('textbox', { name: 'Username' });
  await expect(username).toBeFocused();
  await page.keyboard.type('a b');
  await expect(username).toHaveValue('a b');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAttribute('aria-invalid', 'true');
  // Focus outside any text field: the same keys are switches again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect.poll(async () => (await sw.highlight()).kind).not.toBe('');
  const shown = (await sw.highlight()).key;
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await sw.highlight()).key).not.toBe(shown);
});

test('checkboxes: Space toggles a focused one when Space is no switch; Select toggles a highlighted one when it is', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  const tick = page.getByRole('checkbox', { name: 'Tick sound on each highlight' });
  // Scanning off: the keyboard as usual.
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await page.keyboard.press('Space');
  await expect(tick).not.toBeChecked();

  // Scanning on with a key typing never uses: Space still toggles.
  await oneSwitch(page, { scan: { intervalMs: 2000, keyMap: { F13: 'select' } } });
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await page.keyboard.press('Space');
  await expect(tick).not.toBeChecked();

  // Space is the switch: Select on the highlighted checkbox toggles it, once.
  const sw = await twoSwitch(page);
  await sw.select(tick);
  await expect(tick).toBeChecked();
});

test('the key settings say what typing loses and which keys to use instead, where the choice is made', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl());
  await signIn(page, 'agent');
  await page.goto(appUrl() + '#/settings/scanning');
  await expect(page.getByRole('tab', { name: 'Switch scanning', selected: true })).toBeVisible();

  // Choosing two switches says which keys now do what, beside the choice and once as a polite message.
  await page.getByRole('radio', { name: /^Two switches/ }).check();
  const said = 'Space: Select. Enter: Next. — Space no longer types a space while scanning is on.';
  const hint = page.getByRole('group', { name: 'Number of switches' });
  await expect(hint).toHaveAccessibleDescription(new RegExp(said.replace(/[.]/g, '\\.')));
  await expect(hint).toHaveAccessibleDescription(/Enter no longer submits forms or starts a new line/);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Enter no longer submits forms/ })
      .first(),
  ).toBeVisible();

  // Assigning a letter: a visible, polite note next to the keys, with keys typing never uses.
  const keys = page.getByRole('group', { name: 'Switch keys' });
  await keys.getByRole('button', { name: 'Assign a key to Select' }).click();
  await page.keyboard.press('KeyJ');
  const note = keys.getByRole('status');
  await expect(note).toContainText('J no longer types its letter while scanning is on.');
  await expect(note).toContainText('F13 to F24, F9, a gamepad button or a mouse button');
  await expect(note).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
