import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentPinyin, spellsStart, syllables, lettersCovered } from '../../shared/a11y/text-entry/pinyin';

const show = (letters: string) =>
  segmentPinyin(letters).map((seg) =>
    seg.map((t) => (t.kind === 'partial' ? `${t.text}*` : t.text)).join(','),
  );

describe('pinyin segmentation', () => {
  it('knows the toneless syllables, ü typed as v', () => {
    for (const s of ['a', 'zhuang', 'lv', 'nve', 'xian', 'er']) expect(syllables.has(s)).toBe(true);
    for (const s of ['lü', 'xyz', 'i', 'bv']) expect(syllables.has(s)).toBe(false);
  });

  it('reads whole syllables first, then splits and abbreviations', () => {
    expect(show('xian').slice(0, 2)).toEqual(['xian', 'xi,an']);
    expect(show('nihao')[0]).toBe('ni,hao');
    expect(show('nh')).toEqual(['n*,h*']);
    expect(show('nhao')[0]).toBe('n*,hao');
    expect(show("xi'an")[0]).toBe('xi,an');
  });

  it('lets only the last token be any start of a syllable', () => {
    expect(show('zhua')).toContain('zhua');
    expect(show('xiang')[0]).toBe('xiang');
    // "xia" alone is a syllable, and the start of xian/xiang/xiao as the last token.
    expect(show('nixia')[0]).toBe('ni,xia');
    expect(segmentPinyin('qqqqqq').length).toBeGreaterThan(0);
    expect(segmentPinyin('iii')).toEqual([]);
    expect(segmentPinyin('')).toEqual([]);
  });

  it('stays bounded on long input', () => {
    expect(segmentPinyin('xianxianxianxianxian', 10).length).toBeLessThanOrEqual(10);
  });

  it('counts the letters a start of the tokens covers, apostrophes included', () => {
    const [seg] = segmentPinyin("ni'haoma");
    expect(seg?.map((t) => t.text)).toEqual(['ni', 'hao', 'ma']);
    expect(lettersCovered("ni'haoma", seg ?? [], 1)).toBe(3);
    expect(lettersCovered("ni'haoma", seg ?? [], 2)).toBe(6);
  });

  it('tells whether letters spell the start of a reading', () => {
    expect(spellsStart('d', ['ding', 'dan'])).toBe(true);
    expect(spellsStart('dingd', ['ding', 'dan'])).toBe(true);
    expect(spellsStart('dd', ['ding', 'dan'])).toBe(true);
    expect(spellsStart('dx', ['ding', 'dan'])).toBe(false);
    expect(spellsStart('dddd', ['ding', 'dan'])).toBe(false);
  });

  it('can type every reading the shipped dictionary uses, but for a few interjections', () => {
    const text = readFileSync(join(import.meta.dirname, '../../resources/ime/zh-words.tsv'), 'utf8');
    const bad = new Set<string>();
    for (const line of text.split('\n'))
      for (const s of (line.split('\t')[1] ?? '').split(' ')) if (s !== '' && !syllables.has(s)) bad.add(s);
    // Nasal interjections (嗯 n, 哼 hng, 呒 m) are left out: as syllables they would swallow the initials n and m.
    expect([...bad].filter((s) => !['n', 'ng', 'hng', 'm', 'hm'].includes(s))).toEqual([]);
  });
});
