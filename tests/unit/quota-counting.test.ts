import { describe, expect, it } from 'vitest';
import { idCheckCharacter, certificateProblem, maskCertificate } from '../../shared/domain/quota/certificate';
import {
  addMonthsToDay,
  contractLongEnough,
  judgeMonth,
  monthsInScope,
  type QuotaPersonFacts,
} from '../../shared/domain/quota/counting';
import { defaultQuotaParameters as p } from '../../shared/domain/quota/parameters';
import { judgeYear, type QuotaPersonInput } from '../../shared/domain/quota/year';

const min = p.minimumMonthlyWageFen;
const person: QuotaPersonFacts = {
  userId: 7,
  grade: 3,
  contractStart: '2026-01-01',
  contractEnd: '2026-12-31',
};
const paid = { wageFen: min, insurancePaid: true };

describe('contract length (财税〔2015〕72号 第八条: 1年以上（含1年）)', () => {
  it('counts the last day: 1 Jan to 31 Dec is a year, to 30 Dec is not', () => {
    expect(contractLongEnough('2026-01-01', '2026-12-31', 12)).toBe(true);
    expect(contractLongEnough('2026-01-01', '2026-12-30', 12)).toBe(false);
    expect(contractLongEnough('2026-03-15', '2027-03-14', 12)).toBe(true);
    expect(contractLongEnough('2026-03-15', null, 12)).toBe(true);
  });
  it('clamps to the month end', () => {
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2026-05-15', 12)).toBe('2027-05-15');
  });
});

describe('a month', () => {
  it('counts a grade-3 worker once and a grade-1 or 2 worker twice', () => {
    expect(judgeMonth(person, '2026-05', paid, p)).toEqual({ counted: true, weight: 1, reasons: [] });
    expect(judgeMonth({ ...person, grade: 1 }, '2026-05', paid, p).weight).toBe(2);
    expect(judgeMonth({ ...person, grade: 2 }, '2026-05', paid, p).weight).toBe(2);
    expect(judgeMonth({ ...person, grade: 4 }, '2026-05', paid, p).weight).toBe(1);
  });
  it('needs the wage at least the minimum: equal counts, a fen less does not', () => {
    expect(judgeMonth(person, '2026-05', { wageFen: min, insurancePaid: true }, p).counted).toBe(true);
    expect(judgeMonth(person, '2026-05', { wageFen: min - 1, insurancePaid: true }, p)).toEqual({
      counted: false,
      weight: 0,
      reasons: ['wage_below_minimum'],
    });
  });
  it('needs social insurance paid', () => {
    expect(judgeMonth(person, '2026-05', { wageFen: min, insurancePaid: false }, p).reasons).toEqual([
      'insurance_missing',
    ]);
  });
  it('needs a long enough contract, and gives every reason at once', () => {
    const short = { ...person, contractEnd: '2026-06-30' };
    expect(judgeMonth(short, '2026-05', { wageFen: 0, insurancePaid: false }, p).reasons).toEqual([
      'contract_short',
      'wage_below_minimum',
      'insurance_missing',
    ]);
  });
  it('is not employed outside the contract; any day of the month is employed', () => {
    const mid = { ...person, contractStart: '2026-03-15', contractEnd: null };
    expect(judgeMonth(mid, '2026-02', paid, p).reasons).toEqual(['not_employed']);
    expect(judgeMonth(mid, '2026-03', paid, p).counted).toBe(true);
    expect(judgeMonth(person, '2027-01', paid, p).reasons).toEqual(['not_employed']);
  });
});

describe('months in scope', () => {
  it('is twelve for a past year, to this month for this one, none for a future one', () => {
    expect(monthsInScope(2025, '2026-12-03')).toHaveLength(12);
    expect(monthsInScope(2026, '2026-05-10')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(monthsInScope(2027, '2026-05-10')).toEqual([]);
  });
});

describe('a year', () => {
  const months = monthsInScope(2026, '2026-12-03');
  const full = (facts = paid) => new Map(months.map((m) => [m, facts]));

  it('adds weighted person-months and warns on each gap', () => {
    const severe: QuotaPersonInput = { ...person, userId: 1, grade: 1, contractEnd: null, months: full() };
    const gaps = new Map(full());
    gaps.set('2026-03', { wageFen: min - 100, insurancePaid: true });
    gaps.set('2026-04', { wageFen: min, insurancePaid: false });
    const mild: QuotaPersonInput = { ...person, userId: 2, grade: 4, contractEnd: null, months: gaps };
    const year = judgeYear([severe, mild], months, p, '2026-12-03');
    // 12 × 2 + 10 × 1 = 34.
    expect(year.arrangedPersonMonths).toBe(34);
    expect(year.people.map((x) => x.personMonths)).toEqual([24, 10]);
    expect(year.months[2]?.excluded).toEqual([{ userId: 2, reasons: ['wage_below_minimum'] }]);
    expect(year.months[2]?.countedUnits).toBe(2);
    expect(year.warnings).toEqual([
      { kind: 'wage_below_minimum', userId: 2, month: '2026-03' },
      { kind: 'insurance_missing', userId: 2, month: '2026-04' },
    ]);
  });

  it('warns of a contract ending within 60 days of today, up to and including day 60', () => {
    const ending = (end: string): QuotaPersonInput => ({
      ...person,
      contractStart: '2025-01-01',
      contractEnd: end,
      months: full(),
    });
    const warned = (end: string) =>
      judgeYear([ending(end)], months, p, '2026-12-03').warnings.filter((w) => w.kind === 'contract_ending');
    expect(warned('2027-01-31')).toEqual([{ kind: 'contract_ending', userId: 7, day: '2027-01-31' }]);
    expect(warned('2027-02-01')).toHaveLength(1);
    expect(warned('2027-02-02')).toHaveLength(0);
    expect(warned('2026-12-01')).toHaveLength(0);
  });

  it('warns once of a short contract and counts none of its months', () => {
    const short: QuotaPersonInput = { ...person, contractEnd: '2026-10-31', months: full() };
    const year = judgeYear([short], months, p, '2026-12-03');
    expect(year.arrangedPersonMonths).toBe(0);
    expect(year.warnings).toEqual([{ kind: 'contract_short', userId: 7 }]);
    expect(year.people[0]?.months[11]?.reasons).toEqual(['not_employed']);
  });
});

describe('certificate number', () => {
  const id = '11010519491231002X';
  it('checks the ID check character and the kind and grade digits', () => {
    expect(idCheckCharacter(id.slice(0, 17))).toBe('X');
    expect(certificateProblem(`${id}41`, 1, 'physical')).toBeNull();
    expect(certificateProblem(`${id}41`, 2, 'physical')).toBe('grade_mismatch');
    expect(certificateProblem(`${id}41`, 1, 'visual')).toBe('kind_mismatch');
    expect(certificateProblem(`110105194912310021` + '41', 1, 'physical')).toBe('check_digit');
    expect(certificateProblem('1234', 1, 'physical')).toBe('format');
  });
  it('masks all but the last four', () => {
    expect(maskCertificate('X41'.padStart(4, '2'))).toBe('****************2X41');
  });
});
