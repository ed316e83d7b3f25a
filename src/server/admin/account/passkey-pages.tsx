import type { PasskeyRecord } from '../../../core/index.js';
import {
  AdminShell,
  Csrf,
  Notice,
  when,
  type AdminFrame,
  type AdminTranslate,
} from '../desk-frame.js';

/*
 * Passkeys on the account page, the registration ceremony page, and the page a reviewer must
 * pass when the desk requires passkeys. The ceremony itself is /static/passkey.js: the options
 * ride in a data attribute (no inline script under the CSP); without JavaScript the page says
 * that TOTP is the way.
 */

export const PASSKEY_SCRIPT = '/static/passkey.js';

/** The messages a ceremony page shows only when they apply (no JavaScript, no WebAuthn, failure). */
export function CeremonyNotes(props: { t: AdminTranslate }) {
  const { t } = props;
  return (
    <>
      <noscript>
        <p class="warning">{t('passkey.noScript')}</p>
      </noscript>
      <p class="warning" hidden data-passkey-unsupported="">
        {t('passkey.unsupported')}
      </p>
      <p class="errors" hidden data-passkey-error="">
        {t('passkey.failed')}
      </p>
    </>
  );
}

function AddPasskeyForm(props: { frame: AdminFrame }) {
  const { t } = props.frame;
  return (
    <form method="post" action="/admin/passkey/begin" id="passkey-add">
      <Csrf frame={props.frame} />
      <div class="field">
        <label for="passkey-label">{t('passkey.label')}</label>
        <input type="text" id="passkey-label" name="label" maxlength={64} />
      </div>
      <button type="submit">{t('passkey.add')}</button>
    </form>
  );
}

/** The account page's passkey section: the reviewer's passkeys, removal, and adding one. */
export function PasskeySection(props: {
  frame: AdminFrame;
  enabled: boolean;
  passkeys: readonly PasskeyRecord[];
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = props.frame;
  return (
    <section id="passkeys">
      <h2>{t('passkey.heading')}</h2>
      <p>{t('passkey.intro')}</p>
      <Notice text={props.notice} kind="notice" />
      <Notice text={props.error} />
      {props.passkeys.length === 0 ? <p>{t('passkey.none')}</p> : ''}
      <ul class="thread">
        {props.passkeys.map((p) => (
          <li>
            <span class="who">{p.label}</span>{' '}
            {p.lastUsedAt === null
              ? t('passkey.neverUsed')
              : t('passkey.lastUsed', { when: when(p.lastUsedAt) })}
            <form method="post" action="/admin/passkey/remove" class="inline">
              <Csrf frame={props.frame} />
              <input type="hidden" name="id" value={p.credentialId} />{' '}
              <button type="submit" class="link">
                {t('passkey.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {props.enabled ? <AddPasskeyForm frame={props.frame} /> : <p>{t('passkey.off')}</p>}
    </section>
  );
}

/** Where a reviewer starts a registration: the account page's form, or the required step. */
export function PasskeyStartPage(props: { frame: AdminFrame; required: boolean; error?: string }) {
  const { t } = props.frame;
  const heading = props.required ? t('passkey.requiredHeading') : t('passkey.add');
  return (
    <AdminShell frame={props.frame} title={heading}>
      <h1>{heading}</h1>
      <p>{props.required ? t('passkey.requiredIntro') : t('passkey.intro')}</p>
      <Notice text={props.error} />
      <AddPasskeyForm frame={props.frame} />
    </AdminShell>
  );
}

/** The registration ceremony: one button that runs navigator.credentials.create(). */
export function PasskeyRegisterPage(props: { frame: AdminFrame; options: unknown; label: string }) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('passkey.create')} scripts={[PASSKEY_SCRIPT]}>
      <h1>{t('passkey.create')}</h1>
      <p>{t('passkey.createIntro')}</p>
      <CeremonyNotes t={t} />
      <form
        method="post"
        action="/admin/passkey/finish"
        data-passkey="register"
        data-passkey-options={JSON.stringify(props.options)}
      >
        <Csrf frame={props.frame} />
        <input type="hidden" name="label" value={props.label} />
        <input type="hidden" name="response" value="" />
        <button type="submit" data-passkey-start="" disabled>
          {t('passkey.create')}
        </button>
      </form>
    </AdminShell>
  );
}
