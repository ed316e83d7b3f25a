import { adminEn, type AdminMessages } from './en.js';
import { adminRu } from './ru.js';
import { adminSrCyrl } from './sr-Cyrl.js';
import { adminSrLatn } from './sr-Latn.js';
import { adminVi } from './vi.js';
import { adminZhHans } from './zh-Hans.js';

/** The languages the desk speaks, each named in itself; English is the default. */
export const ADMIN_LOCALES = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-Hans', name: '简体中文' },
  { tag: 'sr-Latn', name: 'Srpski' },
  { tag: 'sr-Cyrl', name: 'Српски' },
  { tag: 'ru', name: 'Русский' },
  { tag: 'vi', name: 'Tiếng Việt' },
] as const;

export type AdminLocale = (typeof ADMIN_LOCALES)[number]['tag'];
export const DEFAULT_ADMIN_LOCALE: AdminLocale = 'en';

/** Every desk catalog; the type makes a missing language, and each catalog's type a missing key, a compile error. */
export const ADMIN_CATALOGS: Readonly<Record<AdminLocale, AdminMessages>> = {
  en: adminEn,
  'zh-Hans': adminZhHans,
  'sr-Latn': adminSrLatn,
  'sr-Cyrl': adminSrCyrl,
  ru: adminRu,
  vi: adminVi,
};

const TAGS = new Set<string>(ADMIN_LOCALES.map((l) => l.tag));
export const isAdminLocale = (value: string): value is AdminLocale => TAGS.has(value);
