// Builds the on-screen keyboard's word lists under resources/ime/ from their public sources (see
// resources/ime/README.md for provenance and licences). The outputs are committed; run this only to
// regenerate them:
//   node scripts/build-ime-data.mjs --jieba <jieba.dict.utf8> --subtlex <subtlex index.json>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pinyin, polyphonic } from 'pinyin-pro';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'resources', 'ime');
const { values } = parseArgs({
  options: {
    jieba: { type: 'string' },
    subtlex: { type: 'string' },
    'zh-words': { type: 'string', default: '55000' },
    'en-words': { type: 'string', default: '20000' },
  },
});
if (!values.jieba || !values.subtlex) {
  console.error('usage: node scripts/build-ime-data.mjs --jieba <jieba.dict.utf8> --subtlex <index.json>');
  process.exit(2);
}

/** The demo shop's own words: products, delivery, after-sales. Merged in at shop-vocabulary frequency. */
const zhShop =
  `融安金桔 金桔 桔子 秋月梨 梨 柳州螺蛳粉 螺蛳粉 米粉 桂林石画 石画 侗族手工艺品 手工艺品 工艺品 快递 物流
单号 快递单号 物流单号 订单 订单号 发货 已发货 未发货 退款 退货 换货 发票 电子发票 开发票 增值税发票 抬头 税号 保质期 冷藏 冷链
常温 破损 坏果 烂果 补发 重发 包邮 运费 签收 拒收 售后 亲 亲亲 客服 人工客服 优惠券 满减 下单 付款 支付 拍下 库存 现货 预售 规格
尺寸 重量 斤 箱 礼盒 包装 赔偿 理赔 照片 拍照 核实 处理 安排 加急 催单 派送 配送 送达 揽收 中转 顺丰 中通 圆通 韵达 邮政 京东
地址 收货地址 修改地址 电话 联系方式 取消订单 确认收货 好评 评价 退款到账 原路退回 工作日 售后服务 质量问题 七天无理由 保价 新鲜
现摘 产地 广西 柳州 融安 桂林 侗族 直播间 主播 下播 你好 您好 谢谢 谢谢您 不客气 请问 稍等 抱歉 不好意思 麻烦 感谢 耐心 理解
支持 放心 满意`
    .split(/\s+/)
    .filter(Boolean);
const enShop =
  `kumquat kumquats pear pears noodles snail invoice invoices refund refunds refunded tracking courier
courier's parcel parcels shipment shipped shipping delivery delivered dispatch dispatched order orders replacement
replace damaged bruised warranty receipt voucher coupon discount checkout cart refrigerate refrigerated shelf
handicraft handicrafts liuzhou guilin rong'an dong wings customer support apologize apologise inconvenience`
    .split(/\s+/)
    .filter(Boolean);

const han = /^\p{Script=Han}+$/u;

function buildZh() {
  const rows = [];
  for (const line of readFileSync(values.jieba, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (!word || !han.test(word)) continue;
    rows.push({ word, freq: Number(freq) });
  }
  rows.sort((a, b) => b.freq - a.freq || (a.word < b.word ? -1 : 1));
  const keep = rows.slice(0, Number(values['zh-words']));
  // Every character the kept words use must be typable on its own too.
  const chars = new Map(rows.filter((r) => [...r.word].length === 1).map((r) => [r.word, r.freq]));
  const byWord = new Map(keep.map((r) => [r.word, r.freq]));
  for (const r of keep) for (const c of r.word) if (!byWord.has(c)) byWord.set(c, chars.get(c) ?? 1);
  // A shop's own words are common in its chats: rank them with the top 3,000 of the language.
  const shopFreq = keep[3000]?.freq ?? 1000;
  for (const w of zhShop) {
    byWord.set(w, Math.max(byWord.get(w) ?? 0, shopFreq));
    for (const c of w) if (!byWord.has(c)) byWord.set(c, chars.get(c) ?? 1);
  }
  const out = [];
  const add = (word, reading, freq) => {
    if (reading.length !== [...word].length || !reading.every((s) => /^[a-z]+$/.test(s))) return;
    out.push({ word, reading: reading.join(' '), freq });
  };
  for (const [word, freq] of byWord) {
    // pinyin-pro reads polyphones inside a word from context; a lone character gets every reading:
    if ([...word].length === 1) {
      const readings = [...new Set(polyphonic(word, { toneType: 'none', type: 'array', v: true })[0] ?? [])];
      // polyphonic lists the usual reading first; the rest are rarer, so they rank far lower.
      readings.forEach((r, i) => add(word, [r], i === 0 ? freq : Math.max(1, Math.round(freq / 50))));
    } else add(word, pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }), freq);
  }
  out.sort((a, b) => b.freq - a.freq || (a.word < b.word ? -1 : 1));
  const missing = zhShop.filter((w) => !out.some((r) => r.word === w));
  if (missing.length > 0) throw new Error(`shop words lost: ${missing.join(' ')}`);
  return out.map((r) => `${r.word}\t${r.reading}\t${r.freq}`).join('\n') + '\n';
}

/** SUBTLEX splits contractions at the apostrophe; these stems only ever occur before "n't". */
const notStems = [
  'don',
  'doesn',
  'didn',
  'isn',
  'wasn',
  'couldn',
  'wouldn',
  'shouldn',
  'aren',
  'weren',
  'hasn',
  'hadn',
];

function buildEn() {
  /** @type {{ word: string, count: number }[]} */
  const list = JSON.parse(readFileSync(values.subtlex, 'utf8'));
  const counts = new Map();
  for (const { word, count } of list) {
    let w = word;
    if (notStems.includes(w)) w = `${w}'t`;
    else if (w !== 'I' && w !== 'a' && !/^[a-z]{2,}$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Number(values['en-words']));
  const kept = new Map(top);
  const shopCount = top[2000]?.[1] ?? 100;
  for (const w of enShop) kept.set(w, Math.max(kept.get(w) ?? 0, shopCount));
  return (
    [...kept]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([w, c]) => `${w}\t${c}`)
      .join('\n') + '\n'
  );
}

mkdirSync(outDir, { recursive: true });
const zh = buildZh();
const en = buildEn();
writeFileSync(join(outDir, 'zh-words.tsv'), zh);
writeFileSync(join(outDir, 'en-words.tsv'), en);
console.log(
  `zh-words.tsv: ${zh.split('\n').length - 1} rows, ${Buffer.byteLength(zh)} bytes; ` +
    `en-words.tsv: ${en.split('\n').length - 1} words, ${Buffer.byteLength(en)} bytes`,
);
