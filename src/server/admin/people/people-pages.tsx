import type { ReviewerRecord } from '../../../core/index.js';
import { AdminShell, Csrf, Notice, type AdminFrame } from '../desk-frame.js';

/* People and keys: reviewers, invitations, grants, revocation, second-factor reset, desks. */

export interface PeopleView {
  readonly frame: AdminFrame;
  readonly desks: readonly { readonly id: string; readonly name: string; readonly link: string }[];
  readonly reviewers: readonly (ReviewerRecord & { awaitingGrant: boolean })[];
  readonly selfId: string;
  readonly inviteLink?: string;
  readonly totpHandover?: { name: string; secret: string; qrSvg: string };
  readonly notice?: string;
  readonly error?: string;
  /** Whether passkeys are required; absent when passkeys are off on this server. */
  readonly passkeysRequired?: boolean;
}

export function PeoplePage(props: PeopleView) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('people.heading')}>
      <h1>{t('people.heading')}</h1>
      <Notice text={props.notice} kind="notice" />
      <Notice text={props.error} />
      {props.inviteLink ? (
        <p class="notice">
          {t('people.inviteLink')} <code id="invite-link">{props.inviteLink}</code>
        </p>
      ) : (
        ''
      )}
      {props.totpHandover ? (
        <div class="notice">
          <p>{t('people.totpSecret', { name: props.totpHandover.name })}</p>
          <div class="qr" dangerouslySetInnerHTML={{ __html: props.totpHandover.qrSvg }} />
          <code>{props.totpHandover.secret}</code>
        </div>
      ) : (
        ''
      )}
      <table class="tips">
        <thead>
          <tr>
            <th>{t('login.name')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.state')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {props.reviewers.map((r) => (
            <tr>
              <td>
                {r.name}
                {r.id === props.selfId ? ` (${t('people.you')})` : ''}
              </td>
              <td>{t(`role.${r.role}`)}</td>
              <td>
                {r.revokedAt !== null
                  ? t('people.revoked')
                  : r.awaitingGrant
                    ? t('people.awaiting')
                    : t('people.active')}
              </td>
              <td>
                {r.revokedAt === null && r.id !== props.selfId ? (
                  <div class="actions">
                    {r.awaitingGrant ? (
                      <form method="post" action={`/admin/people/${r.id}/grant`} class="inline">
                        <Csrf frame={props.frame} />
                        <button type="submit">{t('people.grant')}</button>
                      </form>
                    ) : (
                      ''
                    )}
                    <form method="post" action={`/admin/people/${r.id}/totp-reset`} class="inline">
                      <Csrf frame={props.frame} />
                      <button type="submit">{t('people.totpReset')}</button>
                    </form>
                    <form method="post" action={`/admin/people/${r.id}/revoke`} class="inline">
                      <Csrf frame={props.frame} />
                      <label>
                        <input type="checkbox" name="rotate" value="yes" checked />{' '}
                        {t('people.rotate')}
                      </label>
                      <button type="submit">{t('people.revoke')}</button>
                    </form>
                  </div>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('desks.heading')}</h2>
      <p>{t('desks.intro')}</p>
      <ul id="desks">
        {props.desks.map((d) => (
          <li>
            {d.name} – {t('desks.link')}: <code>{d.link}</code>
          </li>
        ))}
      </ul>
      <form method="post" action="/admin/desks" class="filters">
        <Csrf frame={props.frame} />
        <label>
          {t('desks.name')} <input type="text" name="name" required maxlength={64} />
        </label>
        <button type="submit">{t('desks.create')}</button>
      </form>
      <p>
        <a href="/admin/recovery-shares">{t('split.heading')}</a>
      </p>
      {props.passkeysRequired === undefined ? (
        ''
      ) : (
        <PasskeyPolicy frame={props.frame} required={props.passkeysRequired} />
      )}
      <h2>{t('people.invite')}</h2>
      <form method="post" action="/admin/people/invite">
        <Csrf frame={props.frame} />
        <div class="choices">
          <label>
            <input type="checkbox" name="admin" value="yes" /> {t('people.inviteAdmin')}
          </label>
        </div>
        <button type="submit">{t('people.inviteSubmit')}</button>
      </form>
    </AdminShell>
  );
}

/** The admin switch that requires passkeys of every reviewer. */
function PasskeyPolicy(props: { frame: AdminFrame; required: boolean }) {
  const { t } = props.frame;
  return (
    <section id="passkey-policy">
      <h2>{t('passkey.policyHeading')}</h2>
      <p>{t('passkey.policyIntro')}</p>
      <p>
        <strong>{props.required ? t('passkey.policyIsOn') : t('passkey.policyIsOff')}</strong>
      </p>
      <form method="post" action="/admin/people/passkeys">
        <Csrf frame={props.frame} />
        <input type="hidden" name="required" value={props.required ? 'off' : 'on'} />
        <button type="submit">
          {props.required ? t('passkey.policyOff') : t('passkey.policyOn')}
        </button>
      </form>
    </section>
  );
}
