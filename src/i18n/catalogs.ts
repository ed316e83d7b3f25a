import type { Locale } from './locales.js';
import type { Messages } from './messages.js';
import { en } from './locales/en.js';

/** Every locale's catalog. Each file is typed `Messages`, so a missing key is a compile error. */
export const CATALOGS: Readonly<Partial<Record<Locale, Messages>>> = { en };
