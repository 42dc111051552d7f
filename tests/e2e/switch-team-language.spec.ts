import { expect, test } from './support/test';
import { appUrl, signIn, workspaceLinks } from './support/app';
import {
  bridgeCall,
  oneSwitch,
  restoreScanProfile,
  scanKeyboard,
  twoSwitch,
  updateSettings,
  type SwitchDriver,
} from './support/switch';

let savedLanguage: 'en' | 'zh-CN' | null = null;

test.beforeEach(async () => {
  const settings = (await bridgeCall('settings.get', {})) as { language: 'en' | 'zh-CN' | null };
  savedLanguage = settings.language;
});

test.afterEach(async () => {
  await restoreScanProfile();
  await updateSettings({ language: savedLanguage });
});

const modes = [
  ['one switch', oneSwitch],
  ['two switches', twoSwitch],
] as const;

for (const [name, start] of modes) {
  test(`${name}: post a team note with a canned phrase`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(appUrl());
    await signIn(page, 'agent');
    const notes = page.getByRole('complementary', { name: 'Team notes' });
    const box = notes.getByRole('textbox', { name: 'Note to your team' });
    // Drafts outlive a test as they outlive a worker's session: start from an empty note.
    await box.fill('');
    const sw: SwitchDriver = await start(page);
    const phrase = 'Taking a break';
    // The shared hub keeps earlier runs' notes: only one written from now on is this test's.
    const since = Date.now() - 1_000;
    const postedSince = () =>
      notes
        .getByRole('listitem')
        .filter({ hasText: phrase })
        .locator('time')
        .evaluateAll(
          (times, after) =>
            times.filter((el) => Date.parse(el.getAttribute('datetime') ?? '') >= after).length,
          since,
        );

    await sw.select(box);
    await expect(box).toHaveValue('');
    const keyboard = scanKeyboard(page);
    // An empty note offers the canned phrases whole, first, in the suggestion row.
    await expect(
      keyboard.getByRole('row', { name: 'Suggestions' }).getByRole('button', { name: phrase }),
    ).toBeVisible();
    await sw.select(keyboard.getByRole('button', { name: phrase }));
    // A chosen suggestion leaves a space after it, ready for the next word.
    await expect(box).toHaveValue(`${phrase} `);
    await expect(box).toBeFocused();
    // Row-column scanning goes back to the keyboard's rows, ready for the next key.
    await expect.poll(async () => (await sw.highlight()).kind).toBe('row');
    await sw.select(keyboard.getByRole('button', { name: 'Close keyboard' }));
    await sw.select(notes.getByRole('button', { name: 'Send' }));

    await expect.poll(postedSince).toBe(1);
    await expect(box).toHaveValue('');
  });

  test(`${name}: change the language to Chinese and back`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(appUrl());
    await signIn(page, 'agent');
    const sw: SwitchDriver = await start(page);

    await sw.select(page.getByRole('combobox', { name: 'Language' }));
    const choices = page.getByRole('dialog', { name: 'Choices for Language' });
    await sw.select(choices.getByRole('button', { name: '简体中文' }));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(workspaceLinks(page)).toHaveText(['工单', '班次']);
    await expect(choices).toHaveCount(0);

    // The scan labels follow the language: groups and keys are named in Chinese now.
    await sw.select(page.getByRole('combobox', { name: '语言' }));
    await sw.select(
      page.getByRole('dialog', { name: '语言的选项' }).getByRole('button', { name: 'English' }),
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(workspaceLinks(page)).toHaveText(['Tickets', 'Shifts']);
  });
}
