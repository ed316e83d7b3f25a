import type { Locale } from './locales.js';
import type { EmergencyKind } from './emergency-numbers.js';

/** Emergency numbers by ISO country code (the reviewed data lives in emergency-numbers.ts). */
export type EmergencyDirectory = Readonly<
  Record<
    string,
    { readonly numbers: readonly { readonly kind: EmergencyKind; readonly number: string }[] }
  >
>;

/** Country names in the reader's language, from the runtime's ICU data (no translation files). */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The countries offered to a tipster: those we hold emergency numbers for, in local order. */
export function countryOptions(
  locale: Locale,
  directory: EmergencyDirectory,
): { code: string; name: string }[] {
  const collator = new Intl.Collator([locale, 'en']);
  return Object.keys(directory)
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
