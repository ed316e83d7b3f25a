import { AdminShell, NameField, Notice, PassphraseFields, type AdminFrame } from '../desk-frame.js';
import { CeremonyNotes, PASSKEY_SCRIPT } from '../account/passkey-pages.js';

/* The login form, and recovery with the recovery key when every passphrase is lost. */

export function LoginPage(props: {
  frame: AdminFrame;
  error?: string;
  notice?: string;
  name?: string;
  /** Passkeys are on: say that an empty code leads to the passkey step. */
  passkeys?: boolean;
}) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('login.heading')}>
      <h1>{t('login.heading')}</h1>
      <Notice text={props.notice} kind="notice" />
      <Notice text={props.error} />
      <form method="post" action="/admin/login">
        <NameField t={t} name={props.name} />
        <div class="field">
          <label for="passphrase">{t('login.passphrase')}</label>
          <input
            type="password"
            id="passphrase"
            name="passphrase"
            autocomplete="current-password"
            required
            maxlength={1024}
          />
        </div>
        <div class="field">
          <label for="code">{t('login.code')}</label>
          <span class="hint">{t('login.codeHint')}</span>
          {props.passkeys ? <span class="hint">{t('login.passkeyHint')}</span> : ''}
          <input
            type="text"
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength={8}
          />
        </div>
        <button type="submit">{t('login.submit')}</button>
      </form>
      <p>
        <a href="/admin/recover">{t('login.lost')}</a>
      </p>
    </AdminShell>
  );
}

/** Bound of the shares box: 16 shares with their header lines fit. */
export const MAX_SHARES_TEXT = 4_000;

export function RecoverPage(props: { frame: AdminFrame; error?: string; name?: string }) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('recover.heading')}>
      <h1>{t('recover.heading')}</h1>
      <p>{t('recover.intro')}</p>
      <Notice text={props.error} />
      <form method="post" action="/admin/recover">
        <div class="field">
          <label for="recovery">{t('recover.key')}</label>
          <input type="password" id="recovery" name="recovery" maxlength={200} autocomplete="off" />
        </div>
        <div class="field">
          <label for="shares">{t('recover.shares')}</label>
          <textarea
            id="shares"
            name="shares"
            rows={5}
            maxlength={MAX_SHARES_TEXT}
            autocomplete="off"
            spellcheck={false}
          />
        </div>
        <NameField t={t} name={props.name} />
        <PassphraseFields t={t} newLabel={t('account.new')} />
        <button type="submit">{t('recover.submit')}</button>
      </form>
    </AdminShell>
  );
}

/** The passkey step of a login: the pending login's token and the challenge, one button. */
export function PasskeyLoginPage(props: {
  frame: AdminFrame;
  token: string;
  options: unknown;
  /** The name as typed, to refill the login form should this step fail. */
  name: string;
}) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('passkey.loginHeading')} scripts={[PASSKEY_SCRIPT]}>
      <h1>{t('passkey.loginHeading')}</h1>
      <p>{t('passkey.loginIntro')}</p>
      <CeremonyNotes t={t} />
      <form
        method="post"
        action="/admin/login/passkey"
        data-passkey="login"
        data-passkey-options={JSON.stringify(props.options)}
      >
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="name" value={props.name} />
        <input type="hidden" name="response" value="" />
        <button type="submit" data-passkey-start="" disabled>
          {t('passkey.use')}
        </button>
      </form>
      <p>
        <a href="/admin/login">{t('passkey.back')}</a>
      </p>
    </AdminShell>
  );
}
