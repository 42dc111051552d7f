import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, defaultTimeZone, monthKeyOf, startOfDay } from '../../shared/domain/calendar';
import type { Ack } from '../../shared/protocol/ack';
import type { OutputReport, OutputRow } from '../../shared/protocol/pay';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import {
  callChat,
  connectCustomer,
  makeOrg,
  openStarts,
  startChat,
  testPassword,
  withStore,
} from '../support/tickets';

const rates = {
  hourlyFen: 2500,
  perTicketFen: 150,
  csatBonusFen: 200,
  csatMinScore: 4,
  liveHourFen: 3000,
  commissionBp: 500,
};

function codeOf(ack: Ack<unknown>): string | null {
  return ack.ok ? null : ack.error.code;
}

/** RFC 4180 fields of one CSV text, quotes and all. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

const yuanToFen = (text: string): number => {
  const [whole = '0', cents = '00'] = text.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(cents);
  return text.startsWith('-') ? -fen : fen;
};

/** Rules, the ledger from real facts, corrections, refunds, exports and isolation, on a real hub. */
describe('pay: rules, the earnings ledger, statements and the output report', () => {
  let t: TestHub;
  let org: TestOrg;
  let other: TestOrg;
  let lan: ClientSocket;
  let fang: ClientSocket;
  let boss: ClientSocket;
  let stranger: ClientSocket;
  let customer: ClientSocket;
  let ticketId = 0;
  let orderId = 0;
  const today = dayKeyOf(Date.now(), defaultTimeZone);
  const month = monthKeyOf(today);
  /**
   * When the facts of "today" happen: now, or two hours into the day when the
   * run is just after midnight in China, so an hour-long broadcast or shift
   * that ended "now" never began yesterday.
   */
  const factsNow = () => Math.max(Date.now(), startOfDay(today, defaultTimeZone) + 2 * 60 * 60_000);

  beforeAll(async () => {
    t = await startHub({ tickets: { ...openStarts } });
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'fang', displayName: '黄芳', roles: ['anchor'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    other = await makeOrg(t.dataDir, 'Other Farm', [
      { username: 'stranger', displayName: 'Stranger', roles: ['supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
    fang = await signIn(t.hub.url, 'fang', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    stranger = await signIn(t.hub.url, 'stranger', testPassword);
  });
  afterAll(async () => {
    for (const s of [lan, fang, boss, stranger, customer]) s?.close();
    await t.stop();
  });

  it('versions rules from today on, refuses a past day clearly, and keeps agents out', async () => {
    const past = await call(boss, 'pay.saveRule', {
      id: newId(),
      userId: null,
      effectiveFrom: addDays(today, -1),
      ...rates,
    });
    expect(codeOf(past)).toBe('invalid_input');
    expect(past.ok ? '' : past.error.message).toContain(`today (${today}) or later`);
    const byAgent = await call(lan, 'pay.saveRule', {
      id: newId(),
      userId: null,
      effectiveFrom: today,
      ...rates,
    });
    expect(codeOf(byAgent)).toBe('forbidden');

    const saved = expectOk(
      await call(boss, 'pay.saveRule', { id: newId(), userId: null, effectiveFrom: today, ...rates }),
    );
    expect(saved.rule).toMatchObject({
      userId: null,
      effectiveFrom: today,
      ...rates,
      author: { displayName: '陈立新' },
    });
    expectOk(
      await call(boss, 'pay.saveRule', {
        id: newId(),
        userId: org.users.fang ?? 0,
        effectiveFrom: addDays(today, 1),
        ...rates,
        commissionBp: 800,
      }),
    );
    const view = expectOk(await call(boss, 'pay.rules', {}));
    expect(view.timeZone).toBe(defaultTimeZone);
    expect(view.today).toBe(today);
    expect(view.org.map((r) => r.effectiveFrom)).toEqual([today]);
    expect(view.overrides).toEqual([
      {
        userId: org.users.fang,
        displayName: '黄芳',
        versions: [expect.objectContaining({ commissionBp: 800 })],
      },
    ]);
    expect(
      codeOf(
        await call(stranger, 'pay.saveRule', {
          id: newId(),
          userId: org.users.lan ?? 0,
          effectiveFrom: today,
          ...rates,
        }),
      ),
    ).toBe('not_found');
  });

  it('posts a resolved ticket once, to its assignee, and a good rating’s bonus', async () => {
    expectOk(await call(lan, 'agents.setPresence', { id: newId(), presence: 'available' }));
    const chat = await startChat(t.hub.url, { org: org.orgId, name: '王芳', message: '快递到哪里了？' });
    customer = await connectCustomer(t.hub.url, chat.token);
    ticketId = expectOk(await call(lan, 'tickets.list', { view: 'mine' })).items[0]?.id ?? 0;
    expect(ticketId).toBeGreaterThan(0);
    expectOk(
      await call(lan, 'tickets.reply', {
        id: newId(),
        ticketId,
        body: '已经发出了。',
        internal: false,
        seenSeq: 99,
      }),
    );
    expectOk(await call(lan, 'tickets.setStatus', { id: newId(), ticketId, status: 'resolved' }));
    expectOk(await callChat(customer, 'chat.rate', { id: newId(), score: 5 }));

    const first = expectOk(await call(lan, 'earnings.mine', { period: 'day', day: today }));
    expect(first.byKind.ticket).toBe(150);
    expect(first.byKind.csat).toBe(200);
    expect(first.tickets).toBe(1);
    expect(first.csat).toEqual({ count: 1, average: 500 });

    // Reopened and resolved again: still one entry for the ticket.
    expectOk(await call(lan, 'tickets.setStatus', { id: newId(), ticketId, status: 'open' }));
    expectOk(await call(lan, 'tickets.setStatus', { id: newId(), ticketId, status: 'resolved' }));
    const again = expectOk(await call(lan, 'earnings.mine', { period: 'day', day: today }));
    expect(again.byKind.ticket).toBe(150);
    expect(again.entries.items.filter((e) => e.kind === 'ticket')).toHaveLength(1);
  });

  it('keeps an entry posted before a rule change at its amount', async () => {
    expectOk(
      await call(boss, 'pay.saveRule', {
        id: newId(),
        userId: null,
        effectiveFrom: today,
        ...rates,
        perTicketFen: 999,
      }),
    );
    const view = expectOk(await call(lan, 'earnings.mine', { period: 'day', day: today }));
    expect(view.byKind.ticket).toBe(150);
    expect(view.rule?.perTicketFen).toBe(999);
  });

  it('pays live minutes and commission to the room’s anchor, and a refund reverses it once', async () => {
    const anchor = org.users.fang ?? 0;
    const now = factsNow();
    orderId = await withStore(t.dataDir, async (db) => {
      const room = await db
        .insertInto('live_rooms')
        .values({ org_id: org.orgId, slug: 'fang-room', anchor_id: anchor, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const broadcast = await db
        .insertInto('live_broadcasts')
        .values({
          org_id: org.orgId,
          room_id: room.id,
          title: '金桔直播',
          status: 'ended',
          started_at: now - 60 * 60_000,
          ended_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const product = await db
        .insertInto('products')
        .values({
          org_id: org.orgId,
          sku: 'KQ-1',
          name: '金桔',
          description: '',
          price_fen: 9999,
          stock: 10,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const viewer = await db
        .insertInto('live_viewers')
        .values({
          org_id: org.orgId,
          room_id: room.id,
          nickname: '买家',
          token_hash: 'x',
          created_at: now,
          last_seen_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const order = await db
        .insertInto('live_orders')
        .values({
          org_id: org.orgId,
          broadcast_id: broadcast.id,
          product_id: product.id,
          viewer_id: viewer.id,
          flash_sale_id: null,
          quantity: 1,
          unit_price_fen: 9999,
          total_fen: 9999,
          command_id: newId(),
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return order.id;
    });
    const before = expectOk(await call(fang, 'earnings.mine', { period: 'day', day: today }));
    expect(before.byKind.live).toBe(3000);
    expect(before.byKind.commission).toBe(500); // 5 % of ¥99.99 = 499.95 fen → 500
    expect(before.gmvFen).toBe(9999);

    expect(codeOf(await call(fang, 'orders.refund', { id: newId(), orderId }))).toBe('forbidden');
    expect(codeOf(await call(stranger, 'orders.refund', { id: newId(), orderId }))).toBe('not_found');
    const refund = expectOk(await call(boss, 'orders.refund', { id: newId(), orderId }));
    expect(refund.entry).toMatchObject({ kind: 'refund', amountFen: -500, sourceKey: `refund:${orderId}` });
    expect(codeOf(await call(boss, 'orders.refund', { id: newId(), orderId }))).toBe('conflict');

    const after = expectOk(await call(fang, 'earnings.mine', { period: 'day', day: today }));
    expect(after.byKind.commission + after.byKind.refund).toBe(0);
    expect(after.gmvFen).toBe(0);
    expect(after.orders).toBe(1);
    expect(after.totalFen).toBe(3000);
  });

  it('posts a shift’s hours, then the delta when a supervisor’s edit changes it', async () => {
    const userId = org.users.lan ?? 0;
    const now = factsNow();
    await withStore(t.dataDir, async (db) => {
      await db
        .insertInto('shifts')
        .values({
          org_id: org.orgId,
          user_id: userId,
          shift_key: 'shift-one',
          started_at: now - 61 * 60_000,
          ended_at: now - 60_000,
          day_key: today,
          worked_ms: 60 * 60_000,
        })
        .execute();
      await db
        .insertInto('clock_events')
        .values({
          org_id: org.orgId,
          user_id: userId,
          command_id: 'shift-one',
          device_id: 'd',
          counter: 1,
          kind: 'in',
          device_at: now - 61 * 60_000,
          received_at: now,
        })
        .execute();
    });
    // 60 minutes at the rule of today (¥25.00 an hour).
    const first = expectOk(await call(lan, 'earnings.mine', { period: 'day', day: today }));
    expect(first.byKind.hours).toBe(2500);
    expect(first.hoursMs).toBe(60 * 60_000);
    await withStore(t.dataDir, async (db) => {
      await db
        .updateTable('shifts')
        .set({ worked_ms: 90 * 60_000, edited: 1 })
        .where('shift_key', '=', 'shift-one')
        .execute();
      await db
        .insertInto('shift_overrides')
        .values({
          org_id: org.orgId,
          user_id: userId,
          shift_key: 'shift-one',
          started_at: now - 91 * 60_000,
          ended_at: now - 60_000,
          reason: 'Forgot to clock in',
          author_id: org.users.boss ?? 0,
          created_at: Date.now(),
        })
        .execute();
    });
    const second = expectOk(await call(lan, 'earnings.mine', { period: 'day', day: today }));
    expect(second.byKind.hours).toBe(2500);
    expect(second.byKind.adjustment).toBe(1250);
    const adjustment = second.entries.items.find((e) => e.kind === 'adjustment');
    expect(adjustment).toMatchObject({ sourceKey: 'shift:shift-one', revision: 1, quantity: 30 });
  });

  it('shows a supervisor’s correction with reason and author, and the total moves by exactly its amount', async () => {
    const userId = org.users.lan ?? 0;
    const before = expectOk(await call(boss, 'statement.get', { userId, month }));
    expect(
      codeOf(
        await call(lan, 'ledger.correct', { id: newId(), userId, amountFen: 100, day: today, reason: 'x' }),
      ),
    ).toBe('forbidden');
    expect(
      codeOf(
        await call(stranger, 'ledger.correct', {
          id: newId(),
          userId,
          amountFen: 100,
          day: today,
          reason: 'x',
        }),
      ),
    ).toBe('not_found');
    expect(
      codeOf(
        await call(boss, 'ledger.correct', { id: newId(), userId, amountFen: 0, day: today, reason: 'x' }),
      ),
    ).toBe('invalid_input');
    const corrected = expectOk(
      await call(boss, 'ledger.correct', {
        id: newId(),
        userId,
        amountFen: -75,
        day: today,
        reason: '重复计算的工单',
      }),
    );
    expect(corrected.entry).toMatchObject({
      kind: 'correction',
      amountFen: -75,
      author: { displayName: '陈立新' },
    });

    const after = expectOk(await call(boss, 'statement.get', { userId, month }));
    expect(after.totalFen - before.totalFen).toBe(-75);
    expect(after.corrections).toEqual([
      expect.objectContaining({
        amountFen: -75,
        reason: '重复计算的工单',
        author: { id: org.users.boss, displayName: '陈立新' },
      }),
    ]);
    expect(after.worker.displayName).toBe('韦秀兰');
    expect(after.organisation.name).toBe('Kumquat Farm');
    // The lines and corrections sum to the total; the worker's own statement is the same.
    const parts =
      after.lines.reduce((s, l) => s + l.amountFen, 0) +
      after.corrections.reduce((s, c) => s + c.amountFen, 0);
    expect(parts).toBe(after.totalFen);
    expect(expectOk(await call(lan, 'statement.get', { month })).totalFen).toBe(after.totalFen);
    expect(codeOf(await call(lan, 'statement.get', { userId: org.users.fang ?? 0, month }))).toBe(
      'forbidden',
    );
    expect(codeOf(await call(stranger, 'statement.get', { userId, month }))).toBe('not_found');
    expect(codeOf(await call(stranger, 'earnings.worker', { userId, period: 'day', day: today }))).toBe(
      'not_found',
    );

    const audit = await withStore(t.dataDir, (db) =>
      db.selectFrom('timesheet_audit').selectAll().where('user_id', '=', userId).execute(),
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'correction', actor_id: org.users.boss, comment: '重复计算的工单' }),
    ]);
  });

  it('refuses to update or delete a ledger entry', async () => {
    await withStore(t.dataDir, async (db) => {
      await expect(db.updateTable('earnings_ledger').set({ amount_fen: 1 }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(db.deleteFrom('earnings_ledger').execute()).rejects.toThrow(/append-only/);
    });
  });

  it('shows the worker exactly the row the employer’s report shows for them', async () => {
    const report = expectOk(await call(boss, 'output.report', { from: today, to: addDays(today, 1) }));
    for (const [socket, username] of [
      [lan, 'lan'],
      [fang, 'fang'],
    ] as const) {
      const mine = expectOk(await call(socket, 'earnings.mine', { period: 'day', day: today }));
      const row = report.rows.find((r) => r.user.id === org.users[username]);
      expect(mine.employerView).toEqual(row);
      expect(mine.totalFen).toBe(row?.earningsFen);
      const asEmployer = expectOk(
        await call(boss, 'earnings.worker', { userId: org.users[username] ?? 0, period: 'day', day: today }),
      );
      expect(asEmployer.employerView).toEqual(row);
    }
    expect(report.rows.map((r) => r.user.displayName)).toEqual(['韦秀兰', '黄芳']);
    const lanRow = report.rows[0];
    expect(lanRow).toMatchObject({
      ticketsResolved: 1,
      csatAverage: 500,
      csatCount: 1,
      workedMs: 90 * 60_000,
    });
    expect(lanRow?.firstResponseMedianMs).not.toBeNull();
    expect(report.totals.earningsFen).toBe(report.rows.reduce((s, r) => s + r.earningsFen, 0));
    expect(report.days).toEqual([
      { day: today, ticketsResolved: 1, gmvFen: 0, earningsFen: report.totals.earningsFen },
    ]);
    expect(codeOf(await call(lan, 'output.report', { from: today, to: addDays(today, 1) }))).toBe(
      'forbidden',
    );
    expect(codeOf(await call(boss, 'output.report', { from: today, to: today }))).toBe('invalid_input');
    const strangers = expectOk(await call(stranger, 'output.report', { from: today, to: addDays(today, 1) }));
    expect(strangers.rows).toEqual([]);
    void other;
  });

  it('exports CSV and XLSX that parse back to the report’s numbers', async () => {
    const range = { from: today, to: addDays(today, 1) };
    const report: OutputReport = expectOk(await call(boss, 'output.report', range));
    const byName = new Map<string, OutputRow>(report.rows.map((r) => [r.user.displayName, r]));

    const csv = expectOk(await call(boss, 'output.export', { ...range, format: 'csv', language: 'zh-CN' }));
    expect(csv.mime).toBe('text/csv;charset=utf-8');
    expect(csv.fileName).toBe(`产出报表-${today}_${today}.csv`);
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header?.[0]).toBe('员工');
    expect(lines).toHaveLength(report.rows.length + 1);
    for (const line of lines.slice(0, -1)) {
      const row = byName.get(line[0] ?? '');
      expect(row).toBeDefined();
      expect(Number(line[2])).toBe(row?.ticketsResolved);
      expect(Number(line[6])).toBe(row?.liveMinutes);
      expect(yuanToFen(line[8] ?? '')).toBe(row?.gmvFen);
      expect(yuanToFen(line[10] ?? '')).toBe(row?.earningsFen);
    }
    expect(yuanToFen(lines.at(-1)?.[10] ?? '')).toBe(report.totals.earningsFen);

    const xlsx = expectOk(await call(boss, 'output.export', { ...range, format: 'xlsx' }));
    expect(xlsx.fileName).toBe(`output-${today}_${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Workers', 'Teams', 'Days']);
    const sheet = book.getWorksheet('Workers');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Worker');
    for (let r = 2; r < 2 + report.rows.length; r += 1) {
      const cells = sheet?.getRow(r);
      const row = byName.get(String(cells?.getCell(1).value));
      expect(row).toBeDefined();
      expect(cells?.getCell(3).value).toBe(row?.ticketsResolved);
      expect(typeof cells?.getCell(11).value).toBe('number');
      expect(Math.round(Number(cells?.getCell(11).value) * 100)).toBe(row?.earningsFen);
      expect(Math.round(Number(cells?.getCell(9).value) * 100)).toBe(row?.gmvFen);
      expect(cells?.getCell(11).numFmt).toContain('¥');
    }
    const days = book.getWorksheet('Days');
    expect(days?.getRow(2).getCell(1).value).toBe(today);
    expect(Math.round(Number(days?.getRow(2).getCell(4).value) * 100)).toBe(report.days[0]?.earningsFen);
  });
});
