import { expect, test } from './support/test';
import { appUrl, signIn } from './support/app';
import { expectNoAxeViolations, ownInstance, setDisplay, themes } from './support/display';
import { screenshot } from './support/shots';

const url = ownInstance();
const tabs = ['Agents', 'Assignment and SLA', 'Canned replies', 'Satisfaction'] as const;

test.describe.configure({ mode: 'serial' });

for (const theme of themes) {
  test(`the supervisor view has no WCAG 2.2 AA violations in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(appUrl({}, url()));
    await signIn(page, 'employer');
    await setDisplay(page, url(), { theme });
    await page.goto(appUrl({}, url()) + '#/tickets');
    await page.getByRole('button', { name: 'Supervisor view' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Supervisor view' })).toBeVisible();
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      const panel = page.getByRole('tabpanel', { name });
      await expect(panel).toBeVisible();
      if (name === 'Agents') {
        await expect(panel.getByRole('table', { name: 'Agents' })).toBeVisible();
        await panel
          .getByRole('button', { name: /^Edit profile: / })
          .first()
          .click();
        await expect(panel.getByRole('region', { name: /^Accommodation profile: / })).toBeVisible();
      }
      if (name === 'Canned replies') {
        await expect(panel.getByRole('region', { name: /^Organisation-wide \([1-9]/ })).toBeVisible();
        await panel.getByRole('button', { name: 'New canned reply' }).click();
        // The form with an error showing: the state a worker meets when a variable is mistyped.
        await panel.getByRole('textbox', { name: 'Reply text' }).fill('您好 {customer.nam}');
        await expect(panel.getByText(/^Unknown variable/)).toBeVisible();
        await expectNoAxeViolations(page, `${theme} supervisor · canned form`);
        // One agent's own replies, as the supervisor manages them with her.
        await panel.getByRole('combobox', { name: 'Whose replies' }).selectOption({ label: '韦秀兰' });
        await expect(panel.getByRole('region', { name: /^韦秀兰's replies \(\d+\)$/ })).toBeVisible();
      }
      if (name === 'Satisfaction') await expect(panel.getByText(/^Average /)).toBeVisible();
      await expectNoAxeViolations(page, `${theme} supervisor · ${name}`);
      await screenshot(page, `supervisor-${theme}-${tabs.indexOf(name)}`);
    }
    await setDisplay(page, url(), { theme: 'default' });
  });
}

test('at 200 % text the supervisor view reflows: no sideways scrolling of the page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(appUrl({}, url()));
  await signIn(page, 'employer');
  await setDisplay(page, url(), { textScale: 2 });
  for (const width of [1280, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(appUrl({}, url()) + '#/tickets');
    await page.getByRole('button', { name: 'Supervisor view' }).click();
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      await expect(page.getByRole('tabpanel', { name })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      await screenshot(page, `supervisor-200-${width}-${tabs.indexOf(name)}`);
    }
  }
  await setDisplay(page, url(), { textScale: 1 });
});

test('the status toggle has no violations and reads the same in Chinese', async ({ page }) => {
  await page.goto(appUrl({ lng: 'zh-CN' }, url()));
  await signIn(page, 'agent');
  await page.goto(appUrl({ lng: 'zh-CN' }, url()) + '#/tickets');
  const status = page.getByRole('group', { name: '状态' });
  await expect(status.getByRole('radio', { name: '在线' })).toBeVisible();
  await expect(status.getByRole('radio', { name: '忙碌' })).toBeVisible();
  await expect(status.getByRole('radio', { name: '离开' })).toBeVisible();
  await expect(status.getByRole('radio', { name: '离线' })).toBeChecked();
  await expectNoAxeViolations(page, 'presence zh-CN');
  await screenshot(page, 'presence-zh-CN');
});
