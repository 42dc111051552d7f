import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n';
import { AccessibleChart } from '../../renderer/ui/chart/AccessibleChart';
import type { ChartPoint, ChartSeries } from '../../renderer/ui/chart/chart-types';
import { i18nFor } from './support/providers';

const series: ChartSeries[] = [
  { key: 'tickets', label: 'Tickets' },
  { key: 'gmv', label: 'GMV', pattern: 'dots' },
];
const points: ChartPoint[] = [
  { key: '2026-12-01', label: 'Mon 1 Dec', values: { tickets: 12, gmv: 30_000 } },
  { key: '2026-12-02', label: 'Tue 2 Dec', values: { tickets: 7, gmv: 0 } },
  { key: '2026-12-03', label: 'Wed 3 Dec', values: { tickets: 0 } },
];
const format = (n: number, key: string) => (key === 'gmv' ? `¥${(n / 100).toFixed(2)}` : String(n));

function chart(language: Language = 'en') {
  return render(
    <I18nextProvider i18n={i18nFor(language)}>
      <AccessibleChart
        title="Output this week"
        summary="19 tickets resolved; the busiest day was Monday."
        series={series}
        points={points}
        format={format}
        pointHeader="Day"
      />
    </I18nextProvider>,
  );
}

describe('AccessibleChart', () => {
  it('is a figure named by its title, with the text summary in its caption', () => {
    chart();
    const figure = screen.getByRole('figure', { name: 'Output this week' });
    expect(figure).toHaveAccessibleDescription('19 tickets resolved; the busiest day was Monday.');
    expect(within(figure).getByText('19 tickets resolved; the busiest day was Monday.')).toBeVisible();
    // The drawing itself is hidden; its points and the table carry the data.
    const outermost = [...figure.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
    expect(outermost.length).toBeGreaterThan(1);
    for (const svg of outermost) expect(svg).toHaveAttribute('aria-hidden', 'true');
    // Every series is drawn with its own pattern, not a colour alone.
    const fills = [...figure.querySelectorAll('.chart__legend rect')].map((r) => r.getAttribute('fill'));
    expect(new Set(fills).size).toBe(series.length);
    for (const fill of fills) {
      const id = /^url\(#(.+)\)$/.exec(fill ?? '')?.[1] ?? '';
      expect(figure.querySelector(`pattern#${CSS.escape(id)}`)).not.toBeNull();
    }
  });

  it('names each data point with all its values, and arrow keys, Home and End move between them', async () => {
    chart();
    const group = screen.getByRole('group', { name: 'Output this week: data points' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Mon 1 Dec: Tickets 12, GMV ¥300.00',
      'Tue 2 Dec: Tickets 7, GMV ¥0.00',
      'Wed 3 Dec: Tickets 0, GMV ¥0.00',
    ]);
    // One Tab stop for the whole chart.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    const [first, second, third] = buttons;
    if (!first || !second || !third) throw new Error('three points expected');

    await userEvent.tab();
    await userEvent.tab();
    expect(first).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(second).toHaveFocus();
    expect(second.tabIndex).toBe(0);
    await userEvent.keyboard('{End}');
    expect(third).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(third).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(first).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowUp}');
    expect(first).toHaveFocus();
    // What the focused point holds is also written out for those who read rather than listen.
    expect(
      screen.getByText('Mon 1 Dec: Tickets 12, GMV ¥300.00', { selector: '.chart__readout' }),
    ).toBeVisible();
    // Activating a point (Enter, a switch, a click) chooses it.
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(second).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows its data-table twin on the toggle, with the same values, and goes back', async () => {
    chart();
    await userEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.queryByRole('group', { name: /data points/ })).toBeNull();
    const table = screen.getByRole('table', { name: 'Output this week' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => [h.textContent, h.getAttribute('scope')]);
    expect(headers).toEqual([
      ['Day', 'col'],
      ['Tickets', 'col'],
      ['GMV', 'col'],
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual(
      points.map((p) => [p.label, ...series.map((s) => format(p.values[s.key] ?? 0, s.key))]),
    );
    for (const th of within(table).getAllByRole('rowheader')) expect(th).toHaveAttribute('scope', 'row');

    await userEvent.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('group', { name: 'Output this week: data points' })).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    chart('zh-CN');
    const group = screen.getByRole('group', { name: 'Output this week：数据点' });
    expect(within(group).getAllByRole('button')[0]).toHaveAccessibleName(
      'Mon 1 Dec：Tickets 12，GMV ¥300.00',
    );
    await userEvent.click(screen.getByRole('button', { name: '以表格显示' }));
    expect(screen.getByRole('button', { name: '以图表显示' })).toBeInTheDocument();
  });
});
