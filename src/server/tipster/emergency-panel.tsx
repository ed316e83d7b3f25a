import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';

export type EmergencyKind = 'emergency' | 'police' | 'ambulance' | 'fire';

/** Emergency numbers by ISO country code (the reviewed data lives in src/i18n/emergency-numbers.ts). */
export type EmergencyDirectory = Readonly<
  Record<
    string,
    { readonly numbers: readonly { readonly kind: EmergencyKind; readonly number: string }[] }
  >
>;

/** Country names in the page's language, from the runtime's ICU data (no translation files). */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The countries offered in the form: those we hold emergency numbers for, in local order. */
export function countryOptions(
  locale: Locale,
  directory: EmergencyDirectory,
): { code: string; name: string }[] {
  const collator = new Intl.Collator([locale, 'en']);
  return Object.keys(directory)
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Shown on the form and the receipt when the tipster says someone is in danger now. */
export function EmergencyPanel(props: {
  t: Translate;
  locale: Locale;
  country: string | undefined;
  directory: EmergencyDirectory;
}) {
  const { t, locale, country, directory } = props;
  const entry = country ? directory[country] : undefined;
  return (
    <section class="danger" id="emergency" aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{t('danger.heading')}</h2>
      {entry && country ? (
        <>
          <p>{t('danger.call', { country: countryName(locale, country) })}</p>
          <ul>
            {entry.numbers.map((n) => (
              <li>
                {t(`danger.kind.${n.kind}`)}: <a href={`tel:${n.number}`}>{n.number}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('danger.callLocal')}</p>
      )}
    </section>
  );
}
