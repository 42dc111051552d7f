import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuotaView } from '../../renderer/employer/quota/QuotaView';
import { call, expectOk, newId } from '../support/hub-client';
import { certificateFor, inDays, recordMonths, today, unrecordedWorker, withEmployer } from './quota-support';
import { signedInDesk } from './support/signed-in';

// A fresh demo workstation per test (six months of seeded shifts and pay) takes longer than the default
// hook time; set before signedInDesk registers its hooks.
vi.setConfig({ hookTimeout: 60_000 });
/** The quota report over a real demo hub, signed in as the demo employer (supervisor and admin). */
const desk = signedInDesk('employer', { demoHistory: true });

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Last year (all twelve months in scope): a grade-1 worker under a contract
 * ending in 30 days, paid above the minimum with insurance every month
 * except March (no insurance) and May (a wage under the ¥2,690 minimum).
 */
async function recordLastYear() {
  const year = Number(today().slice(0, 4)) - 1;
  return withEmployer(desk.ws.hub.hub.url, async (socket) => {
    const worker = await unrecordedWorker(socket);
    expectOk(
      await call(socket, 'quota.savePerson', {
        id: newId(),
        userId: worker.id,
        grade: 1,
        kind: 'physical',
        certificateNumber: certificateFor('45010219880412301', 'physical', 1),
        contractStart: `${year - 1}-07-01`,
        contractEnd: inDays(30),
      }),
    );
    await recordMonths(
      socket,
      worker.id,
      Array.from({ length: 12 }, (_, i) => {
        const month = `${year}-${String(i + 1).padStart(2, '0')}`;
        return { month, wageFen: i === 4 ? 100_000 : 500_000, insurancePaid: i !== 2 };
      }),
    );
    return { worker, year };
  });
}

async function openYear(year: number) {
  desk.render(<QuotaView />);
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Year' }), String(year));
  return screen.findByRole('region', { name: /^Warnings/ });
}

describe('the quota report', { timeout: 30_000 }, () => {
  it('puts the warnings first, naming the person and the month, and says in the grid who counts and why not', async () => {
    const { worker, year } = await recordLastYear();
    const warnings = await openYear(year);
    const name = worker.displayName;
    const column = () =>
      within(screen.getByRole('table', { name: new RegExp(`each month of ${year}`) }))
        .getAllByRole('columnheader')
        .findIndex((th) => th.textContent === name);

    await within(warnings).findByText(new RegExp(`${name}'s contract ends on`));
    expect(
      within(warnings).getByText(
        `No social insurance is recorded for ${name} in March ${year}, so that month does not count.`,
      ),
    ).toBeInTheDocument();
    expect(
      within(warnings).getByText(
        `${name}'s wage for May ${year} (¥1,000.00) is below the local minimum of ¥2,690.00, so that month does not count.`,
      ),
    ).toBeInTheDocument();

    const link = within(warnings).getByRole('link', { name: `Open ${name}'s record at March ${year}` });
    expect(link).toHaveAttribute('href', '#/employer/people');
    // The warnings come before the figures in reading order.
    const figures = screen.getByRole('region', { name: "The year's figures" });
    expect(warnings.compareDocumentPosition(figures) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // The grid says that a grade 1 worker counts twice, and why an excluded month does not count.
    const grid = await screen.findByRole('table', { name: new RegExp(`each month of ${year}`) });
    const index = column();
    expect(index).toBeGreaterThan(0);
    const cell = (month: string) => {
      const row = within(grid)
        .getByRole('rowheader', { name: `${month} ${year}` })
        .closest('tr');
      if (!row) throw new Error(`no row for ${month}`);
      return row.children[index]?.textContent;
    };
    expect(cell('January')).toBe('Counts twice (grade 1)');
    expect(cell('March')).toBe('Does not count: social insurance not paid');
    expect(cell('May')).toBe('Does not count: wage below the minimum');

    // The levy estimate is there with its parameters and says it is one.
    const levy = screen.getByRole('region', { name: 'Employment-security levy (estimate)' });
    expect(within(levy).getByText(/This is an estimate/)).toBeInTheDocument();
    expect(within(levy).getByText('Small-employer exemption')).toBeInTheDocument();
    expect(within(levy).getByText(/2 × the local average of ¥120,000.00/)).toBeInTheDocument();
  });

  it('exports the verification pack as a real XLSX through the download', async () => {
    const { worker, year } = await recordLastYear();
    await openYear(year);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:quota-pack';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    await userEvent.click(screen.getByRole('button', { name: 'Export verification pack (XLSX)' }));
    await waitFor(() => expect(names).toHaveLength(1));
    expect(names[0]).toMatch(/\.xlsx$/);
    expect(await screen.findByText(`${names[0]} is downloading.`)).toBeInTheDocument();

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (blobs[0] as Blob).arrayBuffer());
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
    expect(cells).toContain(worker.displayName);
    // One row per worker per month: March of that year is one of them.
    expect(cells.some((c) => c.includes(`${year}-03`))).toBe(true);
  });
});
