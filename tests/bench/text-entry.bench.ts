/**
 * Text entry by switch: what a fixed set of messages costs to type on the
 * on-screen keyboard, by the scan-cost model (shared/a11y/text-entry/entry-cost.ts)
 * and a simulated user who knows the message (typist.ts). BEFORE is the
 * alphabetical keyboard with no prediction; AFTER the scan-ordered layouts with
 * prediction, cold, after learning from the earlier messages in turn, and as a
 * seasoned worker whose model first learned their own past replies
 * (pastReplies in text-entry-messages.ts, a separate set from the bench messages).
 * `npx tsx tests/bench/text-entry.bench.ts`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import {
  KeyboardSession,
  LearnedModel,
  Predictor,
  alphabeticalLayout,
  figures,
  initialEntryState,
  latinLayout,
  parseEnLexicon,
  parseZhDictionary,
  pinyinDigraphLayout,
  pinyinLayout,
  suggestionsFor,
  typeLatin,
  typePinyin,
  suggestionRowId,
  suggestionsPerPage,
  suggestionsPerRow,
  withSuggestions,
  type EnLexicon,
  type EntryState,
  type KeyboardLayout,
  type KeyboardView,
  type PinyinStrategy,
  type Tally,
  type ZhDictionary,
} from '../../shared/a11y/text-entry';
import { defaultCostSettings } from '../../shared/a11y/text-entry/entry-cost';
import {
  enCanned,
  enMessages,
  enPastReplies,
  zhCanned,
  zhMessages,
  zhPastReplies,
} from './text-entry-messages';

const root = join(import.meta.dirname, '..', '..');
/** The keyboard's shape, chosen by the variants this bench prints: suggestions a page, and how many get a row each. */
interface Shape {
  pageSize: number;
  solo: number;
  perRow?: number;
}
const chosenShape: Shape = { pageSize: suggestionsPerPage, solo: 0, perRow: suggestionsPerRow };
/** How the simulated user spells Chinese, chosen by the variants this bench prints. */
const chosenStrategy: PinyinStrategy = 'word';
const han = /\p{Script=Han}/u;

interface Run {
  tally: Tally;
  chars: number;
  typed: boolean;
}

type Lang = 'en' | 'zh';
type Render = (s: EntryState, before: string) => KeyboardView;

function readingOf(text: string): string[] {
  const out = pinyin(text, { toneType: 'none', type: 'array', v: true });
  if (out.length !== [...text].length) throw new Error(`reading not aligned for ${text}`);
  return out;
}

interface Setup {
  render: Render;
  learned: LearnedModel | null;
  knows: (text: string) => boolean;
  strategy: PinyinStrategy;
}

function typeOne(lang: Lang, message: string, setup: Setup): { run: Run; chosen: string[] } {
  const session = new KeyboardSession(initialEntryState(lang === 'zh' ? 'pinyin' : 'latin'), setup.render);
  const typed =
    lang === 'zh'
      ? typePinyin(session, message, readingOf(message), setup.knows, setup.strategy)
      : typeLatin(session, message);
  return { run: { tally: session.tally, chars: [...message].length, typed }, chosen: session.chosen };
}

function predictiveRender(predictor: Predictor, layouts: Layouts, shape: Shape): Render {
  return (state, before) => {
    const { suggestions, more } = suggestionsFor(predictor, state, before, shape.pageSize);
    const rows = withSuggestions(
      layouts[state.mode],
      suggestions.map((s) => s.text),
      more,
      shape.solo,
    );
    return { rows, suggestions };
  };
}

type Layouts = Record<'latin' | 'pinyin', KeyboardLayout>;

/** Types each message in turn; with `learn`, the worker's model learns each one after it is sent. */
function runSet(lang: Lang, messages: readonly string[], make: () => Setup, learn: boolean): Run[] {
  const setup = make();
  return messages.map((message) => {
    const { run, chosen } = typeOne(lang, message, setup);
    if (learn && setup.learned !== null) {
      for (const c of chosen) setup.learned.choose(c, lang);
      setup.learned.learn(message, lang);
    }
    return run;
  });
}

interface Summary {
  typed: number;
  total: number;
  one: { presses: number; seconds: number };
  two: { presses: number; seconds: number };
  chars: number;
}

function summarise(runs: readonly Run[]): Summary {
  const ok = runs.filter((r) => r.typed);
  const n = Math.max(1, ok.length);
  const sum = { one: { presses: 0, seconds: 0 }, two: { presses: 0, seconds: 0 }, chars: 0 };
  for (const r of ok) {
    const f = figures(r.tally, defaultCostSettings);
    sum.one.presses += f.one.presses;
    sum.one.seconds += f.one.seconds;
    sum.two.presses += f.two.presses;
    sum.two.seconds += f.two.seconds;
    sum.chars += r.chars;
  }
  return {
    typed: ok.length,
    total: runs.length,
    one: { presses: sum.one.presses / n, seconds: sum.one.seconds / n },
    two: { presses: sum.two.presses / n, seconds: sum.two.seconds / n },
    chars: sum.chars / n,
  };
}

const f1 = (n: number) => n.toFixed(1).padStart(7);
const f2 = (n: number) => n.toFixed(2).padStart(6);

function line(label: string, s: Summary): string {
  if (s.typed === 0)
    return `${label.padEnd(34)} impossible (${s.total} of ${s.total} messages cannot be typed)`;
  const per = (x: number) => f2(x / s.chars);
  const partial = s.typed < s.total ? `  (only ${s.typed}/${s.total} typable)` : '';
  return (
    `${label.padEnd(34)} 1 switch ${f1(s.one.presses)} presses ${f1(s.one.seconds)} s  (${per(s.one.presses)}/char ${per(s.one.seconds)} s/char)` +
    `   2 switches ${f1(s.two.presses)} presses ${f1(s.two.seconds)} s  (${per(s.two.presses)}/char)${partial}`
  );
}

const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

export interface TextEntryFigures {
  zhSize: number;
  enSize: number;
  parseMs: number;
  indexMs: number;
  lookupMs: number;
  en: { before: Summary; cold: Summary; learned: Summary; seasoned: Summary };
  zh: { before: Summary; cold: Summary; learned: Summary; seasoned: Summary };
}

export function measureTextEntry(log: (s: string) => void = () => undefined): TextEntryFigures {
  const zhText = readFileSync(join(root, 'resources/ime/zh-words.tsv'), 'utf8');
  const enText = readFileSync(join(root, 'resources/ime/en-words.tsv'), 'utf8');
  // First run (cold JIT, as at start-up) and the best of five, with the lazy index built on the first lookup.
  const parses: { parseMs: number; indexMs: number; zh: ZhDictionary }[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const dict = parseZhDictionary(zhText);
    const parsed = performance.now() - t;
    t = performance.now();
    dict.lookup('a', { limit: 1 });
    parses.push({ parseMs: parsed, indexMs: performance.now() - t, zh: dict });
  }
  const zh = parses[0]?.zh ?? parseZhDictionary(zhText);
  const parseMs = parses[0]?.parseMs ?? 0;
  const indexMs = parses[0]?.indexMs ?? 0;
  const bestParseMs = Math.min(...parses.map((p) => p.parseMs));
  const bestIndexMs = Math.min(...parses.map((p) => p.indexMs));
  const en: EnLexicon = parseEnLexicon(enText);
  const queries = [
    'nh',
    'nihao',
    'nihaoma',
    'dd',
    'dingdan',
    'lsf',
    'fp',
    'q',
    'x',
    'zhongguo',
    'yjfhl',
    'tuikuan',
    // Initials of whole clauses (简拼), read as a best path.
    'qnddyjfhl',
    'wmhshmswnbfyx',
  ];
  const t = performance.now();
  const rounds = 50;
  for (let i = 0; i < rounds; i++) for (const q of queries) zh.lookup(q, { limit: 24 });
  const lookupMs = (performance.now() - t) / (rounds * queries.length);

  const canned = [...enCanned, ...zhCanned];
  const knows = (text: string) => zh.frequency(text) > 0;
  const layouts: Layouts = { latin: latinLayout, pinyin: pinyinLayout };
  const predictive =
    (
      chosen: Layouts = layouts,
      shape: Shape = chosenShape,
      strategy: PinyinStrategy = chosenStrategy,
      history: readonly string[] = [],
      dictionary: ZhDictionary = zh,
    ) =>
    (): Setup => {
      const learned = new LearnedModel();
      for (const reply of history) learned.learn(reply, han.test(reply) ? 'zh' : 'en');
      const predictor = new Predictor({ en, zh: dictionary, learned, canned });
      return { render: predictiveRender(predictor, chosen, shape), learned, knows, strategy };
    };
  const plain = (layout: KeyboardLayout) => (): Setup => ({
    render: () => ({ rows: layout.rows, suggestions: [] }),
    learned: null,
    knows,
    strategy: 'word',
  });
  const both = (lang: Lang, make: () => Setup) => {
    const messages = lang === 'en' ? enMessages : zhMessages;
    const history = lang === 'en' ? enPastReplies : zhPastReplies;
    return {
      cold: summarise(runSet(lang, messages, make, false)),
      learned: summarise(runSet(lang, messages, make, true)),
      seasoned: summarise(
        runSet(lang, messages, predictive(layouts, chosenShape, chosenStrategy, history), true),
      ),
    };
  };
  const enAfter = both('en', predictive());
  const zhAfter = both('zh', predictive());
  const result = {
    zhSize: zh.size,
    enSize: en.size,
    parseMs,
    indexMs,
    lookupMs,
    en: { before: summarise(runSet('en', enMessages, plain(alphabeticalLayout), false)), ...enAfter },
    zh: { before: summarise(runSet('zh', zhMessages, plain(alphabeticalLayout), false)), ...zhAfter },
  };
  const byLength = parseZhDictionary(zhText, { rankStarts: 'length' });
  const bonus = (pathWordBonus: number) => parseZhDictionary(zhText, { pathWordBonus });
  // The layout decisions, measured: what each part contributes, and the shapes not chosen.
  const alphabeticalPredictive: KeyboardLayout = {
    ...alphabeticalLayout,
    // Its punctuation takes the place of a suggestion's space, as on the new layouts.
    rows: [{ id: suggestionRowId, keys: [] }, ...alphabeticalLayout.rows].map((row) => ({
      ...row,
      keys: row.keys.map((key) =>
        key.action.type === 'char' && /[.,?!:]/.test(key.action.char)
          ? { ...key, action: { type: 'punct', char: key.action.char } }
          : key,
      ),
    })),
  };
  const variants: [string, Lang, () => Setup][] = [
    ['en: alphabetical + prediction', 'en', predictive({ ...layouts, latin: alphabeticalPredictive })],
    ['en: frequency layout, no prediction', 'en', plain(latinLayout)],
    ['zh: + zh/sh/ch/ng/an… keys', 'zh', predictive({ ...layouts, pinyin: pinyinDigraphLayout })],
    ['zh: word by word, taking a first character early', 'zh', predictive(layouts, chosenShape, 'eager')],
    [
      'zh: word by word, starts ranked by length',
      'zh',
      predictive(layouts, chosenShape, 'word', [], byLength),
    ],
    ['zh: 简拼, initials of the clause then its words', 'zh', predictive(layouts, chosenShape, 'clause')],
    ['zh: 简拼, starts ranked by length', 'zh', predictive(layouts, chosenShape, 'clause', [], byLength)],
    ['zh: 简拼, path word bonus +3', 'zh', predictive(layouts, chosenShape, 'clause', [], bonus(3))],
    ['zh: 简拼, path word bonus -3', 'zh', predictive(layouts, chosenShape, 'clause', [], bonus(-3))],
    ['zh: word, then initials of the words after it', 'zh', predictive(layouts, chosenShape, 'ahead')],
    ['zh: 简拼, past replies learned first', 'zh', predictive(layouts, chosenShape, 'clause', zhPastReplies)],
  ];
  for (const shape of [
    { pageSize: 6, solo: 0 },
    { pageSize: 8, solo: 0 },
    { pageSize: 10, solo: 0, perRow: 10 },
    { pageSize: 8, solo: 2 },
    { pageSize: 24, solo: 0, perRow: 8 },
  ]) {
    for (const lang of ['en', 'zh'] as const)
      variants.push([
        `${lang}: ${shape.pageSize} a page in rows of ${shape.perRow ?? suggestionsPerRow}, ${shape.solo} alone`,
        lang,
        predictive(layouts, shape),
      ]);
  }
  log(
    `\ntext entry (scan-cost model, group scanning, interval ${defaultCostSettings.intervalMs} ms, first-item delay ${defaultCostSettings.firstItemDelayMs} ms; two switches: an assumed ${defaultCostSettings.msPerPress / 1000} s a press)`,
  );
  log(
    `dictionary: zh ${result.zhSize} rows, parse ${parseMs.toFixed(1)} ms first / ${bestParseMs.toFixed(1)} ms best of 5 (goal < 150), index on first lookup ${indexMs.toFixed(1)} / ${bestIndexMs.toFixed(1)} ms, lookup ${lookupMs.toFixed(3)} ms (goal < 2); en ${result.enSize} words`,
  );
  for (const lang of ['en', 'zh'] as const) {
    const r = result[lang];
    log(
      `${lang} (${lang === 'en' ? enMessages.length : zhMessages.length} messages, mean ${r.cold.chars.toFixed(1)} chars), mean per message:`,
    );
    log(line('  BEFORE alphabetical, no prediction', r.before));
    log(line('  AFTER cold', r.cold));
    log(line('  AFTER learning, in sequence', r.learned));
    log(line('  AFTER seasoned worker', r.seasoned));
  }
  log(
    '  (cold: an empty learned model, each message alone; in sequence: the model learns each bench message after it is sent;\n' +
      "   seasoned: the model first learns the worker's own ~60 past replies (pastReplies, not the bench messages), then as in sequence)",
  );
  log(
    `variants (means per message; chosen: ${chosenShape.pageSize} suggestions in rows of ${chosenShape.perRow}, zh typist '${chosenStrategy}'):`,
  );
  for (const [label, lang, make] of variants) {
    const messages = lang === 'en' ? enMessages : zhMessages;
    log(line(`  ${label}, cold`, summarise(runSet(lang, messages, make, false))));
  }
  const ratio = (a: number, b: number) => (b === 0 ? Infinity : a / b);
  const e = result.en;
  log(
    `goal 1, ≥ 3x fewer presses on the English set: 1 switch ${ratio(e.before.one.presses, e.cold.one.presses).toFixed(2)}x cold, ${ratio(e.before.one.presses, e.learned.one.presses).toFixed(2)}x learned; ` +
      `2 switches ${ratio(e.before.two.presses, e.cold.two.presses).toFixed(2)}x cold, ${ratio(e.before.two.presses, e.learned.two.presses).toFixed(2)}x learned; ` +
      `seasoned ${ratio(e.before.one.presses, e.seasoned.one.presses).toFixed(2)}x / ${ratio(e.before.two.presses, e.seasoned.two.presses).toFixed(2)}x: ` +
      verdict(
        Math.min(
          ratio(e.before.one.presses, e.cold.one.presses),
          ratio(e.before.two.presses, e.cold.two.presses),
        ) >= 3,
      ),
  );
  const z = result.zh;
  log(
    `goal 2, zh-CN possible (${z.cold.typed}/${z.cold.total} typed) at no more than the English set's cost per message: ` +
      `1 switch zh ${z.cold.one.seconds.toFixed(1)} s cold / ${z.learned.one.seconds.toFixed(1)} s learned vs en ${e.cold.one.seconds.toFixed(1)} s / ${e.learned.one.seconds.toFixed(1)} s; ` +
      `2 switches zh ${z.cold.two.presses.toFixed(1)} / ${z.learned.two.presses.toFixed(1)} vs en ${e.cold.two.presses.toFixed(1)} / ${e.learned.two.presses.toFixed(1)} presses; ` +
      `seasoned 1 switch zh ${z.seasoned.one.presses.toFixed(1)} presses ${z.seasoned.one.seconds.toFixed(1)} s vs en ${e.seasoned.one.presses.toFixed(1)} / ${e.seasoned.one.seconds.toFixed(1)} s: ` +
      verdict(
        z.cold.typed === z.cold.total &&
          z.cold.one.seconds <= e.cold.one.seconds &&
          z.cold.one.presses <= e.cold.one.presses &&
          z.cold.two.presses <= e.cold.two.presses,
      ),
  );
  return result;
}

export async function runTextEntryBench(): Promise<void> {
  measureTextEntry((s) => console.log(s));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runTextEntryBench();
  process.exit(0);
}
