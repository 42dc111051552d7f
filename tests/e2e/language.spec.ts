import { expect, test } from './support/test';
import { appUrl, resetLanguage, signIn, workspaceLinks } from './support/app';

test.afterEach(async ({ browser }) => {
  const page = await browser.newPage();
  await resetLanguage(page, appUrl());
  await page.close();
});

test('switching to zh-CN and back renames everything, sets <html lang> and survives reloads', async ({
  page,
  browser,
}) => {
  await page.goto(appUrl());
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('textbox', { name: '用户名' })).toBeVisible();
  await expect(page.getByLabel('密码')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  // Saved on the host: a reload, and even a new window, open in Chinese.
  await page.reload();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  const other = await browser.newPage();
  await other.goto(appUrl());
  await expect(other.getByRole('textbox', { name: '用户名' })).toBeVisible();
  await other.close();

  await signIn(page, 'agent');
  await expect(workspaceLinks(page)).toHaveText(['工单', '班次']);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('已连接');
  await expect(page).toHaveTitle('工单 — Wings');

  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(workspaceLinks(page)).toHaveText(['Tickets', 'Shifts']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Tickets — Wings');
  await page.reload();
  await expect(workspaceLinks(page)).toHaveText(['Tickets', 'Shifts']);
  await expect(page.getByRole('complementary', { name: 'Team notes' })).toBeVisible();
});

test('?lng= overrides the saved language without changing it', async ({ page, browser }) => {
  await page.goto(appUrl({ lng: 'zh-CN' }));
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  const other = await browser.newPage();
  await other.goto(appUrl());
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await other.close();
});
