import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { oneSwitch, restoreScanProfile, scanKeyboard, twoSwitch, type SwitchDriver } from './support/switch';

test.afterEach(async () => {
  await restoreScanProfile();
});

const modes = [
  ['one switch', oneSwitch],
  ['two switches', twoSwitch],
] as const;

for (const [name, start] of modes) {
  test(`${name}: write Chinese by pinyin initials, then take a predicted word`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(appUrl());
    await signIn(page, 'agent');
    const notes = page.getByRole('complementary', { name: 'Team notes' });
    const box = notes.getByRole('textbox', { name: 'Note to your team' });
    // The draft is kept across tests (as it is for a worker): start from an empty note.
    await box.fill('');
    await expect(box).toHaveValue('');
    const sw: SwitchDriver = await start(page);
    await sw.select(box);
    const keyboard = scanKeyboard(page);
    const keys = keyboard.getByRole('grid');
    const pinyin = keys.getByRole('button', { name: 'Pinyin', exact: true });
    if ((await pinyin.getAttribute('aria-pressed')) !== 'true') await sw.select(pinyin);
    await expect(pinyin).toHaveAttribute('aria-pressed', 'true');

    // Initials only: n, h, and 你好 is offered among the candidates, named by its text.
    await sw.select(keys.getByRole('button', { name: 'n', exact: true }));
    await expect(keyboard.getByText('Pinyin: n', { exact: true })).toBeVisible();
    await sw.select(keys.getByRole('button', { name: 'h', exact: true }));
    const candidates = keys.getByRole('row', { name: 'Characters for nh' });
    const nihao = candidates.getByRole('button', { name: '你好', exact: true });
    await expect(nihao).toHaveAttribute('lang', 'zh-CN');
    await sw.select(nihao);
    await expect(box).toHaveValue('你好');
    await expect(box).toBeFocused();

    // After a choice the row predicts what follows; one press takes a word.
    const suggestions = keys.getByRole('row', { name: 'Suggestions' });
    const next = suggestions.getByRole('button').first();
    const word = (await next.textContent()) ?? '';
    expect(word).toMatch(/\p{Script=Han}/u);
    await sw.select(next);
    await expect(box).toHaveValue(`你好${word}`);

    // Back to English letters: completions of the word being spelled.
    await sw.select(pinyin);
    await expect(pinyin).toHaveAttribute('aria-pressed', 'false');
    await sw.select(keys.getByRole('button', { name: 'Space', exact: true }));
    await sw.select(keys.getByRole('button', { name: 't', exact: true }));
    await sw.select(keys.getByRole('button', { name: 'h', exact: true }));
    const completion = keys
      .getByRole('row', { name: 'Suggestions' })
      .getByRole('button', { name: 'the', exact: true });
    await sw.select(completion);
    await expect(box).toHaveValue(`你好${word} the `);
    await page.screenshot({ path: `/tmp/shots-lead/pinyin-${name.replace(' ', '-')}.png` });
    await sw.select(keys.getByRole('button', { name: 'Close keyboard' }));
    await expect(keyboard).toHaveCount(0);
    // The shared instance keeps drafts: leave the note empty for the next spec.
    await box.fill('');
  });
}
