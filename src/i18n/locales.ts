/** The languages tipster pages and the bot speak, each named in itself. */
export const LOCALES = [
  { tag: 'en', name: 'English', dir: 'ltr' },
  { tag: 'zh-Hans', name: '简体中文', dir: 'ltr' },
  { tag: 'zh-Hant', name: '繁體中文', dir: 'ltr' },
  { tag: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { tag: 'sr-Cyrl', name: 'Српски', dir: 'ltr' },
  { tag: 'sr-Latn', name: 'Srpski', dir: 'ltr' },
  { tag: 'ko', name: '한국어', dir: 'ltr' },
  { tag: 'mn', name: 'Монгол', dir: 'ltr' },
  { tag: 'ru', name: 'Русский', dir: 'ltr' },
  { tag: 'th', name: 'ไทย', dir: 'ltr' },
  { tag: 'my', name: 'မြန်မာ', dir: 'ltr' },
  { tag: 'km', name: 'ខ្មែរ', dir: 'ltr' },
  { tag: 'lo', name: 'ລາວ', dir: 'ltr' },
  { tag: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
  { tag: 'tl', name: 'Tagalog', dir: 'ltr' },
  { tag: 'ms', name: 'Bahasa Melayu', dir: 'ltr' },
  { tag: 'uk', name: 'Українська', dir: 'ltr' },
  { tag: 'ar', name: 'العربية', dir: 'rtl' },
  { tag: 'fa', name: 'فارسی', dir: 'rtl' },
  { tag: 'ur', name: 'اردو', dir: 'rtl' },
  { tag: 'tr', name: 'Türkçe', dir: 'ltr' },
  { tag: 'uz', name: 'Oʻzbekcha', dir: 'ltr' },
] as const;

export type Locale = (typeof LOCALES)[number]['tag'];
export const DEFAULT_LOCALE: Locale = 'en';

const TAGS = new Set<string>(LOCALES.map((l) => l.tag));
export const isLocale = (value: string): value is Locale => TAGS.has(value);

export function localeInfo(locale: Locale): (typeof LOCALES)[number] {
  return LOCALES.find((l) => l.tag === locale) ?? LOCALES[0];
}

/** Maps a BCP 47 tag onto our locales: zh-CN → zh-Hans, zh-TW/HK/MO → zh-Hant, fil → tl, sr → sr-Cyrl. */
export function matchLocale(tag: string): Locale | undefined {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const [language, ...rest] = parts;
  if (!language) return undefined;
  if (language === 'zh') {
    if (rest.includes('hant') || rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo'))
      return 'zh-Hant';
    return 'zh-Hans';
  }
  if (language === 'sr') return rest.includes('latn') ? 'sr-Latn' : 'sr-Cyrl';
  if (language === 'fil') return 'tl';
  if (language === 'in') return 'id'; // the old code for Indonesian, still sent by some phones
  return isLocale(language) ? language : undefined;
}

/** Picks the locale from an explicit choice, then Accept-Language by quality, then English. */
export function negotiateLocale(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (explicit) {
    const chosen = isLocale(explicit) ? explicit : matchLocale(explicit);
    if (chosen) return chosen;
  }
  if (acceptLanguage && acceptLanguage.length <= 1000) {
    const ranked = acceptLanguage
      .split(',')
      .slice(0, 30)
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const quality = q ? Number(q.slice(2)) : 1;
        return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
      })
      .filter((entry) => entry.quality > 0 && entry.tag !== '*')
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    for (const entry of ranked) {
      const match = matchLocale(entry.tag);
      if (match) return match;
    }
  }
  return DEFAULT_LOCALE;
}
