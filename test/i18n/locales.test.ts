import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../src/i18n/locales.js';
import { formatMessage } from '../../src/i18n/messages.js';

describe('negotiateLocale', () => {
  it('prefers an explicit choice over Accept-Language', () => {
    expect(negotiateLocale('km', 'ru')).toBe('km');
  });

  it.each([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['sr', 'sr-Cyrl'],
    ['sr-RS', 'sr-Cyrl'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['my-MM', 'my'],
    ['in-ID', 'id'],
  ])('maps %s to %s', (tag, expected) => {
    expect(negotiateLocale(undefined, tag)).toBe(expected);
  });

  it('respects quality values and order', () => {
    expect(negotiateLocale(undefined, 'de;q=1, vi;q=0.8, en;q=0.5')).toBe('vi');
    expect(negotiateLocale(undefined, 'ru;q=0.2, th;q=0.9')).toBe('th');
    expect(negotiateLocale(undefined, 'ko, ru')).toBe('ko');
  });

  it('falls back to English for unknown or malformed headers and choices', () => {
    expect(negotiateLocale(undefined, 'de-DE, fr;q=0.8')).toBe('en');
    expect(negotiateLocale('xx', undefined)).toBe('en');
    expect(negotiateLocale(undefined, ';;;,,q=abc')).toBe('en');
    expect(negotiateLocale(undefined, 'vi;q=0')).toBe('en');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Up to {count} files, {megabytes} MB', { count: 5, megabytes: 25 })).toBe(
      'Up to 5 files, 25 MB',
    );
    expect(formatMessage('Call {country} {missing}', { country: 'Srbija' })).toBe(
      'Call Srbija {missing}',
    );
  });
});
