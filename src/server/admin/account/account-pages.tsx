import type { Child } from 'hono/jsx';
import { AdminShell, Csrf, Notice, PassphraseFields, type AdminFrame } from '../desk-frame.js';
import { LanguageForm } from './language-form.js';

/* A reviewer's own account: the desk language, a new passphrase, alerts. */

export function AccountPage(props: {
  frame: AdminFrame;
  error?: string;
  notice?: string;
  children?: Child;
}) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('account.heading')}>
      <h1>{t('account.heading')}</h1>
      <Notice text={props.notice} kind="notice" />
      <LanguageForm frame={props.frame} />
      <h2>{t('account.change')}</h2>
      <Notice text={props.error} />
      <form method="post" action="/admin/account/passphrase">
        <Csrf frame={props.frame} />
        <div class="field">
          <label for="current">{t('account.current')}</label>
          <input
            type="password"
            id="current"
            name="current"
            autocomplete="current-password"
            required
            maxlength={1024}
          />
        </div>
        <PassphraseFields t={t} newLabel={t('account.new')} />
        <button type="submit">{t('account.change')}</button>
      </form>
      {props.children}
    </AdminShell>
  );
}
