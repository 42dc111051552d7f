/**
 * Toneless pinyin as typed on a keyboard without tones: ü is typed 'v'. A
 * typed letter string is read as a sequence of tokens, each a whole syllable
 * or an abbreviation of one (an initial such as 'zh' or 'n', and in last
 * place any start of a syllable), so 'nh', 'nihao' and 'nhao' all reach 你好.
 */

const syllableText = `
  a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao 
  ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai chuan chuang chui chun 
  chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dian diao dia die ding diu dong 
  dou du duan dui dun duo e en er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen 
  geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu 
  hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka 
  kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei 
  leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao 
  me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian 
  niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi 
  pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran 
  rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan 
  shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su 
  suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo 
  wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya 
  yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha 
  zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo 
  zi zong zou zu zuan zui zun zuo 
`;

export const syllables: ReadonlySet<string> = new Set(syllableText.split(/\s+/).filter(Boolean));

/** Abbreviations allowed anywhere: the consonant initials, and the vowels a syllable can start with. */
export const initials: ReadonlySet<string> = new Set([
  ...'bpmfdtnlgkhjqxrzcsyw'.split(''),
  'zh',
  'ch',
  'sh',
  'a',
  'o',
  'e',
]);

const prefixes: ReadonlySet<string> = new Set(
  [...syllables].flatMap((s) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(0, i + 1))),
);

export interface PinyinToken {
  readonly text: string;
  /** 'syllable' matches that syllable only; 'partial' matches every syllable it starts. */
  readonly kind: 'syllable' | 'partial';
}

export type Segmentation = readonly PinyinToken[];

const longestSyllable = 6;

/**
 * Every way to read `letters` as tokens, fewest tokens (and fewest
 * abbreviations) first, at most `limit` of them. An apostrophe forces a
 * syllable boundary (xi'an); letters that cannot be read give [].
 */
export function segmentPinyin(letters: string, limit = 24): Segmentation[] {
  const parts = letters.toLowerCase().split("'").filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[a-z]+$/.test(p))) return [];
  let results: PinyinToken[][] = [[]];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next: PinyinToken[][] = [];
    for (const tail of segmentPart(part, last, limit * 4)) {
      for (const head of results) {
        next.push([...head, ...tail]);
        if (next.length >= limit * 4) break;
      }
    }
    results = next;
  });
  const partials = (s: Segmentation) => s.filter((t) => t.kind === 'partial').length;
  return results.sort((a, b) => a.length - b.length || partials(a) - partials(b)).slice(0, limit);
}

function segmentPart(part: string, endsInput: boolean, cap: number): PinyinToken[][] {
  const out: PinyinToken[][] = [];
  const walk = (at: number, acc: PinyinToken[]): void => {
    if (out.length >= cap) return;
    if (at === part.length) {
      out.push(acc);
      return;
    }
    for (let len = Math.min(longestSyllable, part.length - at); len >= 1; len--) {
      const text = part.slice(at, at + len);
      const isLast = at + len === part.length && endsInput;
      if (syllables.has(text)) walk(at + len, [...acc, { text, kind: 'syllable' }]);
      else if (initials.has(text) || (isLast && prefixes.has(text)))
        walk(at + len, [...acc, { text, kind: 'partial' }]);
    }
  };
  walk(0, []);
  return out;
}

export function tokenMatches(token: PinyinToken, syllable: string): boolean {
  return token.kind === 'syllable' ? syllable === token.text : syllable.startsWith(token.text);
}

/** Letters a segmentation's first `count` tokens cover in the typed string (apostrophes included). */
export function lettersCovered(letters: string, tokens: Segmentation, count: number): number {
  let covered = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    while (letters[at] === "'") at++;
    const token = tokens[i];
    if (token === undefined) break;
    at += token.text.length;
    covered = at;
  }
  // A trailing apostrophe after the last covered token belongs to the boundary already typed.
  while (letters[covered] === "'") covered++;
  return covered;
}

/** Whether the letters spell the first syllables of this reading (all of them, or a start of them). */
export function spellsStart(letters: string, reading: readonly string[]): boolean {
  return segmentPinyin(letters).some(
    (seg) => seg.length <= reading.length && seg.every((t, i) => tokenMatches(t, reading[i] ?? '')),
  );
}
