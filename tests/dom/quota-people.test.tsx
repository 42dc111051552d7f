import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../../shared/bridge';
import { PeopleView } from '../../renderer/employer/quota/PeopleView';
import { call, expectOk, newId } from '../support/hub-client';
import { until } from '../support/until';
import { certificateFor, unrecordedWorker, withEmployer } from './quota-support';
import { signedInDesk } from './support/signed-in';

// A fresh demo workstation per test (six months of seeded shifts and pay) takes longer than the default
// hook time; set before signedInDesk registers its hooks.
vi.setConfig({ hookTimeout: 60_000 });
const desk = signedInDesk('employer', { demoHistory: true });

describe('the disabled workers’ records', { timeout: 40_000 }, () => {
  it('checks the fields in words tied to them, sends what was typed, and never shows the whole certificate again', async () => {
    const user = userEvent.setup();
    const worker = await withEmployer(desk.ws.hub.hub.url, unrecordedWorker);
    const sent: OutboxEntry[] = [];
    const stop = desk.session.outbox.onDelivered((entry) => {
      if (entry.event === 'quota.savePerson') sent.push(entry);
    });
    try {
      desk.render(<PeopleView />);
      await user.click(await screen.findByRole('button', { name: 'Add a record' }));
      const editor = await screen.findByRole('region', { name: 'New record' });
      expect(within(editor).getByRole('heading', { name: 'New record' })).toHaveFocus();

      // Nothing filled in: every refusal at once, each described on its own field.
      await user.click(within(editor).getByRole('button', { name: 'Save the record' }));
      const picker = within(editor).getByRole('combobox', { name: 'Worker' });
      expect(picker).toHaveAttribute('aria-invalid', 'true');
      expect(picker).toHaveAccessibleDescription('This is needed.');
      const certificate = within(editor).getByRole('textbox', { name: 'Certificate number (残疾人证号)' });
      expect(certificate).toHaveAccessibleDescription(expect.stringContaining('This is needed.'));

      const number = certificateFor('45010219900101123', 'physical', 2);
      await user.selectOptions(picker, String(worker.id));
      await user.click(within(editor).getByRole('radio', { name: 'Grade 2 (counts as two)' }));
      await user.selectOptions(
        within(editor).getByRole('combobox', { name: 'Type of disability' }),
        'physical',
      );
      // A grade digit that disagrees with the grade chosen is refused beside the field.
      await user.type(certificate, `${number.slice(0, 19)}3`);
      await user.type(
        within(editor).getByRole('textbox', { name: 'Contract start (YYYY-MM-DD)' }),
        '2025-03-01',
      );
      const end = within(editor).getByRole('textbox', { name: 'Last day of the contract (YYYY-MM-DD)' });
      await user.type(end, '2025-02-01');
      await user.click(within(editor).getByRole('button', { name: 'Save the record' }));
      expect(certificate).toHaveAccessibleDescription(
        expect.stringContaining('The last digit does not match the grade chosen.'),
      );
      expect(end).toHaveAccessibleDescription(
        expect.stringContaining('The contract must end on or after its start.'),
      );
      expect(sent).toHaveLength(0);

      await user.clear(certificate);
      await user.type(certificate, number);
      await user.clear(end);
      await user.type(end, '2027-02-28');
      await user.click(within(editor).getByRole('button', { name: 'Save the record' }));
      await until(() => sent.length === 1, 10_000, 'the record was delivered');
      expect(sent[0]?.payload).toMatchObject({
        userId: worker.id,
        grade: 2,
        kind: 'physical',
        certificateNumber: number,
        contractStart: '2025-03-01',
        contractEnd: '2027-02-28',
      });

      // The hub holds exactly that, masked.
      const { records } = await withEmployer(desk.ws.hub.hub.url, async (s) =>
        expectOk(await call(s, 'quota.people', {})),
      );
      const saved = records.find((r) => r.user.id === worker.id);
      expect(saved).toMatchObject({ grade: 2, kind: 'physical', contractEnd: '2027-02-28' });
      expect(saved?.certificateLast4).toBe(number.slice(-4));

      // After the save: the field is empty, the masked form is what is on file, the number is nowhere.
      const edited = await screen.findByRole('region', { name: `${worker.displayName}'s record` });
      expect(await within(edited).findByText('The record is saved.')).toBeInTheDocument();
      expect(within(edited).getByRole('textbox', { name: 'Certificate number (残疾人证号)' })).toHaveValue(
        '',
      );
      const item = (await screen.findByRole('heading', { level: 3, name: worker.displayName })).closest('li');
      if (!item) throw new Error('the record is not a list item');
      expect(within(item).getByText(`Certificate ${saved?.certificateMasked ?? ''}`)).toBeInTheDocument();
      expect(document.body.textContent).not.toContain(number);
      expect(document.body.textContent).not.toContain(number.slice(0, 18));
      for (const input of document.querySelectorAll('input'))
        expect(input.value).not.toContain(number.slice(0, 10));
    } finally {
      stop();
    }
  });

  it('asks before removing a record, and the first choice keeps it', async () => {
    const user = userEvent.setup();
    const worker = await withEmployer(desk.ws.hub.hub.url, async (socket) => {
      const w = await unrecordedWorker(socket);
      expectOk(
        await call(socket, 'quota.savePerson', {
          id: newId(),
          userId: w.id,
          grade: 3,
          kind: 'hearing',
          certificateNumber: certificateFor('45010219850607452', 'hearing', 3),
          contractStart: '2024-01-01',
          contractEnd: null,
        }),
      );
      return w;
    });
    desk.render(<PeopleView />);
    const heading = await screen.findByRole('heading', { level: 3, name: worker.displayName });
    const item = heading.closest('li');
    if (!item) throw new Error('the record is not a list item');
    const actions = within(item).getByRole('group', { name: `Actions for ${worker.displayName}` });
    await user.click(within(actions).getByRole('button', { name: `Remove ${worker.displayName}'s record` }));

    const confirm = within(item).getByRole('group', { name: /Remove .*'s record\?/ });
    const choices = within(confirm).getAllByRole('button');
    expect(choices.map((b) => b.textContent)).toEqual(['Keep the record', 'Remove the record']);
    expect(choices[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(item).queryByRole('group', { name: /Remove .*'s record\?/ })).toBeNull();

    await user.click(within(item).getByRole('button', { name: `Remove ${worker.displayName}'s record` }));
    await user.click(within(item).getByRole('button', { name: 'Remove the record' }));
    await until(
      async () =>
        !(
          await withEmployer(desk.ws.hub.hub.url, async (s) => expectOk(await call(s, 'quota.people', {})))
        ).records.some((r) => r.user.id === worker.id),
      10_000,
      'the hub removed the record',
    );
    expect(await screen.findByText(`${worker.displayName}'s record was removed.`)).toBeInTheDocument();
  });
});
