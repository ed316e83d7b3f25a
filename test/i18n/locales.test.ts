import { describe, expect, it } from 'vitest';
import { LOCALES, matchLocale, negotiateLocale } from '../../src/i18n/locales.js';
import { formatMessage } from '../../src/i18n/messages.js';

describe('negotiateLocale', () => {
  it('lets an explicit ?lang choice win over Accept-Language', () => {
    expect(negotiateLocale('km', 'ru')).toBe('km');
    expect(negotiateLocale('vi', 'zh-CN, zh;q=0.9, en;q=0.8')).toBe('vi');
  });

  it('maps an explicit ?lang alias the same way as a header tag', () => {
    expect(negotiateLocale('zh-TW', 'ru')).toBe('zh-Hant');
    expect(negotiateLocale('fil', undefined)).toBe('tl');
    expect(negotiateLocale('sr-Latn', undefined)).toBe('sr-Latn');
  });

  it('falls back to Accept-Language when the ?lang choice is unknown', () => {
    expect(negotiateLocale('xx', 'th')).toBe('th');
    expect(negotiateLocale('', 'my')).toBe('my');
  });

  it.each(LOCALES.map((l) => l.tag))('offers %s when it is asked for by its own tag', (tag) => {
    expect(negotiateLocale(tag, undefined)).toBe(tag);
    expect(negotiateLocale(undefined, tag)).toBe(tag);
  });

  it.each([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['ZH-tw', 'zh-Hant'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['tl-PH', 'tl'],
    ['sr', 'sr-Cyrl'],
    ['sr-RS', 'sr-Cyrl'],
    ['sr-Cyrl-BA', 'sr-Cyrl'],
    ['sr-Latn', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-Latn-ME', 'sr-Latn'],
    ['vi-VN', 'vi'],
    ['ko-KR', 'ko'],
    ['mn-MN', 'mn'],
    ['ru-RS', 'ru'],
    ['my-MM', 'my'],
    ['km-KH', 'km'],
    ['lo-LA', 'lo'],
    ['ms-MY', 'ms'],
    ['in-ID', 'id'],
    ['id-ID', 'id'],
    ['ur-PK', 'ur'],
    ['tr-TR', 'tr'],
    ['uz-UZ', 'uz'],
    ['uz-Latn-UZ', 'uz'],
  ])('maps the header tag %s to %s', (tag, expected) => {
    expect(negotiateLocale(undefined, tag)).toBe(expected);
    expect(matchLocale(tag)).toBe(expected);
  });

  it('writes Arabic, Persian and Urdu right to left, and only those', () => {
    expect(LOCALES.filter((l) => l.dir === 'rtl').map((l) => l.tag)).toEqual(['ar', 'fa', 'ur']);
  });

  it('respects quality values, then header order among equals', () => {
    expect(negotiateLocale(undefined, 'de;q=1, vi;q=0.8, en;q=0.5')).toBe('vi');
    expect(negotiateLocale(undefined, 'ru;q=0.2, th;q=0.9')).toBe('th');
    expect(negotiateLocale(undefined, 'ko, ru')).toBe('ko');
    expect(negotiateLocale(undefined, 'en;q=0.5, sr-Latn-RS;q=0.7, zh-TW;q=0.6')).toBe('sr-Latn');
    expect(negotiateLocale(undefined, 'th;q=0.8, lo;q=0.8')).toBe('th');
  });

  it('skips languages refused with q=0 and the * wildcard', () => {
    expect(negotiateLocale(undefined, 'vi;q=0, km;q=0.1')).toBe('km');
    expect(negotiateLocale(undefined, '*, ru;q=0.5')).toBe('ru');
  });

  it('falls back to English for unknown languages', () => {
    expect(negotiateLocale(undefined, 'de-DE, fr;q=0.8')).toBe('en');
    expect(negotiateLocale('xx', undefined)).toBe('en');
    expect(negotiateLocale(undefined, undefined)).toBe('en');
    expect(negotiateLocale(undefined, 'vi;q=0')).toBe('en');
  });

  it('falls back to English for a garbage or oversized header', () => {
    expect(negotiateLocale(undefined, ';;;,,q=abc')).toBe('en');
    expect(negotiateLocale(undefined, '\u0000\u00ff%%%')).toBe('en');
    expect(negotiateLocale(undefined, 'vi;q=banana')).toBe('en');
    expect(negotiateLocale(undefined, `${'x-'.repeat(600)}, vi`)).toBe('en');
  });
});

describe('formatMessage', () => {
  it('fills every placeholder, including repeated ones and numbers', () => {
    expect(formatMessage('Up to {count} files, {megabytes} MB', { count: 5, megabytes: 25 })).toBe(
      'Up to 5 files, 25 MB',
    );
    expect(formatMessage('{n} + {n}', { n: 0 })).toBe('0 + 0');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(formatMessage('Call {country} {missing}', { country: 'Srbija' })).toBe(
      'Call Srbija {missing}',
    );
    expect(formatMessage('Call {country}')).toBe('Call {country}');
  });

  it('inserts values literally, without treating them as templates', () => {
    expect(formatMessage('{a}', { a: '{b} $& $1', b: 'x' })).toBe('{b} $& $1');
  });
});
