import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { LOCALES, type Locale } from '../../src/i18n/locales.js';
import { en, type MessageKey } from '../../src/i18n/locales/en.js';

const englishKeys = Object.keys(en).sort() as MessageKey[];
const translatedTags = LOCALES.map((l) => l.tag).filter((tag) => tag !== 'en');

/**
 * Messages that may legitimately be identical to the English text in a given locale (a bare
 * placeholder, a product name). Empty: every message is translated. Add a key here only with a
 * comment saying why the English text is right for that language.
 */
const SAME_AS_ENGLISH: Readonly<Partial<Record<Locale, readonly MessageKey[]>>> = {};

/** Names that stay in Latin letters in every script, and bot commands (Telegram takes only Latin). */
const LATIN_ALLOWED = /\{\w+\}|\bIP\b|\bTor\b|\bBrowser\b|\bcookie\b|\/[a-z]+\b|\bTelegram\b/gi;

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

/** The keys a catalog lacks and the keys it has that English does not. */
function keyDifferences(catalog: Readonly<Record<string, string>>) {
  const keys = new Set(Object.keys(catalog));
  return {
    missing: englishKeys.filter((key) => !keys.has(key)),
    extra: [...keys].filter((key) => !(key in en)).sort(),
  };
}

/** Serbian Cyrillic to Latin, letter for letter (the mapping is one-to-one in this direction). */
const SERBIAN_CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
}; // prettier-ignore

function serbianToLatin(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = SERBIAN_CYRILLIC_TO_LATIN[lower];
      if (latin === undefined) return ch;
      return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

/** The script each non-Latin locale is written in: every message must contain some of it. */
const SCRIPTS: Readonly<Partial<Record<Locale, RegExp>>> = {
  'zh-Hans': /\p{Script=Han}/u,
  'zh-Hant': /\p{Script=Han}/u,
  'sr-Cyrl': /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
  mn: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
  th: /\p{Script=Thai}/u,
  my: /\p{Script=Myanmar}/u,
  km: /\p{Script=Khmer}/u,
  lo: /\p{Script=Lao}/u,
  uk: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
};

describe('message catalogs', () => {
  it('exist for every language offered, and only for those', () => {
    for (const locale of LOCALES) expect(CATALOGS[locale.tag], locale.tag).toBeDefined();
    expect(Object.keys(CATALOGS).sort()).toEqual(LOCALES.map((l) => l.tag).sort());
  });

  it('would report a catalog that lacks a key or has one English does not', () => {
    const lacking: Record<string, string> = { ...en };
    delete lacking['form.submit'];
    expect(keyDifferences(lacking)).toEqual({ missing: ['form.submit'], extra: [] });
    expect(keyDifferences({ ...en, 'form.sumbit': 'Send' })).toEqual({
      missing: [],
      extra: ['form.sumbit'],
    });
  });

  it.each(translatedTags)('%s has exactly the English keys, none missing, none extra', (tag) => {
    expect(keyDifferences(CATALOGS[tag])).toEqual({ missing: [], extra: [] });
  });

  it.each(translatedTags)('%s leaves no message in English', (tag) => {
    const allowed = new Set<string>(SAME_AS_ENGLISH[tag] ?? []);
    const untranslated = englishKeys.filter(
      (key) => CATALOGS[tag][key] === en[key] && !allowed.has(key),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(translatedTags)('%s keeps exactly the {placeholders} of the English text', (tag) => {
    for (const key of englishKeys) {
      expect(placeholders(CATALOGS[tag][key]), `${tag} ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('has no empty, padded or HTML-bearing message in any language', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(CATALOGS[locale.tag])) {
        const where = `${locale.tag} ${key}`;
        expect(value.length, where).toBeGreaterThan(0);
        expect(value.trim(), where).toBe(value);
        expect(value, where).not.toMatch(/<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i);
      }
    }
  });

  it.each(Object.entries(SCRIPTS))('writes every %s message in its own script', (tag, script) => {
    for (const [key, value] of Object.entries(CATALOGS[tag as Locale])) {
      expect(value, `${tag} ${key}`).toMatch(script);
    }
  });

  it.each(['sr-Cyrl', 'mn', 'ru'] as const)(
    'writes %s without Latin letters outside placeholders and product names',
    (tag) => {
      for (const value of Object.values(CATALOGS[tag])) {
        expect(value.replace(LATIN_ALLOWED, ''), value).not.toMatch(/\p{Script=Latin}/u);
      }
    },
  );

  it('keeps Serbian Cyrillic a letter-for-letter transliteration of Serbian Latin', () => {
    for (const key of englishKeys) {
      expect(serbianToLatin(CATALOGS['sr-Cyrl'][key]), key).toBe(CATALOGS['sr-Latn'][key]);
    }
  });

  it('writes Burmese in Unicode, not Zawgyi', () => {
    for (const value of Object.values(CATALOGS.my)) {
      // Zawgyi stores the vowel sign E (U+1031) before its consonant and uses U+1060–U+1097 for
      // stacked letters; in Unicode, U+1031 never starts a word and that block is Mon/Shan/Karen.
      expect(value, value).not.toMatch(/(^|[\s\u104A\u104B])\u1031/u);
      expect(value, value).not.toMatch(/[\u1060-\u1097]/u);
    }
  });

  it('keeps Simplified and Traditional Chinese apart', () => {
    const simplifiedOnly = /[们这发话为报时读请语么没开关过联络谢]/u;
    const traditionalOnly = /[們這發話為報時讀請語麼沒開關過聯絡謝]/u;
    for (const key of englishKeys) {
      expect(CATALOGS['zh-Hans'][key], key).not.toMatch(traditionalOnly);
      expect(CATALOGS['zh-Hant'][key], key).not.toMatch(simplifiedOnly);
    }
  });
});
