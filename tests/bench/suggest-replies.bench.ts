/**
 * Suggested replies: how often the right canned reply (server/demo/canned-replies.ts)
 * is among the three the ranker (shared/domain/tickets/suggest-replies.ts)
 * offers for a labelled customer question (suggest-replies-set.ts), cold and
 * after learning from half the set; what answering each question costs a
 * switch user with and without the suggestions, by the scan-cost model; and
 * how long ranking takes beside a plain substring scan. Prints, asserts nothing.
 * `npx tsx tests/bench/suggest-replies.bench.ts`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { choicesAt, type ScanLevel } from '../../shared/a11y/scan-levels';
import { indexTree, normalizeTree, type ScanNode } from '../../shared/a11y/scan-tree';
import {
  KeyboardSession,
  LearnedModel,
  Predictor,
  figures,
  initialEntryState,
  latinLayout,
  parseEnLexicon,
  parseZhDictionary,
  pinyinLayout,
  suggestionsFor,
  suggestionsPerPage,
  typeLatin,
  typePinyin,
  withSuggestions,
  type EntryMode,
  type KeyboardView,
  type Tally,
  type ZhDictionary,
} from '../../shared/a11y/text-entry';
import { defaultCostSettings } from '../../shared/a11y/text-entry/entry-cost';
import { fillCanned } from '../../shared/domain/tickets/canned-variables';
import {
  ReplyRanker,
  type RankedReply,
  type ReplyCandidate,
} from '../../shared/domain/tickets/suggest-replies';
import { demoCannedReplies } from '../../server/demo/canned-replies';
import { demoCustomers, demoUsers } from '../../server/demo/data';
import { suggestRepliesSet, type LabelledQuestion } from './suggest-replies-set';

const root = join(import.meta.dirname, '..', '..');
const shown = 3;
const top3Goal = 0.8;

const candidates: ReplyCandidate[] = demoCannedReplies.map((r, i) => ({
  id: i + 1,
  title: r.title,
  body: r.body,
  locale: r.locale,
}));
const idOf = new Map(demoCannedReplies.map((r, i) => [r.key, i + 1] as const));
for (const q of suggestRepliesSet)
  if (!idOf.has(q.key)) throw new Error(`labelled question names no canned reply: ${q.key}`);
const wantedId = (q: LabelledQuestion): number => idOf.get(q.key) ?? -1;

type Ranker = (message: string) => readonly RankedReply[];

/**
 * The trivial baseline: a reply scores one for each of the message's Han
 * character pairs and Latin words (3+ letters) found anywhere in its title and body.
 */
function substringRanker(list: readonly ReplyCandidate[]): Ranker {
  const texts = list.map((c) => `${c.title} ${c.body}`.toLowerCase());
  return (message) => {
    const m = message.toLowerCase();
    const probes = new Set<string>();
    for (const run of m.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) probes.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
    }
    for (const w of m.match(/[a-z]{3,}/g) ?? []) probes.add(w);
    const out: RankedReply[] = [];
    texts.forEach((text, i) => {
      let score = 0;
      for (const p of probes) if (text.includes(p)) score++;
      if (score > 0) out.push({ id: list[i]?.id ?? 0, score });
    });
    return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, shown);
  };
}

interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}

function accuracy(questions: readonly LabelledQuestion[], rank: Ranker): Accuracy {
  let top1 = 0;
  let top3 = 0;
  for (const q of questions) {
    const ids = rank(q.message).map((r) => r.id);
    if (ids[0] === wantedId(q)) top1++;
    if (ids.slice(0, shown).includes(wantedId(q))) top3++;
  }
  return { n: questions.length, top1, top3 };
}

/** The two halves of the split: alternate questions, so each half has every topic that has two questions or more. */
const halves: [LabelledQuestion[], LabelledQuestion[]] = [
  suggestRepliesSet.filter((_, i) => i % 2 === 0),
  suggestRepliesSet.filter((_, i) => i % 2 === 1),
];

function learnedFrom(questions: readonly LabelledQuestion[]): ReplyCandidate[] {
  return candidates.map((c) => ({
    ...c,
    // Newest first, as the hub hands them over.
    learned: questions
      .filter((q) => wantedId(q) === c.id)
      .map((q) => q.message)
      .reverse(),
  }));
}

const byLang = (questions: readonly LabelledQuestion[], lang: 'zh-CN' | 'en' | null) =>
  lang === null ? questions : questions.filter((q) => q.lang === lang);

// ── Switch presses ──────────────────────────────────────────────────────────

const agentName = demoUsers.find((u) => u.username === 'agent')?.displayName ?? '韦秀兰';
const namesFor = (locale: 'zh-CN' | 'en') =>
  demoCustomers.filter((c) => c.locale === locale).map((c) => c.name);
const orderPattern = /DS\d{8}-\d{4}/;

/** The filled reply the agent sends to question i: the customer's name, their order (quoted or on the ticket), the agent. */
function replyText(q: LabelledQuestion, i: number): string {
  const reply = demoCannedReplies[wantedId(q) - 1];
  if (reply === undefined) throw new Error(`no reply ${q.key}`);
  const names = namesFor(q.lang);
  const order = orderPattern.exec(q.message)?.[0] ?? `DS20261201-${String(100 + i).padStart(4, '0')}`;
  return fillCanned(reply.body, {
    'customer.name': names[i % names.length] ?? null,
    'order.id': order,
    'agent.name': agentName,
  }).text;
}

const item = (id: string, label: string): ScanNode => ({ id, kind: 'item', label, children: [] });
const group = (id: string, label: string, children: ScanNode[]): ScanNode => ({
  id,
  kind: 'group',
  label,
  children,
});

type SuggestionLayout = 'send only' | 'send, insert' | 'insert, send' | 'send, insert (flat)';
const layouts: readonly SuggestionLayout[] = [
  'send only',
  'send, insert',
  'insert, send',
  'send, insert (flat)',
];
const sendId = (rank: number) => `suggestion-${rank}/send`;

function suggestionsGroup(layout: SuggestionLayout): ScanNode {
  const ranks = [...Array(shown).keys()];
  const send = (r: number) => item(sendId(r), 'Send');
  const insert = (r: number) => item(`suggestion-${r}/insert`, 'Insert');
  const children =
    layout === 'send only'
      ? ranks.map(send)
      : layout === 'send, insert (flat)'
        ? ranks.flatMap((r) => [send(r), insert(r)])
        : ranks.map((r) =>
            group(
              `suggestion-${r}`,
              `Suggestion ${r + 1}`,
              layout === 'send, insert' ? [send(r), insert(r)] : [insert(r), send(r)],
            ),
          );
  return group('suggested-replies', 'Suggested replies', children);
}

/**
 * The reply area as the scanner sees it, scanning started at its first choice:
 * the suggestions (when shown) before the reply box, then Canned replies and
 * Send reply. The conversation pane's own DOM may differ in detail; the
 * comparison holds as long as both cases share the rest.
 */
function replyRegion(layout: SuggestionLayout | null): ScanNode {
  return {
    id: 'reply',
    kind: 'region',
    label: 'Reply',
    children: [
      ...(layout === null ? [] : [suggestionsGroup(layout)]),
      item('reply-box', 'Reply'),
      item('canned', 'Canned replies'),
      item('send-reply', 'Send reply'),
    ],
  };
}

/** Highlights (first of each level included) and Select presses to reach each item from the top, group scanning. */
function itemCosts(tree: ScanNode): Map<string, Tally> {
  const index = indexTree(normalizeTree(tree));
  const out = new Map<string, Tally>();
  const walk = (level: ScanLevel, highlights: number, levels: number): void => {
    choicesAt(index, 'group', level).forEach((choice, i) => {
      const h = highlights + i + 1;
      if (choice.kind === 'row') walk({ containerId: choice.gridId, row: choice.row }, h, levels + 1);
      else if (choice.kind === 'node' && choice.node.kind === 'item')
        out.set(choice.node.id, { selections: 1, highlights: h, levels: levels + 1 });
      else if (choice.kind === 'node') walk({ containerId: choice.node.id, row: null }, h, levels + 1);
    });
  };
  walk({ containerId: null, row: null }, 0, 0);
  return out;
}

const sum = (...tallies: Tally[]): Tally =>
  tallies.reduce((a, t) => ({
    selections: a.selections + t.selections,
    highlights: a.highlights + t.highlights,
    levels: a.levels + t.levels,
  }));

/** Characters only the pinyin keyboard has. */
const pinyinOnly = /[\p{Script=Han}。，？！]/u;
const eitherMode = /[0-9 ]/;

/** Runs of the text by the keyboard mode that types them; digits and spaces stay in the mode before them. */
function segments(text: string): { mode: EntryMode; end: number }[] {
  const out: { mode: EntryMode; end: number }[] = [];
  let mode: EntryMode | null = null;
  let at = 0;
  for (const c of text) {
    const wanted: EntryMode | null = pinyinOnly.test(c) ? 'pinyin' : eitherMode.test(c) ? mode : 'latin';
    if (wanted !== null && wanted !== mode) {
      if (mode !== null) out.push({ mode, end: at });
      mode = wanted;
    }
    at += c.length;
  }
  out.push({ mode: mode ?? 'latin', end: at });
  return out.filter((s, i) => s.end > (out[i - 1]?.end ?? 0));
}

interface Typing {
  render: (state: ReturnType<typeof initialEntryState>, before: string) => KeyboardView;
  knows: (text: string) => boolean;
}

/**
 * Types the text on the on-screen keyboard, issue 7's simulated user per run
 * (typePinyin for Chinese, typeLatin for the rest), switching modes between
 * runs, then closes the keyboard. Null when the keyboard cannot write it.
 */
function typeReply(text: string, typing: Typing): Tally | null {
  const runs = segments(text);
  const session = new KeyboardSession(initialEntryState(runs[0]?.mode ?? 'latin'), typing.render);
  const reading = pinyin(text, { toneType: 'none', type: 'array', v: true });
  if (reading.length !== [...text].length) throw new Error(`reading not aligned for ${text}`);
  for (const run of runs) {
    if (
      session.state.mode !== run.mode &&
      !session.pressWhere((a) => a.type === 'mode' && a.mode === run.mode)
    )
      return null;
    const target = text.slice(0, run.end);
    const ok =
      run.mode === 'pinyin'
        ? typePinyin(session, target, reading.slice(0, [...target].length), typing.knows, 'word')
        : typeLatin(session, target);
    if (!ok) return null;
    // A suggestion leaves a space; the next run may not want it.
    if (session.field !== target && !text.startsWith(session.field))
      if (!session.pressWhere((a) => a.type === 'backspace')) return null;
  }
  const done = session.field === text || session.field === `${text} `;
  if (!done || !session.pressWhere((a) => a.type === 'close')) return null;
  return session.tally;
}

interface PressFigures {
  one: number;
  oneSeconds: number;
  two: number;
}

const toFigures = (t: Tally): PressFigures => {
  const f = figures(t, defaultCostSettings);
  return { one: f.one.presses, oneSeconds: f.one.seconds, two: f.two.presses };
};

/** Without suggestions: reach the reply box, type the reply, close the keyboard, reach Send reply from the top again. */
function typedCost(tree: ScanNode, typed: Tally): Tally | null {
  const costs = itemCosts(tree);
  const box = costs.get('reply-box');
  const send = costs.get('send-reply');
  if (box === undefined || send === undefined) return null;
  return sum(box, typed, send);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

interface Timing {
  mean: number;
  p50: number;
  p95: number;
}

function timePerMessage(rank: Ranker, rounds: number): Timing {
  const messages = suggestRepliesSet.map((q) => q.message);
  for (const m of messages) rank(m);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const m of messages) {
      const t = performance.now();
      rank(m);
      times.push(performance.now() - t);
    }
  return { mean: mean(times), p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

let freshRound = 0;
/** Ms to build: `fresh`, every text new to the ranker's term cache (a hub's first build); else a rebuild over texts seen before. */
function timeBuild(list: readonly ReplyCandidate[], rounds: number, fresh: boolean): number {
  const variants = Array.from({ length: rounds }, () => {
    if (!fresh) return list;
    const mark = ` ${++freshRound}`;
    return list.map((c) => ({ ...c, body: c.body + mark, learned: c.learned?.map((m) => m + mark) }));
  });
  new ReplyRanker(list);
  const t = performance.now();
  for (const v of variants) new ReplyRanker(v);
  return (performance.now() - t) / rounds;
}

/** A bigger organisation's list: the demo replies as several agents' own copies, each with learned picks. */
function manyCandidates(n: number, learnedEach: number): ReplyCandidate[] {
  const messages = suggestRepliesSet.map((q) => q.message);
  return Array.from({ length: n }, (_, i) => {
    const base = candidates[i % candidates.length] ?? candidates[0];
    if (base === undefined) throw new Error('no candidates');
    return {
      ...base,
      id: i + 1,
      title: `${base.title} ${Math.floor(i / candidates.length) + 1}`,
      learned: Array.from({ length: learnedEach }, (_, j) => messages[(i + j) % messages.length] ?? ''),
    };
  });
}

// ── Report ──────────────────────────────────────────────────────────────────

const pct = (n: number, of: number) => (of === 0 ? '   –  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
const accLine = (label: string, a: Accuracy) =>
  `  ${label.padEnd(44)} ${String(a.n).padStart(3)}   top-1 ${pct(a.top1, a.n)}   top-3 ${pct(a.top3, a.n)}`;
const f1 = (n: number) => n.toFixed(1).padStart(6);

export interface SuggestRepliesFigures {
  cold: Accuracy;
  learned: Accuracy;
  baseline: Accuracy;
  presses: { without: PressFigures; withCold: PressFigures; withLearned: PressFigures };
  rankMs: Timing;
  baselineMs: Timing;
}

export function measureSuggestReplies(log: (s: string) => void = () => undefined): SuggestRepliesFigures {
  const cold = new ReplyRanker(candidates);
  const coldRank: Ranker = (m) => cold.rank(m, shown);
  const baselineRank = substringRanker(candidates);
  const folds = halves.map((learnedHalf, i) => {
    const ranker = new ReplyRanker(learnedFrom(learnedHalf));
    return { ranker, tested: halves[1 - i] ?? [] };
  });
  // Each question is ranked by the ranker that learned the other half.
  const heldOut = new Map<string, ReplyRanker>();
  for (const f of folds) for (const q of f.tested) heldOut.set(q.message, f.ranker);
  const learnedRank: Ranker = (m) => (heldOut.get(m) ?? cold).rank(m, shown);

  log(
    `\nsuggested replies: ${candidates.length} canned replies (${candidates.filter((c) => c.locale === 'zh-CN').length} zh-CN, ${candidates.filter((c) => c.locale === 'en').length} en), ` +
      `${suggestRepliesSet.length} labelled questions (${byLang(suggestRepliesSet, 'zh-CN').length} zh-CN, ${byLang(suggestRepliesSet, 'en').length} en)`,
  );
  log(`accuracy (the right reply first / among the ${shown} shown):`);
  const results: Record<string, Accuracy> = {};
  for (const [name, rank] of [
    ['substring scan (baseline)', baselineRank],
    ['ranker, no learned picks', coldRank],
    ['ranker, learned from the other half', learnedRank],
  ] as const) {
    for (const lang of ['zh-CN', 'en', null] as const) {
      const a = accuracy(byLang(suggestRepliesSet, lang), rank);
      log(accLine(`${name}, ${lang ?? 'all'}`, a));
      if (lang === null) results[name] = a;
    }
  }
  folds.forEach((f, i) => {
    const learnedN = halves[i]?.length ?? 0;
    log(
      accLine(
        `  fold ${i + 1}: learned ${learnedN}, tested ${f.tested.length}, cold`,
        accuracy(f.tested, coldRank),
      ) +
        `   learned: ${pct(accuracy(f.tested, (m) => f.ranker.rank(m, shown)).top3, f.tested.length)} top-3`,
    );
  });
  const coldAll = results['ranker, no learned picks'] ?? { n: 0, top1: 0, top3: 0 };
  const learnedAll = results['ranker, learned from the other half'] ?? { n: 0, top1: 0, top3: 0 };
  const baselineAll = results['substring scan (baseline)'] ?? { n: 0, top1: 0, top3: 0 };
  const verdict = (a: Accuracy) => (a.top3 / Math.max(1, a.n) >= top3Goal ? 'MET' : 'NOT MET');
  log(
    `  goal top-3 ≥ ${top3Goal * 100} %: no learned picks ${pct(coldAll.top3, coldAll.n)} ${verdict(coldAll)}; ` +
      `learned ${pct(learnedAll.top3, learnedAll.n)} ${verdict(learnedAll)}`,
  );

  // Presses.
  const zhText = readFileSync(join(root, 'resources/ime/zh-words.tsv'), 'utf8');
  const enText = readFileSync(join(root, 'resources/ime/en-words.tsv'), 'utf8');
  const zh: ZhDictionary = parseZhDictionary(zhText);
  const en = parseEnLexicon(enText);
  const predictor = new Predictor({ en, zh, learned: new LearnedModel(), canned: [] });
  const typing: Typing = {
    render: (state, before) => {
      const { suggestions, more } = suggestionsFor(predictor, state, before, suggestionsPerPage);
      const layout = state.mode === 'pinyin' ? pinyinLayout : latinLayout;
      return {
        rows: withSuggestions(
          layout,
          suggestions.map((s) => s.text),
          more,
        ),
        suggestions,
      };
    },
    knows: (text) => zh.frequency(text) > 0,
  };
  const typedFor = suggestRepliesSet.map((q, i) => {
    const text = replyText(q, i);
    // The keyboard predicts from the canned replies as filled for this conversation: typing's best case.
    predictor.setCanned(demoCannedReplies.map((r) => replyText({ ...q, key: r.key }, i)));
    return { text, tally: typeReply(text, typing) };
  });
  const untypable = typedFor.filter((t) => t.tally === null).length;
  const withoutTree = replyRegion(null);
  const without = typedFor.map((t) => (t.tally === null ? null : typedCost(withoutTree, t.tally)));
  const costWith = (layout: SuggestionLayout, rank: Ranker) => {
    const tree = replyRegion(layout);
    const costs = itemCosts(tree);
    let hits = 0;
    const out = suggestRepliesSet.map((q, i) => {
      const at = rank(q.message).findIndex((r) => r.id === wantedId(q));
      const direct = at >= 0 && at < shown ? costs.get(sendId(at)) : undefined;
      if (direct !== undefined) {
        hits++;
        return direct;
      }
      // A miss: type it as without, with the suggestions group to scan past.
      const typed = typedFor[i]?.tally ?? null;
      return typed === null ? null : typedCost(tree, typed);
    });
    return { out, hits };
  };
  // Means over the questions whose reply the keyboard can write, so both columns cover the same questions.
  const comparable = (list: readonly (Tally | null)[]) =>
    list.flatMap((t, i) => (t === null || without[i] === null ? [] : [toFigures(t)]));
  const meanOf = (list: readonly PressFigures[]): PressFigures => ({
    one: mean(list.map((f) => f.one)),
    oneSeconds: mean(list.map((f) => f.oneSeconds)),
    two: mean(list.map((f) => f.two)),
  });
  const withoutMean = meanOf(comparable(without));
  log(
    `\nswitch presses to answer a question (scan-cost model, group scanning, interval ${defaultCostSettings.intervalMs} ms, first-item delay ${defaultCostSettings.firstItemDelayMs} ms; ` +
      `mean over the ${suggestRepliesSet.length - untypable} questions whose reply the keyboard can type${untypable > 0 ? `, ${untypable} cannot` : ''}):`,
  );
  log(
    `  ${'how'.padEnd(72)} ${'1 switch'.padStart(8)} ${'(time)'.padStart(9)} ${'2 switches'.padStart(11)}   ratio without/with 1 sw · 2 sw`,
  );
  const pressLine = (label: string, f: PressFigures) =>
    `  ${label.padEnd(72)} ${f1(f.one).padStart(8)} ${`${f1(f.oneSeconds)} s`.padStart(9)} ${f1(f.two).padStart(11)}` +
    (f === withoutMean
      ? ''
      : `   ${(withoutMean.one / f.one).toFixed(1).padStart(5)}x · ${(withoutMean.two / f.two).toFixed(1)}x`);
  log(pressLine('without suggestions: type the reply on the keyboard, Send', withoutMean));
  let withCold = withoutMean;
  let withLearned = withoutMean;
  for (const layout of layouts) {
    for (const [label, rank] of [
      ['no learned picks', coldRank],
      ['learned', learnedRank],
    ] as const) {
      const { out, hits } = costWith(layout, rank);
      const m = meanOf(comparable(out));
      if (layout === 'send only' && rank === coldRank) withCold = m;
      if (layout === 'send only' && rank === learnedRank) withLearned = m;
      log(pressLine(`with suggestions [${layout}], ${label} (${hits} in top ${shown})`, m));
    }
  }
  const sendOnly = itemCosts(replyRegion('send only'));
  log(
    `  (a suggestion's Send: ${[...Array(shown).keys()].map((r) => `#${r + 1} ${sendOnly.get(sendId(r))?.highlights ?? '?'} highlights`).join(', ')}, 2 Selects; ` +
      `without: reply box, the keyboard's own presses (mean ${f1(mean(typedFor.flatMap((t) => (t.tally === null ? [] : [t.tally.levels]))))} Selects), Close, Send reply)`,
  );
  log(
    `  (the typing side is its best case: the keyboard's prediction knows every canned reply filled for the conversation; a miss types the reply as without)`,
  );

  // Time.
  const rounds = 40;
  const rankMs = timePerMessage(learnedRank, rounds);
  const coldMs = timePerMessage(coldRank, rounds);
  const baselineMs = timePerMessage(baselineRank, rounds);
  log(`\nranking time per message (${suggestRepliesSet.length} messages × ${rounds} rounds):`);
  const us = (ms: number) => `${(ms * 1000).toFixed(1).padStart(7)} µs`;
  const timeLine = (label: string, t: Timing) =>
    `  ${label.padEnd(44)} mean ${us(t.mean)}   p50 ${us(t.p50)}   p95 ${us(t.p95)}`;
  log(timeLine(`ranker, learned (${candidates.length} replies)`, rankMs));
  log(timeLine(`ranker, no learned picks`, coldMs));
  log(timeLine('substring scan (baseline)', baselineMs));
  const big = manyCandidates(200, 0);
  const bigLearned = manyCandidates(200, 20);
  const bigRanker = new ReplyRanker(bigLearned);
  const bigMs = timePerMessage((m) => bigRanker.rank(m, shown), 10);
  const bigBaseline = timePerMessage(substringRanker(bigLearned), 10);
  log(timeLine('ranker, 200 replies × 20 picks each', bigMs));
  log(timeLine('substring scan, the same 200', bigBaseline));
  const builds: [string, readonly ReplyCandidate[], number][] = [
    [`${candidates.length} replies`, candidates, 50],
    [`${candidates.length} replies + the learned half`, learnedFrom(halves[0]), 50],
    ['200 replies', big, 10],
    ['200 replies × 20 picks each', bigLearned, 3],
  ];
  for (const [label, list, n] of builds)
    log(
      `  build ${label.padEnd(32)} first ${timeBuild(list, n, true).toFixed(2).padStart(7)} ms   rebuild (texts seen) ${timeBuild(list, n, false).toFixed(2).padStart(6)} ms`,
    );
  return {
    cold: coldAll,
    learned: learnedAll,
    baseline: baselineAll,
    presses: { without: withoutMean, withCold, withLearned },
    rankMs,
    baselineMs,
  };
}

export async function runSuggestRepliesBench(): Promise<void> {
  measureSuggestReplies((s) => console.log(s));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSuggestRepliesBench();
  process.exit(0);
}
