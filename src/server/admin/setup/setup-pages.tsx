import {
  AdminShell,
  Csrf,
  NameField,
  Notice,
  PassphraseFields,
  type AdminFrame,
} from '../desk-frame.js';

/* First run, the recovery key shown until confirmed, second-factor enrolment, invitations. */

/** A one-time link's form (first-run setup, invitation): the token, a name and a new passphrase. */
function TokenAccountPage(props: {
  frame: AdminFrame;
  action: '/admin/setup' | '/admin/join';
  heading: string;
  intro?: string;
  submit: string;
  token: string;
  error?: string | undefined;
  name?: string | undefined;
}) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={props.heading}>
      <h1>{props.heading}</h1>
      {props.intro ? <p>{props.intro}</p> : ''}
      <Notice text={props.error} />
      <form method="post" action={props.action}>
        <input type="hidden" name="token" value={props.token} />
        <NameField t={t} name={props.name} />
        <PassphraseFields t={t} />
        <button type="submit">{props.submit}</button>
      </form>
    </AdminShell>
  );
}

type TokenPageProps = { frame: AdminFrame; token: string; error?: string; name?: string };

export function SetupPage(props: TokenPageProps) {
  const { t } = props.frame;
  return (
    <TokenAccountPage
      {...props}
      action="/admin/setup"
      heading={t('setup.heading')}
      intro={t('setup.intro')}
      submit={t('setup.submit')}
    />
  );
}

export function JoinPage(props: TokenPageProps) {
  const { t } = props.frame;
  return (
    <TokenAccountPage
      {...props}
      action="/admin/join"
      heading={t('join.heading')}
      submit={t('join.submit')}
    />
  );
}

export function RecoveryKeyPage(props: { frame: AdminFrame; recoveryKey: string; error?: string }) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('recovery.heading')}>
      <h1>{t('recovery.heading')}</h1>
      <p class="warning">{t('recovery.intro')}</p>
      <p class="codename" id="recovery-key">
        {props.recoveryKey}
      </p>
      <Notice text={props.error} />
      <form method="post" action="/admin/setup/confirm">
        <Csrf frame={props.frame} />
        <div class="choices">
          <label>
            <input type="checkbox" name="saved" value="yes" required /> {t('recovery.confirm')}
          </label>
        </div>
        <button type="submit">{t('recovery.continue')}</button>
      </form>
    </AdminShell>
  );
}

export function EnrolPage(props: {
  frame: AdminFrame;
  qrSvg: string;
  secret: string;
  error?: string;
  /** Offer a passkey instead of TOTP (the server has a relying party). */
  passkeys?: boolean;
}) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('enrol.heading')}>
      <h1>{t('enrol.heading')}</h1>
      <p>{t('enrol.intro')}</p>
      <div class="qr" dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
      <p>
        {t('enrol.manual')} <code id="totp-secret">{props.secret}</code>
      </p>
      <Notice text={props.error} />
      <form method="post" action="/admin/enrol">
        <Csrf frame={props.frame} />
        <div class="field">
          <label for="code">{t('enrol.code')}</label>
          <input
            type="text"
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
            maxlength={8}
          />
        </div>
        <button type="submit">{t('enrol.submit')}</button>
      </form>
      {props.passkeys ? (
        <form method="post" action="/admin/passkey/begin" id="passkey-instead">
          <Csrf frame={props.frame} />
          <p>{t('passkey.instead')}</p>
          <button type="submit">{t('passkey.add')}</button>
        </form>
      ) : (
        ''
      )}
    </AdminShell>
  );
}
