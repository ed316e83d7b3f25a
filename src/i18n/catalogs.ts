import type { Locale } from './locales.js';
import type { Messages } from './messages.js';
import { en } from './locales/en.js';
import { zhHans } from './locales/zh-Hans.js';
import { zhHant } from './locales/zh-Hant.js';
import { vi } from './locales/vi.js';
import { srCyrl } from './locales/sr-Cyrl.js';
import { srLatn } from './locales/sr-Latn.js';
import { ko } from './locales/ko.js';
import { mn } from './locales/mn.js';
import { ru } from './locales/ru.js';
import { th } from './locales/th.js';
import { my } from './locales/my.js';
import { km } from './locales/km.js';
import { lo } from './locales/lo.js';
import { id } from './locales/id.js';
import { tl } from './locales/tl.js';
import { ms } from './locales/ms.js';
import { uk } from './locales/uk.js';
import { ar } from './locales/ar.js';
import { fa } from './locales/fa.js';
import { ur } from './locales/ur.js';
import { tr } from './locales/tr.js';
import { uz } from './locales/uz.js';

/** Every locale's catalog. Each file is typed `Messages`, so a missing key is a compile error. */
export const CATALOGS: Readonly<Record<Locale, Messages>> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  vi,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  ko,
  mn,
  ru,
  th,
  my,
  km,
  lo,
  id,
  tl,
  ms,
  uk,
  ar,
  fa,
  ur,
  tr,
  uz,
};
