import { expect, type Page } from '@playwright/test';

export const demoPassword = 'wings-demo';

/** The address web mode printed (with its bridge token), from global setup. */
export function appUrl(params: Record<string, string> = {}, base = process.env.WINGS_E2E_URL): string {
  if (!base) throw new Error('WINGS_E2E_URL is not set; run through playwright.config.ts');
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Signs in through the form with the mouse-free path a worker would use. */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.getByRole('textbox', { name: /^(Username|用户名)$/ }).fill(username);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

export function workspaceLinks(page: Page) {
  return page.getByRole('navigation', { name: /^(Workspaces|工作区)$/ }).getByRole('link');
}

export function connectionStatus(page: Page) {
  return page.getByRole('banner').getByRole('status');
}

/** Puts the host's saved language back, so one test's choice does not leak into the next. */
export async function resetLanguage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('combobox', { name: /^(Language|语言)$/ }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}
