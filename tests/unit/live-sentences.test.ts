import { describe, expect, it } from 'vitest';
import { speechTextMax } from '../../shared/bridge';
import { sentenceMax, splitSentences } from '../../shared/domain/live/sentences';

describe('splitting a teleprompter script into sentences', () => {
  it('splits a Chinese product script at 。！？；and …, keeping each mark', () => {
    const script =
      '家人们好！今天给大家带来融安金桔，皮薄肉厚，连皮一起吃。甜不甜？我替大家尝过了；真的甜……喜欢的点一下购买。';
    expect(splitSentences(script)).toEqual([
      '家人们好！',
      '今天给大家带来融安金桔，皮薄肉厚，连皮一起吃。',
      '甜不甜？',
      '我替大家尝过了；',
      '真的甜……',
      '喜欢的点一下购买。',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(splitSentences('老板说：“今天包邮。”大家放心拍。（限前一百单！）谢谢！')).toEqual([
      '老板说：“今天包邮。”',
      '大家放心拍。',
      '（限前一百单！）',
      '谢谢！',
    ]);
    expect(splitSentences('She said "it ships today." Then she smiled.')).toEqual([
      'She said "it ships today."',
      'Then she smiled.',
    ]);
  });

  it('splits English at . ! ? only before a space or the end', () => {
    const script =
      'Welcome to the farm shop! Each box holds 2.5 kg of kumquats. Want to know more? Visit www.wings.cn today...';
    expect(splitSentences(script)).toEqual([
      'Welcome to the farm shop!',
      'Each box holds 2.5 kg of kumquats.',
      'Want to know more?',
      'Visit www.wings.cn today...',
    ]);
  });

  it('treats a line break as a pause and drops empty and punctuation-only pieces', () => {
    expect(splitSentences('  第一行\r\n\n  第二行。\n。。\n  \nLast line  ')).toEqual([
      '第一行',
      '第二行。',
      'Last line',
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n！？ ')).toEqual([]);
  });

  it('mixes languages in one script', () => {
    expect(splitSentences('柳州螺蛳粉 Luosifen，酸辣鲜香！Try it tonight. 今晚下单明天发。')).toEqual([
      '柳州螺蛳粉 Luosifen，酸辣鲜香！',
      'Try it tonight.',
      '今晚下单明天发。',
    ]);
  });

  it('cuts an over-long sentence at its last comma or 、 under the limit', () => {
    const clause = '这块奇石产自红水河，'; // 10 characters
    const long = clause.repeat(30) + '欢迎收藏。';
    const pieces = splitSentences(long);
    expect(pieces.every((p) => Array.from(p).length <= sentenceMax)).toBe(true);
    expect(pieces.join('')).toBe(long);
    expect(pieces[0]).toBe(clause.repeat(20));
    expect(pieces.at(-1)).toBe(clause.repeat(10) + '欢迎收藏。');

    const listed = splitSentences('金桔、沙田柚、百香果、芒果、火龙果', 8);
    expect(listed).toEqual(['金桔、沙田柚、', '百香果、芒果、', '火龙果']);
  });

  it('cuts long English between words, and a run without any break hard at the limit', () => {
    const words = 'kumquat '.repeat(40).trim() + '.';
    const pieces = splitSentences(words, 50);
    expect(pieces.every((p) => p.length <= 50)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
    expect(pieces.every((p) => !p.startsWith(' ') && !p.endsWith(' '))).toBe(true);

    const solid = '甜'.repeat(450);
    expect(splitSentences(solid).map((p) => p.length)).toEqual([200, 200, 50]);
  });

  it('never answers a piece longer than one speech render may be', () => {
    expect(sentenceMax).toBeLessThan(speechTextMax);
    const huge = 'x'.repeat(5000);
    expect(splitSentences(huge, 10_000).every((p) => p.length <= speechTextMax)).toBe(true);
  });
});
