import { describe, expect, it } from 'vitest';
import { textLang } from '../../shared/i18n/text-lang';

describe('the language of written text, from its script', () => {
  it('names Han text Chinese and Latin text English', () => {
    expect(textLang('退款已经处理好了')).toBe('zh-CN');
    expect(textLang('Ticket 12 needs a refund approval')).toBe('en');
    expect(textLang('Café crème, déjà vu')).toBe('en');
  });

  it('goes by the majority when scripts mix, a Han character against a Latin word', () => {
    expect(textLang('订单 12 refund 已经退了')).toBe('zh-CN');
    expect(textLang('please refund the 订单 today')).toBe('en');
  });

  it('gives a tie to the script that came first', () => {
    expect(textLang('好 ok')).toBe('zh-CN');
    expect(textLang('ok 好')).toBe('en');
  });

  it('claims nothing for text with no letters, or in a script it has no voice for', () => {
    expect(textLang('')).toBeUndefined();
    expect(textLang('12:30 — 👍 !!')).toBeUndefined();
    expect(textLang('Привет, команда')).toBeUndefined();
  });

  it('does not call Japanese or Korean with kanji or hanja Chinese', () => {
    expect(textLang('今日は休みます')).toBeUndefined();
    expect(textLang('韓國 사람입니다')).toBeUndefined();
  });

  it('lets a Latin majority win over a few words of another script', () => {
    expect(textLang('the customer wrote спасибо to us')).toBe('en');
  });
});
