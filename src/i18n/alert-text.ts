import type { AlertMessage } from '../core/alert-delivery.js';
import { DEFAULT_LOCALE, isLocale, matchLocale, type Locale } from './locales.js';
import type { Messages } from './messages.js';

/*
 * The one alert text, per language: no tip id, no desk, no count, no channel, no danger flag.
 * Subject and body are padded with spaces to a fixed number of UTF-8 bytes, the same in every
 * language, so the size of an alert (base64 on the wire) says nothing, not even the language.
 */

export const ALERT_SUBJECT_BYTES = 128;
export const ALERT_BODY_BYTES = 512;

function padToBytes(text: string, bytes: number): string {
  const length = Buffer.byteLength(text, 'utf8');
  if (length > bytes) throw new Error(`alert text longer than ${bytes} bytes`);
  return text + ' '.repeat(bytes - length);
}

/** The alert text for a reviewer's language (a locale tag; anything unknown gets English). */
export function createAlertText(
  catalogs: Readonly<Record<Locale, Messages>>,
): (language: string) => AlertMessage {
  const texts = new Map<Locale, AlertMessage>();
  for (const [locale, catalog] of Object.entries(catalogs) as [Locale, Messages][]) {
    texts.set(locale, {
      subject: padToBytes(catalog['alert.subject'], ALERT_SUBJECT_BYTES),
      body: padToBytes(catalog['alert.body'], ALERT_BODY_BYTES),
    });
  }
  const fallback = texts.get(DEFAULT_LOCALE);
  if (!fallback) throw new Error('no English alert text');
  return (language) => {
    const locale = isLocale(language) ? language : matchLocale(language);
    return (locale && texts.get(locale)) ?? fallback;
  };
}
