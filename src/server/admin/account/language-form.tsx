import { ADMIN_LOCALES } from '../../../i18n/admin/catalogs.js';
import { Csrf, type AdminFrame } from '../desk-frame.js';

/* The reviewer's desk language: one select, each language named in itself. */

export function LanguageForm(props: { frame: AdminFrame }) {
  const { t } = props.frame;
  const current = props.frame.locale ?? 'en';
  return (
    <form method="post" action="/admin/account/language" class="filters" id="desk-language">
      <Csrf frame={props.frame} />
      <label>
        {t('account.language')} <span class="hint">{t('account.languageHint')}</span>
        <select name="locale">
          {ADMIN_LOCALES.map((l) => (
            <option value={l.tag} lang={l.tag} selected={l.tag === current}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('account.languageSave')}</button>
    </form>
  );
}
