import { expect, test } from './support/test';
import { appUrl, demoPassword, signIn, workspaceLinks } from './support/app';

test('the demo agent signs in with the keyboard alone and sees only the agent workspaces', async ({
  page,
}) => {
  await page.goto(appUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // The token leaves the visible address as soon as the page has it.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  // Where the password goes is shown before it is typed.
  await expect(page.getByRole('main')).toContainText(
    'Your password goes to the built-in hub on this computer.',
  );

  const username = page.getByRole('textbox', { name: 'Username' });
  for (
    let presses = 0;
    presses < 10 && !(await username.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(username).toBeFocused();
  await page.keyboard.type('agent');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('banner')).toContainText('Demo Shop');
  await expect(workspaceLinks(page)).toHaveText(['Tickets', 'Shifts']);
  const tickets = page.getByRole('heading', { level: 1, name: 'Tickets' });
  await expect(tickets).toBeFocused();
  await expect(page).toHaveTitle('Tickets — Wings');
  await expect(workspaceLinks(page).filter({ hasText: 'Tickets' })).toHaveAttribute('aria-current', 'page');

  // Onward to Shifts with the keyboard alone: Shift+Tab from the heading reaches the
  // navigation (one stop, on the current workspace; the queue's many stops lie after the
  // heading), the arrow moves within it (roving tabindex), Enter opens.
  const ticketsLink = workspaceLinks(page).filter({ hasText: 'Tickets' });
  const shiftsLink = workspaceLinks(page).filter({ hasText: 'Shifts' });
  for (
    let presses = 0;
    presses < 10 && !(await ticketsLink.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(ticketsLink).toBeFocused();
  await expect(shiftsLink).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowDown');
  await expect(shiftsLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeFocused();
  await expect(shiftsLink).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Shifts — Wings');
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Your shift' })).toBeVisible();

  // A reload keeps the session (the host holds it) and the workspace (the address).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Shifts' })).toBeVisible();
  // The page itself holds no hub token: only the bridge's launch token, for this tab.
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['wings.bridgeToken']);
});

test('each demo role sees exactly its workspaces', async ({ browser }) => {
  const expected: Record<string, string[]> = {
    anchor: ['Live', 'Shifts'],
    employer: ['Tickets', 'Live', 'Employer'],
  };
  for (const [username, workspaces] of Object.entries(expected)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl());
    await page.getByRole('textbox', { name: 'Username' }).fill(username);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(workspaceLinks(page)).toHaveText(workspaces);
    // The next worker starts at the sign-in screen: the host ends this one's session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
    await context.close();
  }
});

test('a wrong password is announced and tied to the fields, then sign-out returns to the form', async ({
  page,
}) => {
  await page.goto(appUrl());
  await expect(page.getByText('wings-demo')).toBeVisible(); // the demo hint of a fresh embedded hub
  await page.getByRole('button', { name: 'Sign in' }).click();
  const username = page.getByRole('textbox', { name: 'Username' });
  await expect(username).toBeFocused();
  await expect(username).toHaveAccessibleDescription('Enter your username.');

  await username.fill('agent');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'not correct' });
  await expect(alert).toHaveText('The username or password is not correct.');
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/not correct/);
  await expect(username).toHaveAccessibleDescription(/not correct/);

  await page.getByLabel('Password').fill(demoPassword);
  await page.keyboard.press('Enter');
  await expect(workspaceLinks(page)).toHaveText(['Tickets', 'Shifts']);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  await expect(page).toHaveTitle('Sign in — Wings');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // Another worker on the same PC gets their own session and workspaces.
  await signIn(page, 'anchor');
  await expect(workspaceLinks(page)).toHaveText(['Live', 'Shifts']);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Connected');
});
