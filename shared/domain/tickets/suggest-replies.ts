/**
 * Suggested replies: which canned replies fit a customer's message best,
 * ranked by term overlap with no network service, so the hub and the
 * renderer can both run it. A reply scores BM25 over its title and body,
 * plus BM25 against the closest of the customer messages agents answered
 * with it before ("learned": how customers actually ask). Measured by
 * tests/bench/suggest-replies.bench.ts, which also chose this shape over one
 * document of title + body + all learned messages: there, a reply's one or
 * two picks sharing a 会不会 or a "hi" with the message outweighed the body,
 * and learning lowered top-1 accuracy instead of raising it.
 */

export interface ReplyCandidate {
  id: number;
  title: string;
  body: string;
  locale: 'zh-CN' | 'en' | null;
  /** Customer messages agents answered with this reply before (learned from picks), newest first, bounded by the caller. */
  learned?: readonly string[];
}

export interface RankedReply {
  id: number;
  score: number;
}

/** Longer input is cut: a pasted log must not stall the hub, and its first lines carry the question anyway. */
export const maxMatchCodePoints = 2000;

// Small on purpose: question words (哪, 怎么, where, when) and 在 (在吗) carry the intent and stay.
const zhStopWords = [
  '的',
  '了',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '哦',
  '嗯',
  '么',
  '是',
  '我',
  '你',
  '您',
  '我们',
  '你们',
  '这',
  '那',
  '这个',
  '那个',
  '就',
  '都',
  '也',
  '和',
  '与',
  '很',
  '一',
  '个',
  '请',
  '请问',
  '一下',
  '下',
  '给',
  '把',
  '被',
  '让',
  '亲',
  '哈',
  '啦',
  '嘛',
  '呗',
];
const enStopWords = [
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'am',
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'you',
  'your',
  'it',
  'its',
  "it's",
  'this',
  'that',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'and',
  'or',
  'but',
  'so',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'can',
  'could',
  'would',
  'will',
  'should',
  'just',
  'there',
  'as',
  'by',
  'if',
  'then',
  'very',
  'also',
  'please',
];
const stopWords = new Set([...zhStopWords, ...enStopWords]);

const hanChar = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;
const latinLetter = /\p{Script=Latin}/gu;

// Built once: constructing a segmenter costs far more than using one.
let segmenters: { zh: Intl.Segmenter; en: Intl.Segmenter } | null = null;
function segmenter(han: boolean): Intl.Segmenter {
  segmenters ??= {
    zh: new Intl.Segmenter('zh', { granularity: 'word' }),
    en: new Intl.Segmenter('en', { granularity: 'word' }),
  };
  return han ? segmenters.zh : segmenters.en;
}

function cut(text: string, max: number): string {
  // Cheap check first: a string of at most max UTF-16 units holds at most max code points.
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const c of text) {
    if (n++ >= max) break;
    out += c;
  }
  return out;
}

/**
 * A light English stemmer, so "refunded", "refunds" and "refund" meet, and
 * "shipped"/"shipping"/"ship". Only suffixes whose removal is safe in shop
 * talk; Porter proper would be a lot of code for little more here.
 */
function stem(word: string): string {
  if (!/^[a-z']+$/.test(word)) return word;
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length > 4 && (w.endsWith('ies') || w.endsWith('ied'))) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 4 && /(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/**
 * Words for matching: Intl.Segmenter word granularity (locale 'zh' for Han
 * text so Chinese splits into words), word-like segments only, NFKC and
 * lower-cased, stop words removed, English lightly stemmed, plus the
 * character bigrams of every Han run, so 螺蛳粉 (which ICU splits into single
 * characters) and 退货退款 still meet their words.
 */
export function matchTerms(text: string): string[] {
  // 您 is the polite 你: customers write 你好, replies 您好.
  const normal = cut(text, maxMatchCodePoints).normalize('NFKC').toLowerCase().replaceAll('您', '你');
  const han = hanChar.test(normal);
  const out: string[] = [];
  // A two-character word is already a term: its own bigram would count it twice.
  const wordAt = new Set<number>();
  for (const s of segmenter(han).segment(normal)) {
    if (s.isWordLike !== true) continue;
    const word = s.segment;
    if (word.length === 2 && han) wordAt.add(s.index);
    if (stopWords.has(word)) continue;
    out.push(stem(word));
    if (han && word.length > 1 && hanChar.test(word))
      for (const c of word) if (!stopWords.has(c)) out.push(c);
  }
  if (han) {
    for (const run of normal.matchAll(hanRun)) {
      const chars = [...run[0]];
      let at = run.index;
      for (let i = 0; i + 1 < chars.length; i++) {
        const first = chars[i] ?? '';
        const second = chars[i + 1] ?? '';
        // 的金 (我的金桔) and 在吗 are noise: a grammatical particle never starts or ends a useful bigram.
        if (!wordAt.has(at) && !stopWords.has(first) && !stopWords.has(second)) out.push(first + second);
        at += first.length;
      }
    }
  }
  return out;
}

/** Han or Latin, by what most of the text is written in; null when neither (digits, emoji). */
export function messageLanguage(text: string): 'zh-CN' | 'en' | null {
  const sample = cut(text, maxMatchCodePoints);
  let han = 0;
  for (const c of sample) if (hanChar.test(c)) han++;
  const latin = sample.match(latinLetter)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  // A Han character carries about as much as a short English word: "Where is my 金桔 order" is English.
  return han * 3 >= latin ? 'zh-CN' : 'en';
}

// BM25: term-frequency saturation and length normalisation, the usual values.
const k1 = 1.2;
const b = 0.75;
/** The title is the agent's own summary of when to use the reply: it counts as if written twice. */
const titleRepeats = 2;
/** How much the closest learned message adds beside the title and body. */
const learnedWeight = 0.5;
/** Score factors by the candidate's language against the message's. */
const sameLanguage = 1;
const anyLanguage = 0.85;
const otherLanguage = 0.5;

/**
 * Terms by text, bounded: the hub rebuilds its ranker whenever a reply or a
 * pick changes, and segmenting (about 0.1 ms a sentence) is most of a
 * build, so texts seen before are not segmented again.
 */
const termCache = new Map<string, readonly string[]>();
const termCacheLimit = 20_000;

function cachedTerms(text: string): readonly string[] {
  const hit = termCache.get(text);
  if (hit !== undefined) return hit;
  const terms = matchTerms(text);
  if (termCache.size >= termCacheLimit) {
    // Oldest first: Map keeps insertion order.
    const oldest = termCache.keys().next();
    if (oldest.done !== true) termCache.delete(oldest.value);
  }
  termCache.set(text, terms);
  return terms;
}

interface Doc {
  /** Index into the candidates. */
  readonly owner: number;
  readonly learned: boolean;
  readonly counts: Map<string, number>;
  readonly length: number;
}

function docOf(owner: number, learned: boolean, terms: readonly string[]): Doc {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { owner, learned, counts, length: terms.length };
}

/** The docs holding a term, and the term's whole BM25 contribution to each: it does not depend on the message. */
interface Postings {
  readonly docs: number[];
  readonly weights: number[];
}

export class ReplyRanker {
  private readonly ids: number[];
  private readonly locales: ('zh-CN' | 'en' | null)[];
  private readonly owners: number[];
  private readonly learned: boolean[];
  private readonly postings = new Map<string, Postings>();

  constructor(candidates: readonly ReplyCandidate[]) {
    this.ids = candidates.map((c) => c.id);
    this.locales = candidates.map((c) => c.locale);
    const docs: Doc[] = [];
    candidates.forEach((c, owner) => {
      const title = cachedTerms(c.title);
      docs.push(
        docOf(owner, false, [
          ...Array<readonly string[]>(titleRepeats).fill(title).flat(),
          ...cachedTerms(c.body),
        ]),
      );
      for (const m of c.learned ?? []) docs.push(docOf(owner, true, cachedTerms(m)));
    });
    this.owners = docs.map((d) => d.owner);
    this.learned = docs.map((d) => d.learned);
    // Learned messages count as documents for rarity too: the words every customer uses (什么时候, when) weigh little.
    const df = new Map<string, number>();
    for (const d of docs) for (const t of d.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const averageLength = (learned: boolean) => {
      const lengths = docs.filter((d) => d.learned === learned).map((d) => d.length);
      const total = lengths.reduce((sum, n) => sum + n, 0);
      return lengths.length === 0 || total === 0 ? 1 : total / lengths.length;
    };
    // Replies and customer messages differ in length by kind: each is measured against its own kind.
    const average = { reply: averageLength(false), message: averageLength(true) };
    const idf = new Map<string, number>();
    for (const [term, seen] of df) idf.set(term, Math.log(1 + (docs.length - seen + 0.5) / (seen + 0.5)));
    docs.forEach((d, at) => {
      const norm = 1 - b + (b * d.length) / (d.learned ? average.message : average.reply);
      for (const [term, n] of d.counts) {
        const weight = ((idf.get(term) ?? 0) * n * (k1 + 1)) / (n + k1 * norm);
        const list = this.postings.get(term);
        if (list === undefined) this.postings.set(term, { docs: [at], weights: [weight] });
        else {
          list.docs.push(at);
          list.weights.push(weight);
        }
      }
    });
  }

  /** Best first, at most k, only scores > 0; ties by id. Prefers candidates in the message's language. */
  rank(message: string, k = 3): RankedReply[] {
    if (k <= 0 || this.ids.length === 0) return [];
    const perDoc = new Map<number, number>();
    for (const term of new Set(matchTerms(message))) {
      const list = this.postings.get(term);
      if (list === undefined) continue;
      list.docs.forEach((doc, i) => perDoc.set(doc, (perDoc.get(doc) ?? 0) + (list.weights[i] ?? 0)));
    }
    if (perDoc.size === 0) return [];
    const own = new Map<number, number>();
    const closest = new Map<number, number>();
    for (const [doc, score] of perDoc) {
      const owner = this.owners[doc] ?? 0;
      if (this.learned[doc] === true) closest.set(owner, Math.max(closest.get(owner) ?? 0, score));
      else own.set(owner, score);
    }
    const lang = messageLanguage(message);
    const ranked: RankedReply[] = [];
    for (const owner of new Set([...own.keys(), ...closest.keys()])) {
      const locale = this.locales[owner] ?? null;
      const factor =
        lang === null || locale === lang ? sameLanguage : locale === null ? anyLanguage : otherLanguage;
      const score = ((own.get(owner) ?? 0) + learnedWeight * (closest.get(owner) ?? 0)) * factor;
      if (score > 0) ranked.push({ id: this.ids[owner] ?? 0, score });
    }
    ranked.sort((x, y) => y.score - x.score || x.id - y.id);
    return ranked.slice(0, k);
  }
}
