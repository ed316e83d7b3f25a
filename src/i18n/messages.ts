import { DEFAULT_LOCALE, type Locale } from './locales.js';
import { en, type MessageKey, type Messages } from './locales/en.js';

export type { MessageKey, Messages };

/** Fills {placeholders}; unknown placeholders stay visible rather than vanish. */
export function formatMessage(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export type Translate = (
  key: MessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

/** A translator for one locale, falling back to English only if a catalog is missing entirely. */
export function createTranslator(
  catalogs: Readonly<Partial<Record<Locale, Messages>>>,
  locale: Locale,
): Translate {
  const catalog = catalogs[locale] ?? catalogs[DEFAULT_LOCALE] ?? en;
  return (key, values) => formatMessage(catalog[key], values);
}
