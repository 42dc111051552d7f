import { describe, expect, it } from 'vitest';
import { LearnedModel, learnedModelSchema } from '../../shared/a11y/text-entry/learned-model';
import { Predictor } from '../../shared/a11y/text-entry/prediction';
import { en, zh } from './text-entry-fixtures';

const canned = ['Your parcel is on its way.', '亲，请稍等，我帮您查询一下。'];
const texts = (list: readonly { text: string }[]) => list.map((s) => s.text);

describe('Predictor', () => {
  it('completes the word being typed by frequency, capitalised at a sentence start', () => {
    const p = new Predictor({ en, zh, learned: new LearnedModel() });
    expect(texts(p.complete('en', 'th', 'I like ', 5))).toContain('the');
    expect(texts(p.complete('en', 'th', '', 5))[0]).toMatch(/^Th/);
    expect(texts(p.complete('en', 'i', 'so ', 3))).toContain('I');
    expect(p.complete('en', 'th', '', 4).every((s) => s.consumed === 2)).toBe(true);
  });

  it('offers the rest of a canned reply and its next word', () => {
    const p = new Predictor({ en, zh, learned: new LearnedModel(), canned });
    const next = p.next('en', 'Your parcel ', 6);
    expect(texts(next)[0]).toBe('is on its way.');
    expect(texts(next)).toContain('is');
    expect(texts(p.next('zh', '亲，请稍等，我帮您', 6))).toContain('查询一下。');
  });

  it('offers the words of a clause typed as initials (简拼), one after another', () => {
    const p = new Predictor({ en, zh, learned: new LearnedModel(), canned });
    // 亲，您的订单已经…: the canned reply that starts with 亲 lifts it among the q words.
    expect(texts(p.complete('zh', 'qnddyj', '', 16)).slice(0, 3)).toContain('亲');
    // The next clause's first word, lifted by a canned reply that starts with it.
    const shop = new Predictor({ en, zh, learned: new LearnedModel(), canned: ['您的包裹正在派送中。'] });
    expect(shop.complete('zh', 'nddyj', '亲，', 16)[0]).toMatchObject({ text: '您', consumed: 1 });
  });

  it("learns the worker's own text: next words and usage", () => {
    const learned = new LearnedModel();
    const p = new Predictor({ en, zh, learned });
    const cold = texts(p.next('en', 'Our kumquats ', 8));
    expect(cold).not.toContain('ripen');
    learned.learn('Our kumquats ripen in winter.', 'en');
    learned.learn('Our kumquats ripen slowly.', 'en');
    expect(texts(p.next('en', 'Our kumquats ', 8))).toContain('ripen');
    expect(texts(p.complete('en', 'ri', 'Our kumquats ', 3))).toContain('ripen');
    expect(learned.usage('en').get('ripen')).toBeGreaterThan(1.5);
  });

  it('puts a pinyin candidate that usually follows ahead of plain lookups', () => {
    const learned = new LearnedModel();
    const p = new Predictor({ en, zh, learned, canned: ['您的订单已经发货。'] });
    expect(texts(p.complete('zh', 'd', '您的', 3))[0]).toBe('订单');
    expect(p.complete('zh', 'd', '您的', 3)[0]?.consumed).toBe(1);
  });

  it('sets canned phrases at run time', () => {
    const p = new Predictor({ en, zh, learned: new LearnedModel() });
    p.setCanned(['Kumquats ship daily.']);
    expect(texts(p.next('en', 'Kumquats ', 3))[0]).toBe('ship daily.');
    p.setCanned([]);
    expect(texts(p.next('en', 'Kumquats ', 3))[0]).not.toBe('ship daily.');
  });
});

describe('LearnedModel', () => {
  it('stays within its cap, keeping what is used most and most lately', () => {
    const model = new LearnedModel({ maxEntries: 50 });
    for (let i = 0; i < 10; i++) model.learn('we ship kumquats every day', 'en');
    for (let i = 0; i < 300; i++) model.learn(`word${i} other${i}`, 'en');
    expect(model.size).toBeLessThanOrEqual(100);
    expect(model.choiceCount('en', 'other299')).toBeGreaterThan(0);
    expect(model.choiceCount('en', 'other0')).toBe(0);
  });

  it('lets unused counts fade', () => {
    const model = new LearnedModel({ halfLife: 10 });
    model.learn('kumquat', 'en');
    const fresh = model.choiceCount('en', 'kumquat');
    for (let i = 0; i < 10; i++) model.learn('pear', 'en');
    expect(model.choiceCount('en', 'kumquat')).toBeCloseTo(fresh / 2, 5);
  });

  it('round-trips through JSON and predicts the same afterwards', () => {
    const model = new LearnedModel();
    model.learn('Your kumquats ship tomorrow.', 'en');
    model.learn('亲，金桔明天发货。', 'zh');
    model.choose('金桔', 'zh');
    const json = JSON.parse(JSON.stringify(model.toJSON())) as unknown;
    const back = LearnedModel.fromJSON(json);
    expect(back.toJSON()).toEqual(model.toJSON());
    const a = new Predictor({ en, zh, learned: model });
    const b = new Predictor({ en, zh, learned: back });
    expect(b.next('en', 'Your kumquats ', 5)).toEqual(a.next('en', 'Your kumquats ', 5));
    expect(back.usage('zh').get('金桔')).toBe(model.usage('zh').get('金桔'));
  });

  it('refuses anything it did not write', () => {
    const good = new LearnedModel().toJSON();
    expect(() => LearnedModel.fromJSON({ ...good, version: 2 })).toThrow();
    expect(() => LearnedModel.fromJSON(null)).toThrow();
    expect(() => LearnedModel.fromJSON({ ...good, tick: -1 })).toThrow();
    const clause = { lang: 'en', words: ['a'], end: '.', count: 1, last: 0 };
    expect(learnedModelSchema.safeParse({ ...good, clauses: [clause] }).success).toBe(true);
    expect(learnedModelSchema.safeParse({ ...good, clauses: [{ ...clause, count: -1 }] }).success).toBe(
      false,
    );
    expect(learnedModelSchema.safeParse({ ...good, clauses: [{ ...clause, lang: 'fr' }] }).success).toBe(
      false,
    );
    expect(
      learnedModelSchema.safeParse({ ...good, clauses: [{ ...clause, words: ['x'.repeat(65)] }] }).success,
    ).toBe(false);
    expect(
      learnedModelSchema.safeParse({ ...good, choices: [{ lang: 'zh', text: '', count: 1, last: 0 }] })
        .success,
    ).toBe(false);
  });
});
