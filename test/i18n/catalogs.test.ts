import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { en } from '../../src/i18n/locales/en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(en).sort();
const translated = LOCALES.filter((l) => l.tag !== 'en');

describe('message catalogs', () => {
  it('exist for every language offered', () => {
    for (const locale of LOCALES) expect(CATALOGS[locale.tag], locale.tag).toBeDefined();
  });

  it.each(translated.map((l) => l.tag))(
    '%s has exactly the English keys, none missing, none extra',
    (tag) => {
      expect(Object.keys(CATALOGS[tag]).sort()).toEqual(englishKeys);
    },
  );

  it.each(translated.map((l) => l.tag))('%s leaves no message in English', (tag) => {
    const untranslated = englishKeys.filter(
      (key) => CATALOGS[tag][key as keyof typeof en] === en[key as keyof typeof en],
    );
    expect(untranslated).toEqual([]);
  });

  it.each(translated.map((l) => l.tag))(
    '%s keeps every {placeholder} of the English text',
    (tag) => {
      for (const key of englishKeys) {
        const k = key as keyof typeof en;
        expect(placeholders(CATALOGS[tag][k]), `${tag} ${key}`).toEqual(placeholders(en[k]));
      }
    },
  );

  it('has no empty, padded or HTML-bearing message in any language', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(CATALOGS[locale.tag])) {
        expect(value.trim(), `${locale.tag} ${key}`).toBe(value);
        expect(value.length, `${locale.tag} ${key}`).toBeGreaterThan(0);
        expect(value, `${locale.tag} ${key}`).not.toMatch(/<[a-z/]/i);
      }
    }
  });

  it('writes Serbian Cyrillic without Latin letters outside placeholders and product names', () => {
    for (const value of Object.values(CATALOGS['sr-Cyrl'])) {
      const rest = value.replace(/\{\w+\}|\bIP\b|\bTor\b|\bMB\b/g, '');
      expect(rest, value).not.toMatch(/[A-Za-zčćžšđČĆŽŠĐ]/);
    }
  });
});
