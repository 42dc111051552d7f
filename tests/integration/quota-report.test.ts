import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { createOrganisation, createUser } from '../../server/auth/users';
import { createDatabase } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import { addDays, dayKeyOf } from '../../shared/domain/calendar';
import { idCheckCharacter, kindDigit, type DisabilityKind } from '../../shared/domain/quota/certificate';
import { defaultQuotaParameters, type QuotaParameters } from '../../shared/domain/quota/parameters';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';

const yuan = (n: number) => n * 100;
const password = 'quota-test-pw';

function certificate(id17: string, kind: DisabilityKind, grade: number): string {
  return `${id17}${idCheckCharacter(id17)}${kindDigit(kind)}${grade}`;
}

describe('the quota report on a real hub', () => {
  let t: TestHub;
  let db: Kysely<Database>;
  let hr: ClientSocket;
  let agent: ClientSocket;
  let other: ClientSocket;
  const ids: Record<string, number> = {};
  const certs = {
    severe: certificate('45010219850312001', 'physical', 1),
    short: certificate('45010219900708002', 'hearing', 3),
    gaps: certificate('45010319920115003', 'speech', 4),
    ledger: certificate('45010419880520004', 'visual', 2),
    ending: certificate('45010519951130005', 'physical', 3),
  };

  beforeAll(async () => {
    t = await startHub({ adminPassword: 'the-admin-pw' });
    db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    const now = Date.now();
    const passwordHash = await hashPassword(password);
    const org = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const add = async (
      orgId: number,
      username: string,
      displayName: string,
      roles: ('agent' | 'supervisor' | 'admin')[],
    ) => {
      const user = await createUser(db, { orgId, username, displayName, passwordHash, roles, now });
      if (!user) throw new Error(`could not create ${username}`);
      ids[username] = user.id;
    };
    await add(org.id, 'hr', '人事 韦丽', ['supervisor']);
    await add(org.id, 'agent', '蒙小燕', ['agent']);
    for (const name of ['severe', 'short', 'gaps', 'ledger', 'ending'])
      await add(org.id, name, `职工 ${name}`, ['agent']);
    const otherOrg = await createOrganisation(db, 'Pear Orchard Co-op', now);
    await add(otherOrg, 'orchard-boss', 'Boss', ['admin', 'supervisor']);
    // The ledger worker's wage is their earnings: ¥2,800 in May 2025, ¥1,000 in June.
    await db
      .insertInto('earnings_ledger')
      .values(
        [
          ['2025-05-10', 200_000],
          ['2025-05-20', 80_000],
          ['2025-06-10', 100_000],
        ].map(([day, fen], i) => ({
          org_id: org.id,
          user_id: ids.ledger ?? 0,
          kind: 'hours' as const,
          source_key: `test:${i}`,
          amount_fen: Number(fen),
          occurred_at: now,
          day_key: String(day),
          created_at: now,
        })),
      )
      .execute();
    hr = await signIn(t.hub.url, 'hr', password);
    agent = await signIn(t.hub.url, 'agent', password);
    other = await signIn(t.hub.url, 'orchard-boss', password);
  });

  afterAll(async () => {
    for (const s of [hr, agent, other]) s?.close();
    await db?.destroy();
    await t?.stop();
  });

  const savePerson = (
    socket: ClientSocket,
    user: string,
    grade: 1 | 2 | 3 | 4,
    kind: DisabilityKind,
    contractStart: string,
    contractEnd: string | null,
    certificateNumber?: string,
  ) =>
    call(socket, 'quota.savePerson', {
      id: newId(),
      userId: ids[user] ?? 0,
      grade,
      kind,
      contractStart,
      contractEnd,
      ...(certificateNumber === undefined ? {} : { certificateNumber }),
    });
  const saveMonth = (user: string, month: string, wageFen: number | null, insurancePaid: boolean) =>
    call(hr, 'quota.saveMonth', { id: newId(), userId: ids[user] ?? 0, month, wageFen, insurancePaid });
  const saveParameters = async (over: Partial<QuotaParameters>) =>
    expectOk(
      await call(hr, 'quota.saveSettings', {
        id: newId(),
        parameters: { ...defaultQuotaParameters, ...over },
      }),
    );

  it('saves records and reads them back masked, never whole', async () => {
    const saved = expectOk(await savePerson(hr, 'severe', 1, 'physical', '2024-01-01', null, certs.severe));
    expect(saved.record.certificateMasked).toBe(`****************${certs.severe.slice(-4)}`);
    expectOk(await savePerson(hr, 'short', 3, 'hearing', '2025-01-01', '2025-06-30', certs.short));
    // Typed with spaces and a lower-case check letter: normalised.
    expectOk(
      await savePerson(hr, 'gaps', 4, 'speech', '2024-06-01', null, certs.gaps.replace(/(\d{6})/, '$1 ')),
    );
    expectOk(await savePerson(hr, 'ledger', 2, 'visual', '2025-01-01', '2029-12-31', certs.ledger));

    const people = expectOk(await call(hr, 'quota.people', {}));
    expect(people.records.map((r) => r.user.id).sort()).toEqual(
      [ids.severe, ids.short, ids.gaps, ids.ledger].sort(),
    );
    const json = JSON.stringify(people);
    for (const number of Object.values(certs)) expect(json).not.toContain(number.slice(0, 18));
    expect(people.candidates.map((c) => c.id)).toContain(ids.ending);
    expect(people.candidates.map((c) => c.id)).not.toContain(ids.severe);

    // An update without the number keeps the stored one; a grade change needs it again.
    expectOk(await savePerson(hr, 'gaps', 4, 'speech', '2024-06-01', null));
    expect(await savePerson(hr, 'gaps', 3, 'speech', '2024-06-01', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses a mistyped number, a mismatched grade, a duplicate and a new record without one', async () => {
    const typo = certs.ending.slice(0, 5) + ((Number(certs.ending[5]) + 1) % 10) + certs.ending.slice(6);
    for (const bad of [
      await savePerson(hr, 'ending', 3, 'physical', '2025-01-01', null, typo),
      await savePerson(hr, 'ending', 2, 'physical', '2025-01-01', null, certs.ending),
      await savePerson(hr, 'ending', 1, 'physical', '2025-01-01', null, certs.severe),
      await savePerson(hr, 'ending', 3, 'physical', '2025-01-01', null),
    ]) {
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('keeps the certificate out of the SQLite files in clear, under a 0600 key file', async () => {
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('hub.sqlite'));
    expect(files).toContain('hub.sqlite');
    const stored = await db.selectFrom('disability_records').select('certificate_cipher').execute();
    expect(stored).toHaveLength(4);
    for (const file of files) {
      const bytes = readFileSync(join(t.dataDir, file));
      for (const number of Object.values(certs)) {
        expect(bytes.includes(Buffer.from(number.slice(0, 18), 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(number.slice(0, 18), 'utf16le'))).toBe(false);
      }
    }
    // The ciphertexts are there, so the check above read the right pages.
    const all = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    expect(stored.some((row) => all.includes(Buffer.from(row.certificate_cipher, 'utf8')))).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(join(t.dataDir, 'records.key')).mode & 0o777).toBe(0o600);
    }
  });

  it('counts the year: double for grade 1–2, each exclusion excluded and warned, the levy hand-worked', async () => {
    for (let m = 1; m <= 12; m += 1) {
      const month = `2025-${String(m).padStart(2, '0')}`;
      expectOk(await saveMonth('severe', month, yuan(3_000), true));
      expectOk(await saveMonth('short', month, yuan(3_000), true));
      if (month === '2025-03') expectOk(await saveMonth('gaps', month, yuan(2_000), true));
      else if (month === '2025-04') expectOk(await saveMonth('gaps', month, yuan(3_000), false));
      else expectOk(await saveMonth('gaps', month, yuan(3_000), true));
    }
    // Wage from the ledger (null): May ¥2,800 counts; June ¥1,000 is below the ¥2,690 minimum.
    expectOk(await saveMonth('ledger', '2025-05', null, true));
    expectOk(await saveMonth('ledger', '2025-06', null, true));
    await saveParameters({
      staffCount: 300,
      averageAnnualWageFen: yuan(60_000),
      localAverageAnnualWageFen: yuan(45_000),
    });

    const report = expectOk(await call(hr, 'quota.report', { year: 2025 }));
    expect(report.months).toHaveLength(12);
    const person = (user: string) => report.people.find((p) => p.record.user.id === ids[user]);
    // severe: grade 1, 12 × 2 = 24 person-months.
    expect(person('severe')?.personMonths).toBe(24);
    expect(person('severe')?.months.every((m) => m.counted && m.weight === 2)).toBe(true);
    // short: a six-month contract counts none, and is warned once.
    expect(person('short')?.contractLongEnough).toBe(false);
    expect(person('short')?.personMonths).toBe(0);
    expect(person('short')?.months[0]?.reasons).toEqual(['contract_short']);
    expect(person('short')?.months[6]?.reasons).toEqual(['not_employed']);
    // gaps: grade 4, March below minimum, April without insurance: 10 person-months.
    expect(person('gaps')?.personMonths).toBe(10);
    expect(person('gaps')?.months[2]?.reasons).toEqual(['wage_below_minimum']);
    expect(person('gaps')?.months[3]?.reasons).toEqual(['insurance_missing']);
    // ledger: grade 2, May from the ledger (¥2,800, 2 people); June ¥1,000 below; the rest no insurance.
    const ledger = person('ledger');
    expect(ledger?.months[4]).toMatchObject({
      wageFen: 280_000,
      wageSource: 'ledger',
      counted: true,
      weight: 2,
    });
    expect(ledger?.months[5]).toMatchObject({ wageFen: 100_000, reasons: ['wage_below_minimum'] });
    expect(ledger?.months[0]?.reasons).toEqual(['wage_below_minimum', 'insurance_missing']);
    expect(ledger?.personMonths).toBe(2);
    expect(report.months[4]?.countedUnits).toBe(2 + 1 + 2);

    // Year: 24 + 10 + 2 = 36 person-months ÷ 12 = 3.00 people; 300 staff × 1.5 % = 4.50 required;
    // ratio 3 ÷ 300 = 1.00 %: the 50 % band. Shortfall 1.5 × ¥60,000 (under 2 × ¥45,000) = ¥90,000,
    // owed 50 % = ¥45,000. Employing none: 4.5 × ¥60,000 × 90 % = ¥243,000; saved ¥198,000.
    expect(report.arrangedPersonMonths).toBe(36);
    expect(report.arrangedHundredths).toBe(300);
    expect(report.requiredHundredths).toBe(450);
    expect(report.shortfallHundredths).toBe(150);
    expect(report.ratioBp).toBe(100);
    expect(report.levy).toMatchObject({
      fullFen: yuan(90_000),
      rateBp: 5_000,
      owedFen: yuan(45_000),
      noneFen: yuan(243_000),
      savedFen: yuan(198_000),
      wageBaseFen: yuan(60_000),
      capped: false,
      exempt: false,
    });

    const warned = (kind: string, user?: string, month?: string) =>
      report.warnings.some(
        (w) =>
          w.kind === kind &&
          (user === undefined || w.userId === ids[user]) &&
          (month === undefined || w.month === month),
      );
    expect(warned('contract_short', 'short')).toBe(true);
    expect(warned('wage_below_minimum', 'gaps', '2025-03')).toBe(true);
    expect(warned('insurance_missing', 'gaps', '2025-04')).toBe(true);
    expect(warned('wage_below_minimum', 'ledger', '2025-06')).toBe(true);
    expect(warned('below_quota')).toBe(true);
    expect(warned('wage_below_minimum', 'severe')).toBe(false);
    expect(warned('insurance_missing', 'severe')).toBe(false);
  });

  it('estimates the brief’s example: 50 staff, none arranged, ¥60,000 capped at 2 × ¥45,000', async () => {
    // 2024: no months recorded, so nobody counts. 50 × 1.5 % = 0.75; ¥60,000 ≤ ¥90,000, not capped;
    // 0.75 × ¥60,000 = ¥45,000; ratio 0 < 1 %: 90 % → ¥40,500.
    await saveParameters({
      staffCount: 50,
      averageAnnualWageFen: yuan(60_000),
      localAverageAnnualWageFen: yuan(45_000),
    });
    const report = expectOk(await call(hr, 'quota.report', { year: 2024 }));
    expect(report.arrangedPersonMonths).toBe(0);
    expect(report.levy).toMatchObject({
      fullFen: yuan(45_000),
      rateBp: 9_000,
      owedFen: yuan(40_500),
      savedFen: 0,
    });
    // ¥100,000 is over the cap: 0.75 × ¥90,000 × 90 % = ¥60,750.
    await saveParameters({
      staffCount: 50,
      averageAnnualWageFen: yuan(100_000),
      localAverageAnnualWageFen: yuan(45_000),
    });
    const capped = expectOk(await call(hr, 'quota.report', { year: 2024 }));
    expect(capped.levy).toMatchObject({ capped: true, wageBaseFen: yuan(90_000), owedFen: yuan(60_750) });
    // 30 staff: exempt.
    await saveParameters({ staffCount: 30, averageAnnualWageFen: yuan(60_000) });
    const small = expectOk(await call(hr, 'quota.report', { year: 2024 }));
    expect(small.levy).toMatchObject({ exempt: true, owedFen: 0 });
    // Staff unset: the organisation's users (admin, hr, agent and the five workers).
    await saveParameters({});
    const settings = expectOk(await call(hr, 'quota.settings', {}));
    expect(settings.parameters.staffCount).toBeNull();
    expect(settings.usersCount).toBe(8);
    const byUsers = expectOk(await call(hr, 'quota.report', { year: 2024 }));
    expect(byUsers).toMatchObject({ staff: 8, staffSource: 'users' });
  });

  it('warns of a contract that ends within 60 days of today', async () => {
    const today = dayKeyOf(Date.now(), 'Asia/Shanghai');
    const end = addDays(today, 30);
    expectOk(await savePerson(hr, 'ending', 3, 'physical', addDays(today, -400), end, certs.ending));
    const report = expectOk(await call(hr, 'quota.report', { year: Number(today.slice(0, 4)) }));
    expect(report.warnings).toContainEqual({ kind: 'contract_ending', userId: ids.ending, day: end });
    expect(report.warnings.filter((w) => w.kind === 'contract_ending').map((w) => w.userId)).toEqual([
      ids.ending,
    ]);
  });

  it('exports a verification pack that parses back, with whole numbers for the 残联', async () => {
    const pack = expectOk(await call(hr, 'quota.export', { year: 2025 }));
    expect(pack.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(pack.base64, 'base64');
    // exceljs's own Buffer type is an ArrayBuffer: the file's bytes, not Node's pooled slab.
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const [months, summary] = book.worksheets;
    if (!months || !summary) throw new Error('two sheets expected');
    expect(String(months.getRow(1).getCell(1).value)).toContain('姓名');
    expect(String(months.getRow(1).getCell(1).value)).toContain('Name');
    // Five recorded workers × 12 months, below the heading.
    expect(months.rowCount).toBe(1 + 5 * 12);
    const rows = months.getSheetValues().slice(2) as unknown[][];
    const severeRows = rows.filter((r) => r[2] === certs.severe);
    expect(severeRows).toHaveLength(12);
    expect(severeRows[0]?.[8]).toBe(3000);
    expect(String(severeRows[0]?.[11])).toContain('是');
    expect(severeRows[0]?.[12]).toBe(2);
    const gapsMarch = rows.find((r) => r[2] === certs.gaps && r[7] === '2025-03');
    expect(String(gapsMarch?.[13])).toContain('Wage below minimum');
    const summaryText = JSON.stringify(summary.getSheetValues());
    expect(summaryText).toContain('预计保障金');
    expect(summaryText).toContain('财政部公告2019年第98号');
  });

  it('forbids an agent, and keeps another organisation out', async () => {
    for (const [name, input] of [
      ['quota.people', {}],
      ['quota.report', { year: 2025 }],
      ['quota.export', { year: 2025 }],
      ['quota.settings', {}],
    ] as const) {
      expect(await call(agent, name, input as never)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await savePerson(agent, 'agent', 3, 'physical', '2025-01-01', null, certs.ending)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    expect(await savePerson(other, 'severe', 1, 'physical', '2024-01-01', null, certs.severe)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await call(other, 'quota.saveMonth', {
        id: newId(),
        userId: ids.severe ?? 0,
        month: '2025-01',
        wageFen: 1,
        insurancePaid: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(other, 'quota.removePerson', { id: newId(), userId: ids.severe ?? 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const theirs = expectOk(await call(other, 'quota.people', {}));
    expect(theirs.records).toEqual([]);
    expect(theirs.candidates.map((c) => c.id)).toEqual([ids['orchard-boss']]);
    const report = expectOk(await call(other, 'quota.report', { year: 2025 }));
    expect(report.people).toEqual([]);
    expect(report.parameters).toEqual(defaultQuotaParameters);
  });

  it('removes a record with its months', async () => {
    expectOk(await call(hr, 'quota.removePerson', { id: newId(), userId: ids.short ?? 0 }));
    const people = expectOk(await call(hr, 'quota.people', {}));
    expect(people.records.map((r) => r.user.id)).not.toContain(ids.short);
    expect(people.entries.some((e) => e.userId === ids.short)).toBe(false);
    expect(await call(hr, 'quota.removePerson', { id: newId(), userId: ids.short ?? 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
