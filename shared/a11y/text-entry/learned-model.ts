import { z } from 'zod';
import { NgramTable } from './ngram-table';
import { clausesOf, keyOf, type EntryLang } from './tokenize';
import type { UsageCounts } from './pinyin-dictionary';

const langSchema = z.enum(['en', 'zh']);
const wordSchema = z.string().min(1).max(64);

/** What the host stores per worker. Never sent to the hub. */
export const learnedModelSchema = z.object({
  version: z.literal(1),
  tick: z.number().int().min(0),
  clauses: z
    .array(
      z.object({
        lang: langSchema,
        words: z.array(wordSchema).min(1).max(64),
        end: z.string().max(1),
        count: z.number().positive().finite(),
        last: z.number().int().min(0),
      }),
    )
    .max(100_000),
  choices: z
    .array(
      z.object({
        lang: langSchema,
        text: z.string().min(1).max(64),
        count: z.number().positive().finite(),
        last: z.number().int().min(0),
      }),
    )
    .max(100_000),
});
export type LearnedModelJson = z.infer<typeof learnedModelSchema>;

export interface LearnedModelOptions {
  /** Clauses and choices kept, each; the weakest go first past this. */
  readonly maxEntries?: number;
  /** Messages after which an unused count has halved. */
  readonly halfLife?: number;
}

interface Counted {
  count: number;
  last: number;
}

const sep = '\u0001';

/**
 * What the worker writes, learned from their own sent messages: clauses (the
 * n-grams come from these) and the words they chose. Time is counted in
 * messages learned, so the model needs no clock and replays identically.
 */
export class LearnedModel {
  private tick = 0;
  private readonly clauses = new Map<string, Counted & { lang: EntryLang; words: string[]; end: string }>();
  private readonly choices = new Map<string, Counted & { lang: EntryLang; text: string }>();
  private table: NgramTable | null = null;
  readonly maxEntries: number;
  readonly halfLife: number;

  constructor(options: LearnedModelOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.halfLife = options.halfLife ?? 500;
  }

  get size(): number {
    return this.clauses.size + this.choices.size;
  }

  /** Learns a sent message: its clauses, and its words as choices. */
  learn(text: string, lang: EntryLang): void {
    this.tick++;
    for (const clause of clausesOf(text, lang)) {
      const words = clause.words.slice(0, 64).filter((w) => w.length <= 64);
      if (words.length === 0) continue;
      const key = [lang, clause.end, ...words.map(keyOf)].join(sep);
      const had = this.clauses.get(key);
      this.clauses.set(key, { lang, words, end: clause.end, count: this.decayed(had) + 1, last: this.tick });
      for (const w of words) this.bumpChoice(lang, w);
    }
    this.evict(this.clauses);
    this.evict(this.choices);
    this.table = null;
  }

  /** A candidate the worker picked (a word or phrase), counted for UsageCounts. */
  choose(text: string, lang: EntryLang): void {
    if (text.length === 0 || text.length > 64) return;
    this.bumpChoice(lang, text);
    this.evict(this.choices);
  }

  usage(lang: EntryLang): UsageCounts {
    return { get: (text) => this.choiceCount(lang, text) };
  }

  choiceCount(lang: EntryLang, text: string): number {
    const had = this.choices.get(lang + sep + keyOf(text));
    return had === undefined ? 0 : this.decayed(had);
  }

  /** The n-grams of everything learned, weighted by decayed count. */
  ngrams(): NgramTable {
    if (this.table !== null) return this.table;
    const table = new NgramTable();
    for (const c of this.clauses.values()) table.add(c.lang, { words: c.words, end: c.end }, this.decayed(c));
    this.table = table;
    return table;
  }

  toJSON(): LearnedModelJson {
    return {
      version: 1,
      tick: this.tick,
      clauses: [...this.clauses.values()].map(({ lang, words, end, count, last }) => ({
        lang,
        words: [...words],
        end,
        count,
        last,
      })),
      choices: [...this.choices.values()].map(({ lang, text, count, last }) => ({ lang, text, count, last })),
    };
  }

  /** Throws (a ZodError) on anything but a model this class wrote. */
  static fromJSON(json: unknown, options: LearnedModelOptions = {}): LearnedModel {
    const data = learnedModelSchema.parse(json);
    const model = new LearnedModel(options);
    model.tick = data.tick;
    for (const c of data.clauses) {
      const key = [c.lang, c.end, ...c.words.map(keyOf)].join(sep);
      model.clauses.set(key, { ...c, last: Math.min(c.last, data.tick) });
    }
    for (const c of data.choices)
      model.choices.set(c.lang + sep + keyOf(c.text), { ...c, last: Math.min(c.last, data.tick) });
    model.evict(model.clauses);
    model.evict(model.choices);
    return model;
  }

  private bumpChoice(lang: EntryLang, text: string): void {
    const key = lang + sep + keyOf(text);
    const had = this.choices.get(key);
    this.choices.set(key, { lang, text, count: this.decayed(had) + 1, last: this.tick });
  }

  private decayed(entry: Counted | undefined): number {
    if (entry === undefined) return 0;
    return entry.count * 0.5 ** ((this.tick - entry.last) / this.halfLife);
  }

  /** Drops the weakest tenth once over the cap, so eviction is not paid on every message. */
  private evict(map: Map<string, Counted>): void {
    if (map.size <= this.maxEntries) return;
    const keep = Math.floor(this.maxEntries * 0.9);
    const ranked = [...map].sort((a, b) => this.decayed(b[1]) - this.decayed(a[1]));
    for (const [key] of ranked.slice(keep)) map.delete(key);
  }
}
