import type { Child } from 'hono/jsx';
import type {
  AuditRecord,
  AuditVerification,
  InboxFilter,
  InboxPage as InboxPageData,
  ReviewerRecord,
  TipDetail,
  TipSummary,
} from '../../core/index.js';
import { PRIORITIES, TIP_STATUSES, CHANNELS } from '../../core/index.js';
import { formatMessage } from '../../i18n/messages.js';
import { adminEn, type AdminMessageKey } from '../../i18n/admin/en.js';
import { UrgentCount } from './inbox/urgent-tips.js';

export type AdminTranslate = (
  key: AdminMessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

export const adminT: AdminTranslate = (key, values) => formatMessage(adminEn[key], values);

export interface AdminFrame {
  readonly t: AdminTranslate;
  /** Present when logged in: the nav and the CSRF token for forms. */
  readonly viewer?: {
    readonly name: string;
    readonly admin: boolean;
    readonly csrf: string;
    /** Danger tips still new on the viewer's desks (./inbox/urgent-tips.tsx). */
    readonly urgentCount?: number;
  };
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function Csrf(props: { frame: AdminFrame }) {
  return props.frame.viewer ? (
    <input type="hidden" name="_csrf" value={props.frame.viewer.csrf} />
  ) : (
    ''
  );
}

export function AdminShell(props: { frame: AdminFrame; title: string; children?: Child }) {
  const { t, viewer } = props.frame;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · ${t('title')}`}</title>
        <link rel="stylesheet" href="/static/tipline.css" />
      </head>
      <body class="admin">
        <header class="bar">
          <a class="site" href="/admin">
            {t('title')}
          </a>
          {viewer ? <UrgentCount count={viewer.urgentCount} /> : ''}
          {viewer ? (
            <nav class="links">
              <a href="/admin">{t('nav.inbox')}</a>
              {viewer.admin ? <a href="/admin/people">{t('nav.people')}</a> : ''}
              {viewer.admin ? <a href="/admin/audit">{t('nav.audit')}</a> : ''}
              <a href="/admin/account">{t('nav.account')}</a>
              <form method="post" action="/admin/logout" class="inline">
                <Csrf frame={props.frame} />
                <button type="submit" class="link">
                  {t('nav.logout')} ({viewer.name})
                </button>
              </form>
            </nav>
          ) : (
            ''
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function Notice(props: { text: string | undefined; kind?: 'errors' | 'notice' }) {
  return props.text ? (
    <p class={props.kind ?? 'errors'} role={props.kind === 'notice' ? 'status' : 'alert'}>
      {props.text}
    </p>
  ) : (
    ''
  );
}

function NameField(props: { t: AdminTranslate; name: string | undefined }) {
  return (
    <div class="field">
      <label for="name">{props.t('login.name')}</label>
      <input
        type="text"
        id="name"
        name="name"
        autocomplete="username"
        required
        maxlength={64}
        value={props.name ?? ''}
      />
    </div>
  );
}

export function LoginPage(props: {
  frame: AdminFrame;
  error?: string;
  notice?: string;
  name?: string;
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
          <input
            type="password"
            id="recovery"
            name="recovery"
            required
            maxlength={200}
            autocomplete="off"
          />
        </div>
        <NameField t={t} name={props.name} />
        <PassphraseFields t={t} newLabel={t('account.new')} />
        <button type="submit">{t('recover.submit')}</button>
      </form>
    </AdminShell>
  );
}

function PassphraseFields(props: { t: AdminTranslate; newLabel?: string }) {
  const { t } = props;
  return (
    <>
      <div class="field">
        <label for="passphrase">{props.newLabel ?? t('login.passphrase')}</label>
        <span class="hint">{t('setup.passphraseHint')}</span>
        <input
          type="password"
          id="passphrase"
          name="passphrase"
          autocomplete="new-password"
          required
          minlength={12}
          maxlength={1024}
        />
      </div>
      <div class="field">
        <label for="passphrase2">{t('setup.passphraseAgain')}</label>
        <input
          type="password"
          id="passphrase2"
          name="passphrase2"
          autocomplete="new-password"
          required
          minlength={12}
          maxlength={1024}
        />
      </div>
    </>
  );
}

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

export function MessageOnlyPage(props: {
  frame: AdminFrame;
  title: string;
  text: string;
  link?: { href: string; label: string };
}) {
  return (
    <AdminShell frame={props.frame} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.link ? <a href={props.link.href}>{props.link.label}</a> : ''}
    </AdminShell>
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
    </AdminShell>
  );
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  any?: string;
}) {
  return (
    <label>
      {props.label}{' '}
      <select name={props.name}>
        {props.any !== undefined ? <option value="">{props.any}</option> : ''}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "nobody" and every active reviewer, for the assignee selects (filter, bulk, triage). */
function assigneeOptions(t: AdminTranslate, reviewers: readonly ReviewerRecord[]) {
  return [
    { value: 'none', label: t('inbox.unassigned') },
    ...reviewers.map((r) => ({ value: r.id, label: r.name })),
  ];
}

export interface InboxView {
  readonly frame: AdminFrame;
  readonly page: InboxPageData;
  readonly filter: InboxFilter;
  readonly query: string;
  readonly reviewers: readonly ReviewerRecord[];
  readonly desks: readonly { id: string; name: string }[];
  readonly hasGrants: boolean;
  readonly pageLinks: { readonly newer?: string; readonly older?: string };
  readonly notice?: string;
  /** Waiting danger tips, shown first (./inbox/urgent-tips.tsx). */
  readonly urgent?: Child;
}

function statusLabel(status: string) {
  return status.replace('_', ' ');
}

function Row(props: { tip: TipSummary; t: AdminTranslate; names: Map<string, string> }) {
  const { tip, t } = props;
  return (
    <tr class={tip.danger ? 'danger-row' : undefined}>
      <td>
        <input type="checkbox" name="tip" value={tip.id} form="bulk" aria-label={tip.id} />
      </td>
      <td>{when(tip.receivedAt)}</td>
      <td>{tip.channel}</td>
      <td>{statusLabel(tip.status)}</td>
      <td>{tip.priority}</td>
      <td>{tip.assigneeId ? (props.names.get(tip.assigneeId) ?? '?') : '–'}</td>
      <td>
        <a href={`/admin/tips/${tip.id}`}>
          {tip.damaged
            ? t('inbox.damaged')
            : tip.locked
              ? t('inbox.locked')
              : tip.headline || tip.id}
        </a>
        {tip.danger ? <strong class="flag"> {t('field.danger')}</strong> : ''}
        {tip.labels.map((l) => (
          <span class="label">{l}</span>
        ))}
      </td>
    </tr>
  );
}

export function InboxPage(props: InboxView) {
  const { t } = props.frame;
  const { filter, page } = props;
  const names = new Map(props.reviewers.map((r) => [r.id as string, r.name]));
  const options = (values: readonly string[]) =>
    values.map((v) => ({ value: v, label: statusLabel(v) }));
  return (
    <AdminShell frame={props.frame} title={t('inbox.heading')}>
      <h1>{t('inbox.heading')}</h1>
      {props.urgent ?? ''}
      <Notice text={props.notice} kind="notice" />
      {props.hasGrants ? '' : <p class="warning">{t('inbox.noGrant')}</p>}
      <form method="get" action="/admin" class="filters">
        <Select
          name="status"
          label={t('field.status')}
          value={filter.status}
          options={options(TIP_STATUSES)}
          any={t('inbox.any')}
        />
        <Select
          name="channel"
          label={t('field.channel')}
          value={filter.channel}
          options={options(CHANNELS)}
          any={t('inbox.any')}
        />
        {props.desks.length > 1 ? (
          <Select
            name="desk"
            label={t('field.desk')}
            value={filter.deskId}
            options={props.desks.map((d) => ({ value: d.id, label: d.name }))}
            any={t('inbox.any')}
          />
        ) : (
          ''
        )}
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={filter.assigneeId === null ? 'none' : filter.assigneeId}
          options={assigneeOptions(t, props.reviewers)}
          any={t('inbox.any')}
        />
        <Select
          name="danger"
          label={t('field.danger')}
          value={filter.danger === undefined ? undefined : filter.danger ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: t('tip.yes') },
            { value: 'no', label: t('tip.no') },
          ]}
          any={t('inbox.any')}
        />
        <label>
          {t('field.label')}{' '}
          <input type="text" name="label" maxlength={40} value={filter.label ?? ''} />
        </label>
        <label>
          {t('field.language')}{' '}
          <input type="text" name="language" maxlength={35} value={filter.language ?? ''} />
        </label>
        <label>
          {t('inbox.search')}{' '}
          <input type="search" name="q" maxlength={200} value={filter.search ?? ''} />
        </label>
        <button type="submit">{t('inbox.filter')}</button>
      </form>
      <p>{t('inbox.count', { total: page.total })}</p>
      {page.rows.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <table class="tips">
          <thead>
            <tr>
              <th></th>
              <th>{t('field.received')}</th>
              <th>{t('field.channel')}</th>
              <th>{t('field.status')}</th>
              <th>{t('field.priority')}</th>
              <th>{t('field.assignee')}</th>
              <th>{t('field.message')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((tip) => (
              <Row tip={tip} t={t} names={names} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="links">
        {props.pageLinks.newer ? <a href={props.pageLinks.newer}>{t('inbox.previous')}</a> : ''}
        {props.pageLinks.older ? <a href={props.pageLinks.older}>{t('inbox.next')}</a> : ''}
      </nav>
      <form method="post" action={`/admin/tips/bulk?${props.query}`} id="bulk" class="filters">
        <Csrf frame={props.frame} />
        <strong>{t('inbox.bulk')}</strong>
        <Select
          name="status"
          label={t('field.status')}
          value={undefined}
          options={options(TIP_STATUSES)}
          any="–"
        />
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={undefined}
          options={assigneeOptions(t, props.reviewers)}
          any="–"
        />
        <label>
          {t('field.label')} <input type="text" name="label" maxlength={40} />
        </label>
        <button type="submit">{t('inbox.apply')}</button>
      </form>
    </AdminShell>
  );
}

export interface TipView {
  readonly frame: AdminFrame;
  readonly detail: TipDetail;
  readonly reviewers: readonly ReviewerRecord[];
  readonly canReply: boolean;
  readonly notice?: string;
  readonly error?: string;
}

export function TipPage(props: TipView) {
  const { t } = props.frame;
  const { tip, content, triage, thread } = props.detail;
  const f = content.fields;
  const names = new Map(props.reviewers.map((r) => [r.id as string, r.name]));
  const rows: [string, string | undefined][] = [
    [t('field.received'), when(tip.receivedAt)],
    [t('field.channel'), tip.channel],
    [t('field.language'), content.language],
    [t('field.country'), f.country],
    [t('field.place'), f.place],
    [t('field.location'), f.location],
    [t('field.when'), f.when],
    [t('field.danger'), f.danger === undefined ? undefined : f.danger ? t('tip.yes') : t('tip.no')],
    [t('field.contact'), f.contact],
  ];
  return (
    <AdminShell frame={props.frame} title={t('tip.heading', { id: tip.id.slice(0, 8) })}>
      <h1>{t('tip.heading', { id: tip.id.slice(0, 8) })}</h1>
      <Notice text={props.notice} kind="notice" />
      <Notice text={props.error} />
      <dl class="fields">
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
      <h2>{t('field.message')}</h2>
      <p class="message" id="tip-message">
        {f.message}
      </p>
      {content.attachments.length > 0 ? (
        <>
          <h2>{t('field.attachments')}</h2>
          <ul>
            {content.attachments.map((a, i) => (
              <li>
                <a href={`/admin/tips/${tip.id}/attachments/${a.id}`}>
                  {t('tip.download')} #{i + 1}
                </a>{' '}
                ({a.type}, {Math.ceil(a.size / 1024)} KiB) – {a.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2>{t('tip.triage')}</h2>
      <form method="post" action={`/admin/tips/${tip.id}/triage`} class="filters">
        <Csrf frame={props.frame} />
        <Select
          name="status"
          label={t('field.status')}
          value={tip.status}
          options={TIP_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={tip.assigneeId ?? 'none'}
          options={assigneeOptions(t, props.reviewers)}
        />
        <Select
          name="priority"
          label={t('field.priority')}
          value={triage.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: p }))}
        />
        <label>
          {t('field.labels')} <span class="hint">{t('tip.labelsHint')}</span>
          <input type="text" name="labels" maxlength={450} value={triage.labels.join(', ')} />
        </label>
        <button type="submit">{t('tip.save')}</button>
      </form>
      <h2>{t('tip.thread')}</h2>
      {thread.length === 0 ? (
        <p>{t('tip.noThread')}</p>
      ) : (
        <ol class="thread">
          {thread.map((entry) => (
            <li class={`thread-${entry.kind}`}>
              <span class="who">
                {t(`tip.from.${entry.kind}`)}
                {entry.authorId ? ` · ${names.get(entry.authorId) ?? '?'}` : ''} · {when(entry.at)}
              </span>
              {entry.text ?? t('inbox.damaged')}
            </li>
          ))}
        </ol>
      )}
      {props.canReply ? (
        <form method="post" action={`/admin/tips/${tip.id}/reply`}>
          <Csrf frame={props.frame} />
          <div class="field">
            <label for="reply">{t('tip.reply')}</label>
            <span class="hint">
              {tip.channel === 'telegram' ? t('tip.replyHintTelegram') : t('tip.replyHintWeb')}
            </span>
            <textarea id="reply" name="text" required maxlength={10000}></textarea>
          </div>
          <button type="submit">{t('tip.sendReply')}</button>
        </form>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/tips/${tip.id}/notes`}>
        <Csrf frame={props.frame} />
        <div class="field">
          <label for="note">{t('tip.note')}</label>
          <textarea id="note" name="text" required maxlength={10000}></textarea>
        </div>
        <button type="submit">{t('tip.addNote')}</button>
      </form>
    </AdminShell>
  );
}

export interface PeopleView {
  readonly frame: AdminFrame;
  readonly desks: readonly { readonly id: string; readonly name: string; readonly link: string }[];
  readonly reviewers: readonly (ReviewerRecord & { awaitingGrant: boolean })[];
  readonly selfId: string;
  readonly inviteLink?: string;
  readonly totpHandover?: { name: string; secret: string; qrSvg: string };
  readonly notice?: string;
  readonly error?: string;
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
              <td>{r.role}</td>
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

export function AccountPage(props: { frame: AdminFrame; error?: string; children?: Child }) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('account.heading')}>
      <h1>{t('account.heading')}</h1>
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

export function AuditPage(props: {
  frame: AdminFrame;
  entries: readonly AuditRecord[];
  verification: AuditVerification;
  names: Map<string, string>;
  older?: string;
}) {
  const { t } = props.frame;
  const v = props.verification;
  return (
    <AdminShell frame={props.frame} title={t('audit.heading')}>
      <h1>{t('audit.heading')}</h1>
      {v.ok ? (
        <p class="notice">{t('audit.ok', { count: v.entries, head: v.head })}</p>
      ) : (
        <p class="errors">{t('audit.broken', { sequence: v.brokenAt })}</p>
      )}
      <table class="tips">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.subject')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.sequence}</td>
              <td>{new Date(e.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{props.names.get(e.actor) ?? e.actor}</td>
              <td>{e.action}</td>
              <td>{e.subject ?? ''}</td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.older ? <a href={props.older}>{t('inbox.next')}</a> : ''}
    </AdminShell>
  );
}
