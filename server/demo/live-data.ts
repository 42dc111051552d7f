/**
 * The Demo Shop's live room: 覃金凤 (the anchor who cannot speak) sells from
 * her family's kumquat farm in Rong'an and the shop's other goods, with a
 * script per product and quick phrases for the teleprompter's voice.
 */
export const demoRoomSlug = 'jinfeng-kumquats';
export const demoAnchor = 'anchor';

/** Pictures (server/demo/live-assets.ts) by product SKU. */
export const demoProductImages: Record<string, string> = {
  'KQ-2500': '/live-assets/kumquats.svg',
  'PR-5000': '/live-assets/pears.svg',
  'LSF-5': '/live-assets/snail-noodles.svg',
  'GSP-A4': '/live-assets/stone-painting.svg',
  'DONG-EMB': '/live-assets/dong-embroidery.svg',
};

export interface DemoScript {
  kind: 'script' | 'phrase';
  sku: string | null;
  title: string;
  body: string;
}

export const demoScripts: DemoScript[] = [
  {
    kind: 'script',
    sku: 'KQ-2500',
    title: '融安金桔介绍',
    body:
      '大家好，欢迎来到金凤的直播间！今天给大家带来的是我们家果园自己种的融安金桔。' +
      '融安金桔皮薄肉厚，可以连皮一起吃，先甜后微酸。每一箱都是发货前一天现摘的，五斤装。' +
      '喜欢的朋友点一下下面的购买按钮，我们当天打包，顺丰发货。',
  },
  {
    kind: 'script',
    sku: 'KQ-2500',
    title: "Rong'an kumquats (English)",
    body:
      "Welcome to Jinfeng's farm! These are Rong'an kumquats from our own orchard. " +
      'You eat them whole, skin and all: sweet first, then a little tart. ' +
      'Every 2.5 kg box is picked the day before it ships. Press Buy below and we pack it today.',
  },
  {
    kind: 'script',
    sku: 'PR-5000',
    title: '秋月梨介绍',
    body: '这是秋月梨，十斤一箱，八到十个果。果肉细腻，汁水很多，冰一下更好吃。收到有磕碰的，拍照联系客服，我们包赔。',
  },
  {
    kind: 'script',
    sku: 'LSF-5',
    title: '柳州螺蛳粉介绍',
    body: '柳州螺蛳粉，一袋五包，配料里有酸笋、花生和腐竹。煮八分钟就好。不能吃辣的朋友，辣油可以少放一半。',
  },
  {
    kind: 'script',
    sku: 'GSP-A4',
    title: '桂林石画介绍',
    body: '这是桂林石画，A4大小，已经装好框。每一块石头的纹路都不一样，您收到的就是镜头里这一块，独一无二。',
  },
  {
    kind: 'script',
    sku: 'DONG-EMB',
    title: '侗族刺绣小包',
    body: '三江侗族阿姨手工绣的小包，一个要绣两天。图案是侗家的太阳纹，寓意平安吉祥。',
  },
  { kind: 'phrase', sku: null, title: '欢迎', body: '欢迎新来的朋友，喜欢的话点个关注！' },
  { kind: 'phrase', sku: null, title: '谢谢点赞', body: '谢谢大家的点赞，我们继续！' },
  { kind: 'phrase', sku: null, title: '发货时间', body: '今天下单，明天就从融安发货，一般两到三天到。' },
  { kind: 'phrase', sku: null, title: '坏果包赔', body: '收到有坏果的，拍照联系客服，坏一个赔一个。' },
  {
    kind: 'phrase',
    sku: null,
    title: '打字回答',
    body: '我不能说话，会用文字和这个声音回答大家，请多包涵。',
  },
  { kind: 'phrase', sku: null, title: '秒杀开始', body: '秒杀开始了！数量有限，手快有，手慢无。' },
  {
    kind: 'phrase',
    sku: null,
    title: 'Welcome (English)',
    body: 'Welcome! Ask anything in the comments and I will answer.',
  },
  {
    kind: 'phrase',
    sku: null,
    title: 'Thanks for buying',
    body: 'Thank you for your order! We pack it today.',
  },
];

/** Words that hold a comment until the anchor sees it: off-platform contact and abuse. */
export const demoKeywords = ['加微信', 'VX', '私聊转账', '骗子'];
