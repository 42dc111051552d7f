import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnLexicon } from '../../shared/a11y/text-entry/en-lexicon';
import { parseZhDictionary } from '../../shared/a11y/text-entry/pinyin-dictionary';

const ime = join(import.meta.dirname, '../../resources/ime');
export const zhText = readFileSync(join(ime, 'zh-words.tsv'), 'utf8');
export const enText = readFileSync(join(ime, 'en-words.tsv'), 'utf8');
/** The shipped lists, parsed once for every test file that imports this. */
export const zh = parseZhDictionary(zhText);
export const en = parseEnLexicon(enText);
