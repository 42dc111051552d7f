import { describe, expect, it } from 'vitest';
import {
  ReplyRanker,
  matchTerms,
  maxMatchCodePoints,
  messageLanguage,
  type ReplyCandidate,
} from '../../shared/domain/tickets/suggest-replies';

const replies: ReplyCandidate[] = [
  {
    id: 1,
    title: '物流查询',
    body: '亲，您的订单{order.id}已经发货了，包裹正在运输途中，一般三到五天送达。',
    locale: 'zh-CN',
  },
  {
    id: 2,
    title: '退款进度',
    body: '您的退款已经处理好了，金额会在一到三个工作日内原路退回。',
    locale: 'zh-CN',
  },
  {
    id: 3,
    title: '开发票',
    body: '可以开的，请把发票抬头和税号发给我，确认收货后三个工作日内开出。',
    locale: 'zh-CN',
  },
  {
    id: 4,
    title: '螺蛳粉辣度',
    body: '我们的柳州螺蛳粉是中辣，辣椒油单独一包，怕辣可以少放。',
    locale: 'zh-CN',
  },
  {
    id: 5,
    title: 'Delivery status',
    body: 'Your order {order.id} has been shipped and is on its way, with the tracking number on the order page.',
    locale: 'en',
  },
  {
    id: 6,
    title: 'Refund status',
    body: 'Your refund has been processed and goes back to your original payment method.',
    locale: 'en',
  },
  {
    id: 7,
    title: 'Invoice',
    body: 'We can issue an electronic invoice: send me the company name and tax number.',
    locale: 'en',
  },
];

const top = (ranker: ReplyRanker, message: string) => ranker.rank(message, 3)[0]?.id;

describe('matchTerms', () => {
  it('splits Chinese into words, drops particles, and adds Han bigrams', () => {
    const terms = matchTerms('我的快递到哪了');
    expect(terms).toContain('快递');
    expect(terms).toContain('到');
    expect(terms).not.toContain('了');
    expect(terms).not.toContain('我的快递到哪了');
    // ICU splits 螺蛳粉 into single characters: the bigrams still meet 螺蛳 in a reply.
    expect(matchTerms('螺蛳粉辣不辣')).toContain('螺蛳');
  });

  it('lower-cases, normalises (NFKC) and lightly stems English, without stop words', () => {
    expect(matchTerms('Where is my REFUND?')).toEqual(['wher', 'refund']);
    expect(matchTerms('refunded refunds')).toEqual(['refund', 'refund']);
    // Full-width Latin letters are folded by NFKC.
    expect(matchTerms('ｒｅｆｕｎｄ')).toEqual(['refund']);
  });

  it('treats 您 as 你, so 你好 meets 您好', () => {
    expect(matchTerms('你好')).toEqual(matchTerms('您好'));
  });

  it('is empty for nothing to match', () => {
    expect(matchTerms('')).toEqual([]);
    expect(matchTerms('   ')).toEqual([]);
    expect(matchTerms('😀👍🎉')).toEqual([]);
    expect(matchTerms('？！。，')).toEqual([]);
  });

  it('reads at most the first maxMatchCodePoints code points', () => {
    const head = '退款'.repeat(maxMatchCodePoints / 2);
    expect(matchTerms(`${head}发票`)).not.toContain('发票');
    expect(matchTerms(`${head.slice(2)}发票`)).toContain('发票');
  });
});

describe('messageLanguage', () => {
  it('tells Han from Latin by what most of the text is', () => {
    expect(messageLanguage('我的快递到哪了')).toBe('zh-CN');
    expect(messageLanguage('Where is my 金桔 order?')).toBe('en');
    expect(messageLanguage('hi 我的订单还没到')).toBe('zh-CN');
    expect(messageLanguage('12345 😀')).toBeNull();
  });
});

describe('ReplyRanker', () => {
  const ranker = new ReplyRanker(replies);

  it('picks the obvious reply in Chinese', () => {
    expect(top(ranker, '我的快递到哪了？发货了吗')).toBe(1);
    expect(top(ranker, '退款什么时候到账')).toBe(2);
    expect(top(ranker, '能开发票吗，要公司抬头')).toBe(3);
    expect(top(ranker, '螺蛳粉辣不辣')).toBe(4);
  });

  it('picks the obvious reply in English', () => {
    expect(top(ranker, 'Has my order shipped? Any tracking number?')).toBe(5);
    expect(top(ranker, 'when will my refund be processed')).toBe(6);
    expect(top(ranker, 'I need an invoice for my company')).toBe(7);
  });

  it("prefers the message's language when both match", () => {
    // The same words in three replies: only the language tells them apart.
    const same = (id: number, locale: ReplyCandidate['locale']): ReplyCandidate => ({
      id,
      title: 'order 订单',
      body: 'order 订单 DS20261128-0042',
      locale,
    });
    const trio = new ReplyRanker([same(1, 'en'), same(2, 'zh-CN'), same(3, null)]);
    const ids = (message: string) => trio.rank(message, 3).map((r) => r.id);
    expect(ids('我的order还没到，订单DS20261128-0042')).toEqual([2, 3, 1]);
    expect(ids('where is my order 订单 DS20261128-0042')).toEqual([1, 3, 2]);
    // Mixed text counts as what most of it is written in.
    expect(top(ranker, 'has my 金桔 order shipped yet, any tracking number')).toBe(5);
  });

  it('returns at most k, best first, only scores above 0', () => {
    const ranked = ranker.rank('退款 发票 快递 螺蛳粉', 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0]?.score ?? 0).toBeGreaterThanOrEqual(ranked[1]?.score ?? 0);
    for (const r of ranker.rank('退款 发票 快递 螺蛳粉', 10)) expect(r.score).toBeGreaterThan(0);
    expect(ranker.rank('退款', 0)).toEqual([]);
    expect(ranker.rank('completely unrelated weather chat')).toEqual([]);
  });

  it('lifts a reply by the messages agents answered with it', () => {
    const message = '东西还没收到，咋回事';
    const before = new ReplyRanker(replies).rank(message, 7);
    expect(before[0]?.id).not.toBe(1);
    const learned = new ReplyRanker(
      replies.map((r) => (r.id === 1 ? { ...r, learned: ['东西怎么还没收到', '还没收到货咋回事'] } : r)),
    );
    expect(top(learned, message)).toBe(1);
    const scoreOf = (list: { id: number; score: number }[]) => list.find((r) => r.id === 1)?.score ?? 0;
    expect(scoreOf(learned.rank(message, 7))).toBeGreaterThan(scoreOf(before));
  });

  it('breaks ties by id, whatever the order of the candidates', () => {
    const twins: ReplyCandidate[] = [
      { id: 9, title: 'Refund', body: 'Your refund is on its way.', locale: 'en' },
      { id: 3, title: 'Refund', body: 'Your refund is on its way.', locale: 'en' },
      { id: 5, title: 'Refund', body: 'Your refund is on its way.', locale: 'en' },
    ];
    const ids = (list: ReplyCandidate[]) => new ReplyRanker(list).rank('refund?', 3).map((r) => r.id);
    expect(ids(twins)).toEqual([3, 5, 9]);
    expect(ids([...twins].reverse())).toEqual([3, 5, 9]);
  });

  it('is safe on empty, emoji-only and huge input', () => {
    expect(ranker.rank('')).toEqual([]);
    expect(ranker.rank('😀😀👍')).toEqual([]);
    expect(new ReplyRanker([]).rank('退款')).toEqual([]);
    const huge = `${'退款到账了吗'.repeat(200_000)}发票`;
    const ranked = ranker.rank(huge);
    expect(ranked[0]?.id).toBe(2);
    // Cut at maxMatchCodePoints: 发票 at the very end is never read.
    expect(ranked.map((r) => r.id)).not.toContain(3);
    const bloated = new ReplyRanker([
      { id: 1, title: '退款', body: huge, locale: 'zh-CN', learned: [huge, ''] },
      { id: 2, title: '发票', body: '发票抬头', locale: 'zh-CN' },
    ]);
    expect(bloated.rank('退款')[0]?.id).toBe(1);
    expect(bloated.rank('发票')[0]?.id).toBe(2);
  });
});
