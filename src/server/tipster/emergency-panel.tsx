import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';
import { countryName, type EmergencyDirectory } from '../../i18n/countries.js';

/** Shown on the form and the receipt when the tipster says someone is in danger now. */
export function EmergencyPanel(props: {
  t: Translate;
  locale: Locale;
  country: string | undefined;
  directory: EmergencyDirectory;
}) {
  const { t, locale, country, directory } = props;
  // own keys only: a posted country of `__proto__` or `constructor` must not find an entry
  const entry = country && Object.hasOwn(directory, country) ? directory[country] : undefined;
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
