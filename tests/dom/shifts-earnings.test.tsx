import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EarningsPanel } from '../../renderer/shifts/EarningsPanel';
import { ShiftsWorkspace } from '../../renderer/shifts/ShiftsWorkspace';
import { StatementPanel } from '../../renderer/shifts/StatementPanel';
import type { Session } from '../../renderer/session/session';
import { dayKeyOf, defaultTimeZone, monthKeyOf } from '../../shared/domain/calendar';
import { fenFormatter, parseYuanToFen } from '../../shared/domain/live/money';
import {
  call,
  expectOk,
  newId,
  signIn,
  startHub,
  type ClientSocket,
  type TestHub,
} from '../support/hub-client';
import { openWorkstation, signInOnHost, testSession, type Workstation } from '../support/workstation';
import { AppProviders } from './support/providers';

/**
 * The worker's earnings, "what my employer sees" and the monthly statement,
 * against a real demo hub whose ledger the supervisor corrected: the figures
 * the worker reads are the hub's, formatted in ¥, and the employer's row is
 * the one the employer's own report answers.
 */
let hub: TestHub;
let employer: ClientSocket;
let agentId: number;
const yuan = fenFormatter('en');
const today = dayKeyOf(Date.now(), defaultTimeZone);

beforeAll(async () => {
  hub = await startHub({ demo: true, allowedOrigins: [window.location.origin] });
  employer = await signIn(hub.hub.url, 'employer', 'wings-demo');
  const agent = await signIn(hub.hub.url, 'agent', 'wings-demo');
  agentId = expectOk(await call(agent, 'session.whoami', {})).user.id;
  agent.close();
  // Two corrections today: ¥123.45 for a missed shift, ¥-20.00 for a double-counted ticket.
  for (const [amountFen, reason] of [
    [12_345, 'Shift on 1 December was not recorded'],
    [-2_000, 'Ticket counted twice'],
  ] as const) {
    expectOk(
      await call(employer, 'ledger.correct', { id: newId(), userId: agentId, amountFen, day: today, reason }),
    );
  }
}, 120_000);
afterAll(async () => {
  employer.close();
  await hub.stop();
});

let ws: Workstation | null = null;
let session: Session | null = null;
beforeEach(async () => {
  ws = await openWorkstation({ hub });
  session = testSession(ws, await signInOnHost(ws, 'agent'));
}, 60_000);
afterEach(async () => {
  await session?.dispose();
  await ws?.close();
  session = null;
  ws = null;
});

function show(ui: ReactNode) {
  if (!ws || !session) throw new Error('no workstation');
  return render(
    <AppProviders ws={ws} session={session}>
      {ui}
    </AppProviders>,
  );
}

describe('earnings', { timeout: 60_000 }, () => {
  it('shows the period totals in ¥ and exactly the row the employer sees', async () => {
    const user = userEvent.setup();
    show(<EarningsPanel />);
    const panel = screen.getByRole('region', { name: 'Your earnings' });
    const periods = within(panel).getByRole('group', { name: 'Period' });
    expect(within(periods).getByRole('radio', { name: 'Today' })).toBeChecked();

    const expected = expectOk(
      await call(employer, 'earnings.worker', {
        userId: agentId,
        period: 'day',
        day: today,
        offset: 0,
        limit: 50,
      }),
    );
    await waitFor(() =>
      expect(within(panel).getByTestId('earnings-total')).toHaveTextContent(yuan(expected.totalFen)),
    );
    const byKind = within(panel).getByRole('table', { name: 'Earnings by kind' });
    const corrections = within(byKind).getByRole('row', { name: /Corrections/ });
    expect(corrections).toHaveTextContent(yuan(expected.byKind.correction));
    // The corrections net to ¥103.45, formatted from fen with grouping and the yuan sign.
    expect(expected.byKind.correction).toBe(10_345);
    expect(corrections).toHaveTextContent('¥103.45');

    // "What my employer sees" is the employer's output report row for the worker, figure for figure.
    const report = expectOk(await call(employer, 'output.report', { from: expected.from, to: expected.to }));
    const row = report.rows.find((r) => r.user.id === agentId);
    if (!row) throw new Error('the agent is not in the report');
    const seen = within(panel).getByRole('region', { name: 'What my employer sees' });
    const table = within(seen).getByRole('table');
    expect(within(table).getByRole('row', { name: /Earnings/ })).toHaveTextContent(yuan(row.earningsFen));
    expect(within(table).getByRole('row', { name: /Tickets resolved/ })).toHaveTextContent(
      String(row.ticketsResolved),
    );
    expect(within(table).getByRole('row', { name: /Orders/ })).toHaveTextContent(String(row.orders));

    // This month: a chart of the days with its table twin, and the forecast with how it was reached.
    await user.click(within(periods).getByRole('radio', { name: 'This month' }));
    const month = expectOk(
      await call(employer, 'earnings.worker', {
        userId: agentId,
        period: 'month',
        day: today,
        offset: 0,
        limit: 50,
      }),
    );
    await within(panel).findByRole('figure', { name: 'Earnings per day' });
    if (month.forecast) {
      await within(panel).findByText(`About ${yuan(month.forecast.forecastFen)} by the end of the month`);
    }
    expect(within(panel).getByTestId('earnings-total')).toHaveTextContent(yuan(month.totalFen));
  });
});

describe('the monthly statement', { timeout: 60_000 }, () => {
  it('lists the lines and corrections, whose amounts sum to the total, in a printable document', async () => {
    const user = userEvent.setup();
    show(<StatementPanel />);
    const panel = screen.getByRole('region', { name: 'Monthly pay statement' });
    const thisMonth = monthKeyOf(today);
    expect(within(panel).getByRole('combobox', { name: 'Month' })).toHaveValue(thisMonth);
    await user.click(within(panel).getByRole('button', { name: 'Show statement' }));

    const doc = await within(panel).findByRole('article', { name: /^Pay statement, / });
    expect(doc).toHaveAttribute('data-print-root');
    expect(within(doc).getByRole('toolbar', { name: 'Statement actions' })).toContainElement(
      within(doc).getByRole('button', { name: 'Save as PDF' }),
    );
    const fenOf = (text: string | null | undefined): number => {
      const negative = (text ?? '').includes('-');
      const fen = parseYuanToFen((text ?? '').replace(/[-,]/g, ''));
      if (fen === null) throw new Error(`not an amount: ${text}`);
      return negative ? -fen : fen;
    };
    const amounts = [
      ...within(doc).queryAllByTestId('statement-line'),
      ...within(doc).getAllByTestId('statement-correction'),
    ].map((row) => fenOf(row.lastElementChild?.textContent));
    expect(within(doc).getAllByTestId('statement-correction')).toHaveLength(2);
    expect(doc).toHaveTextContent('Ticket counted twice');
    expect(doc).toHaveTextContent('-¥20.00');
    const total = fenOf(within(doc).getByTestId('statement-total').textContent);
    expect(amounts.reduce((sum, fen) => sum + fen, 0)).toBe(total);

    const statement = expectOk(await call(employer, 'statement.get', { userId: agentId, month: thisMonth }));
    expect(total).toBe(statement.totalFen);

    // Save as PDF: this workstation's host is in web mode (no window to print), so the browser's print opens.
    // happy-dom has no print dialog: this stands in for the browser's, and counts how often it opened.
    const print = vi.fn();
    const browserPrint = Object.getOwnPropertyDescriptor(window, 'print');
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    window.wings = ws?.bridge;
    try {
      await user.click(within(doc).getByRole('button', { name: 'Save as PDF' }));
      await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
      await waitFor(() =>
        expect(screen.getByTestId('alerts-status')).toHaveTextContent(
          'The print dialog is open: choose a printer, or “Save as PDF”.',
        ),
      );
    } finally {
      delete window.wings;
      if (browserPrint) Object.defineProperty(window, 'print', browserPrint);
      else Reflect.deleteProperty(window, 'print');
    }
  });

  it("reads in Chinese, the workers' first language", async () => {
    if (!ws || !session) throw new Error('no workstation');
    const user = userEvent.setup();
    render(
      <AppProviders ws={ws} session={session} language="zh-CN">
        <StatementPanel />
      </AppProviders>,
    );
    const panel = screen.getByRole('region', { name: '月度工资单' });
    await user.click(within(panel).getByRole('button', { name: '查看工资单' }));
    const doc = await within(panel).findByRole('article', { name: /工资单$/ });
    expect(doc).toHaveTextContent('人工更正');
    expect(doc).toHaveTextContent('本月合计');
    expect(within(doc).getByRole('button', { name: '保存为 PDF' })).toBeInTheDocument();
  });
});

describe('the Shifts view', { timeout: 60_000 }, () => {
  it('names its parts, opens the week the address asks for, and moves focus to its heading', async () => {
    const { rerender } = show(<ShiftsWorkspace week="2026-W49" focusRequest={0} />);
    const heading = screen.getByRole('heading', { level: 1, name: 'Shifts' });
    expect(heading).not.toHaveFocus();
    for (const name of ['Your shift', 'Your earnings', 'Monthly pay statement'])
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    // ISO week 49 of 2026 runs Monday 30 November to Sunday 6 December.
    expect(screen.getByRole('radio', { name: 'This week' })).toBeChecked();
    await screen.findByText('Nov 30, 2026 to Dec 6, 2026');

    if (!ws || !session) throw new Error('no workstation');
    rerender(
      <AppProviders ws={ws} session={session}>
        <ShiftsWorkspace week="2026-W49" focusRequest={1} />
      </AppProviders>,
    );
    expect(heading).toHaveFocus();
  });
});
