import { describe, expect, it } from 'vitest';
import { parseZhDictionary } from '../../shared/a11y/text-entry/pinyin-dictionary';
import { zh, zhText } from './text-entry-fixtures';

const texts = (letters: string, limit = 8, usage?: ReadonlyMap<string, number>) =>
  zh.lookup(letters, { limit, usage }).map((c) => c.text);

describe('pinyin dictionary (the shipped zh-words.tsv)', () => {
  it('holds at least 30,000 words and the demo shop vocabulary', () => {
    expect(zh.size).toBeGreaterThanOrEqual(30_000);
    expect(zhText.length).toBeLessThan(1_500_000);
    for (const w of [
      '融安金桔',
      '金桔',
      '秋月梨',
      '柳州螺蛳粉',
      '螺蛳粉',
      '桂林石画',
      '侗族手工艺品',
      '快递',
      '单号',
      '订单',
    ])
      expect(zh.frequency(w), w).toBeGreaterThan(0);
    for (const w of [
      '电子发票',
      '保质期',
      '冷藏',
      '坏果',
      '补发',
      '包邮',
      '签收',
      '售后',
      '优惠券',
      '下单',
      '亲',
      '客服',
    ])
      expect(zh.frequency(w), w).toBeGreaterThan(0);
  });

  it('finds words by initials and by full syllables', () => {
    expect(texts('nh').slice(0, 3)).toContain('你好');
    expect(texts('nihao')[0]).toBe('你好');
    expect(texts('nhao')[0]).toBe('你好');
    expect(texts('lsf').slice(0, 3)).toContain('螺蛳粉');
    expect(texts('fp').slice(0, 3)).toContain('发票');
    expect(texts('dingdan')[0]).toBe('订单');
    expect(texts('tuikuan')[0]).toBe('退款');
  });

  it('offers a start of the input when nothing covers all of it, so the rest can be typed on', () => {
    const found = zh.lookup('nihaoma', { limit: 20 });
    const nihao = found.find((c) => c.text === '你好');
    expect(nihao?.consumed).toBe(5);
    expect(texts('nihaoma').slice(0, 2)).toContain('你好');
    expect(texts('ma').slice(0, 3)).toEqual(expect.arrayContaining(['吗']));
    // Ranked by length (the earlier order): whole-input matches, then ever shorter starts.
    const byLength = parseZhDictionary(zhText, { rankStarts: 'length' });
    const consumed = byLength.lookup('nihaoma', { limit: 20 }).map((c) => c.consumed);
    expect([...consumed].sort((a, b) => b - a)).toEqual(consumed);
  });

  it('puts a whole-input match first, and ranks starts by the likeliest reading of all the letters', () => {
    // Initials of a clause (已经发货了): no word covers them all; the first word of the best path leads.
    const found = zh.lookup('yjfhl', { limit: 16 });
    expect(found[0]).toEqual({ text: '已经', consumed: 2 });
    // After taking it, the rest is looked up again and its first word leads in turn.
    expect(
      zh
        .lookup('fhl', { limit: 16 })
        .map((c) => c.text)
        .slice(0, 8),
    ).toContain('发货');
    // A whole match still comes before any start, however frequent (订单 for dd, not 的 + 的).
    expect(texts('dd', 16)).toContain('订单');
    expect(zh.lookup('dd', { limit: 16 })[0]?.consumed).toBe(2);
    // Ranked by length instead, a rare three-syllable word would lead.
    const byLength = parseZhDictionary(zhText, { rankStarts: 'length' });
    expect(byLength.lookup('yjfhl', { limit: 16 })[0]?.consumed).toBe(3);
  });

  it('reads a long run of initials as starts only, each a real prefix of the letters', () => {
    const letters = 'qnddyjfhlyjmtsd';
    const found = zh.lookup(letters, { limit: 24 });
    expect(found).toHaveLength(24);
    for (const c of found) {
      expect(c.consumed).toBeLessThan(letters.length);
      expect(zh.spells(c.text, letters.slice(0, c.consumed))).toBe(true);
    }
  });

  it('ends with single characters for the first syllable', () => {
    const found = zh.lookup('xian', { limit: 200 });
    expect(found.some((c) => c.text === '先' && c.consumed === 4)).toBe(true);
    expect(found.some((c) => c.text === '西' && c.consumed === 2)).toBe(true);
  });

  it("ranks by frequency, then lets the worker's own choices rise", () => {
    const before = texts('fp', 20);
    const low = before[5] ?? '';
    expect(low).not.toBe('');
    const after = texts('fp', 20, new Map([[low, 6]]));
    expect(after[0]).toBe(low);
  });

  it('parses any text without throwing and orders ties by file order', () => {
    const toy = parseZhDictionary('你好\tni hao\t10\n泥\tni\t3\n你\tni\t9\nbroken line\n尼好\tni hao\t10\n');
    expect(toy.lookup('nh', { limit: 5 })).toEqual([
      { text: '你好', consumed: 2 },
      { text: '尼好', consumed: 2 },
      { text: '你', consumed: 1 },
      { text: '泥', consumed: 1 },
    ]);
    expect(toy.lookup('ni', { limit: 5 }).map((c) => c.text)).toEqual(['你', '泥']);
    expect(toy.lookup('', { limit: 5 })).toEqual([]);
    expect(toy.lookup('nh', { limit: 0 })).toEqual([]);
    expect(toy.spells('你好', 'nih')).toBe(true);
    expect(toy.spells('你好', 'hn')).toBe(false);
    expect(parseZhDictionary('').lookup('a', { limit: 3 })).toEqual([]);
  });
});
