import { describe, expect, it } from 'vitest';
import { ADMIN_CATALOGS, ADMIN_LOCALES, type AdminLocale } from '../../src/i18n/admin/catalogs.js';
import { adminEn, type AdminMessageKey, type AdminMessages } from '../../src/i18n/admin/en.js';

const englishKeys = Object.keys(adminEn).sort();
const translated = ADMIN_LOCALES.map((l) => l.tag).filter((tag) => tag !== 'en');

/** The keys a desk catalog lacks and the keys it has that English does not. */
function keyDifferences(catalog: Readonly<Record<string, string>>) {
  const keys = new Set(Object.keys(catalog));
  return {
    missing: englishKeys.filter((key) => !keys.has(key)),
    extra: [...keys].filter((key) => !(key in adminEn)).sort(),
  };
}

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

/** Messages that are right as the English text: a product name Telegram writes in Latin letters. */
const SAME_AS_ENGLISH: readonly AdminMessageKey[] = ['channel.telegram'];
/** Per language: words the language spells as English does (Serbian "Status", and "Desk" as the loanword). */
const SAME_IN: Readonly<Partial<Record<AdminLocale, readonly AdminMessageKey[]>>> = {
  'sr-Latn': ['field.desk', 'field.status'],
};

/** The script a catalog is written in: every message but the Latin-only ones must contain it. */
const SCRIPTS: Readonly<Partial<Record<AdminLocale, RegExp>>> = {
  'zh-Hans': /\p{Script=Han}/u,
  'sr-Cyrl': /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

// A catalog missing a key does not compile (the type below), and this suite catches a catalog
// that got around the type with a cast.
// @ts-expect-error -- a desk catalog must have every key
const lacking: AdminMessages = { title: 'tipline' };

describe('desk catalogs', () => {
  it('would report a catalog that lacks a key or has one English does not', () => {
    expect(keyDifferences(lacking).missing).toContain('nav.inbox');
    const withoutSave: Record<string, string> = { ...adminEn };
    delete withoutSave['tip.save'];
    expect(keyDifferences(withoutSave)).toEqual({ missing: ['tip.save'], extra: [] });
    expect(keyDifferences({ ...adminEn, 'tip.svae': 'Save' })).toEqual({
      missing: [],
      extra: ['tip.svae'],
    });
  });

  it('exist for every desk language offered, and only for those', () => {
    expect(Object.keys(ADMIN_CATALOGS).sort()).toEqual(ADMIN_LOCALES.map((l) => l.tag).sort());
    expect(translated.sort()).toEqual(['ru', 'sr-Cyrl', 'sr-Latn', 'vi', 'zh-Hans']);
  });

  it.each(translated)('%s has exactly the English keys, none missing, none extra', (tag) => {
    expect(keyDifferences(ADMIN_CATALOGS[tag])).toEqual({ missing: [], extra: [] });
  });

  it.each(translated)('%s keeps every placeholder of the English text', (tag) => {
    const catalog: Readonly<Record<string, string>> = ADMIN_CATALOGS[tag];
    const wrong = englishKeys.filter(
      (key) =>
        placeholders(catalog[key] ?? '').join() !==
        placeholders(adminEn[key as AdminMessageKey]).join(),
    );
    expect(wrong).toEqual([]);
  });

  it.each(translated)('%s translates every message (none left in English)', (tag) => {
    const catalog: Readonly<Record<string, string>> = ADMIN_CATALOGS[tag];
    const untranslated = englishKeys.filter(
      (key) =>
        !SAME_AS_ENGLISH.includes(key as AdminMessageKey) &&
        !(SAME_IN[tag] ?? []).includes(key as AdminMessageKey) &&
        (catalog[key] ?? '').trim() === adminEn[key as AdminMessageKey].trim(),
    );
    expect(untranslated).toEqual([]);
    expect(Object.values(catalog).filter((text) => text.trim() === '')).toEqual([]);
  });

  it.each(Object.entries(SCRIPTS))('%s is written in its own script', (tag, script) => {
    const catalog: Readonly<Record<string, string>> = ADMIN_CATALOGS[tag as AdminLocale];
    const foreign = englishKeys.filter(
      (key) =>
        !SAME_AS_ENGLISH.includes(key as AdminMessageKey) && !script.test(catalog[key] ?? ''),
    );
    expect(foreign).toEqual([]);
  });
});
