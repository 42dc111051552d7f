import { expect, type Locator, type Page } from '@playwright/test';

/** "¥1,234.50", "-¥3.00" or "¥0.00" back to integer fen: the figures are compared as numbers. */
export function fenOf(text: string): number {
  const cleaned = text.replace(/[^\d.-]/g, '');
  const [yuan = '0', cents = '0'] = cleaned.replace('-', '').split('.');
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
  return cleaned.startsWith('-') ? -fen : fen;
}

/** "2 h 5 min" / "35 min" (or "2 小时 5 分钟") back to whole minutes. */
export function minutesOf(text: string): number {
  const numbers = text.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 2) return (numbers[0] ?? 0) * 60 + (numbers[1] ?? 0);
  return numbers[0] ?? 0;
}

/** A table's body rows as header → cell text, read the way a screen reader pairs them. */
export async function tableRows(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((el) => {
    const headers = [...el.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
    return [...el.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim());
      return Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? '']));
    });
  });
}

/** A two-column figure table (label header, value cell) as label → value. */
export async function figureTable(table: Locator): Promise<Record<string, string>> {
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        (tr.querySelector('th')?.textContent ?? '').trim(),
        (tr.querySelector('td')?.textContent ?? '').trim(),
      ]),
    );
  return Object.fromEntries(rows);
}

export function clockPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^(Your shift|我的班次)$/ });
}

export function earningsPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^(Your earnings|我的收入)$/ });
}

/** "What my employer sees": the worker's row of the employer's report, as label → value. */
export async function employerSees(page: Page): Promise<Record<string, string>> {
  const table = earningsPanel(page).getByRole('table', { name: /^(What my employer sees|雇主看到的数据)$/ });
  await expect(table).toBeVisible();
  return figureTable(table);
}

/** Earnings by kind (label → amount) and the total, once the panel has loaded. */
export async function earningsByKind(page: Page): Promise<{ total: number; kinds: Record<string, number> }> {
  const panel = earningsPanel(page);
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  const table = panel.getByRole('table', { name: /^(Earnings by kind|各项收入)$/ });
  await expect(table).toBeVisible();
  const kinds = Object.fromEntries(Object.entries(await figureTable(table)).map(([k, v]) => [k, fenOf(v)]));
  const total = fenOf(await panel.getByTestId('earnings-total').innerText());
  return { total, kinds };
}

/** Presses `key` until `target` has focus: the way a keyboard user gets anywhere. */
export async function pressUntilFocused(page: Page, key: string, target: Locator, max = 40): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
