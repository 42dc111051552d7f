import { LearnedModel, type EntryLang } from '../../../shared/a11y/text-entry';

const han = /\p{Script=Han}/u;

export function entryLangOf(text: string): EntryLang {
  return han.test(text) ? 'zh' : 'en';
}

/** The worker's model, rebuilt from what they sent (oldest first, so the newest weigh most). */
export function learnedFrom(texts: readonly string[]): LearnedModel {
  const model = new LearnedModel();
  for (const text of texts) model.learn(text, entryLangOf(text));
  return model;
}
