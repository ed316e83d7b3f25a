import type { Child } from 'hono/jsx';
import type { Channel, Priority, ReviewerRecord, TipStatus } from '../../core/index.js';
import { formatMessage } from '../../i18n/messages.js';
import type { AdminMessageKey } from '../../i18n/admin/en.js';
import { ADMIN_CATALOGS, type AdminLocale } from '../../i18n/admin/catalogs.js';
import { isLocale, localeInfo } from '../../i18n/locales.js';

/* The desk's page frame (header, nav, notices) and the form controls its features share. */

export type AdminTranslate = (
  key: AdminMessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

/** The desk's text in one language (each catalog has every key: its type says so). */
export function adminTranslator(locale: AdminLocale): AdminTranslate {
  const catalog = ADMIN_CATALOGS[locale];
  return (key, values) => formatMessage(catalog[key], values);
}

/** English: for pages before login, where no reviewer's choice is known. */
export const adminT: AdminTranslate = adminTranslator('en');

export interface AdminFrame {
  readonly t: AdminTranslate;
  /** The language `t` speaks, for `<html lang>`; English when absent. */
  readonly locale?: AdminLocale;
  /** Present when logged in: the nav and the CSRF token for forms. */
  readonly viewer?: {
    readonly name: string;
    readonly admin: boolean;
    readonly csrf: string;
    /** Danger tips still new on the viewer's desks (./inbox/urgent-tips.tsx). */
    readonly urgentCount?: number;
  };
}

export const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** A tip's language as its speakers write it (简体中文, Српски), with the tag the filter takes. */
export function LanguageName(props: { tag: string }) {
  if (!isLocale(props.tag)) return <>{props.tag}</>;
  const info = localeInfo(props.tag);
  return (
    <>
      <span lang={info.tag} dir={info.dir}>
        {info.name}
      </span>{' '}
      <span class="tag">({info.tag})</span>
    </>
  );
}

export function Csrf(props: { frame: AdminFrame }) {
  return props.frame.viewer ? (
    <input type="hidden" name="_csrf" value={props.frame.viewer.csrf} />
  ) : (
    ''
  );
}

export function AdminShell(props: {
  frame: AdminFrame;
  title: string;
  children?: Child;
  /** Reload this URL after 2 s (a search still running; works without JavaScript). */
  refresh?: string;
  /** Same-origin scripts (the passkey ceremony), deferred. */
  scripts?: readonly string[];
}) {
  const { t, viewer } = props.frame;
  return (
    <html lang={props.frame.locale ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · ${t('title')}`}</title>
        <link rel="stylesheet" href="/static/tipline.css" />
        {props.refresh ? <meta http-equiv="refresh" content={`2;url=${props.refresh}`} /> : ''}
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class="admin">
        <header class="bar">
          <a class="site" href="/admin">
            {t('title')}
          </a>
          {viewer ? <UrgentCount t={t} count={viewer.urgentCount} /> : ''}
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

/** The count of waiting danger tips in the header of every desk page; nothing when none waits. */
function UrgentCount(props: { t: AdminTranslate; count: number | undefined }) {
  if (!props.count) return '';
  return (
    <a class="urgent-count" href="/admin#urgent" role="status">
      {props.t('urgent.count', { count: props.count })}
    </a>
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

export function NameField(props: { t: AdminTranslate; name: string | undefined }) {
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

export function PassphraseFields(props: { t: AdminTranslate; newLabel?: string }) {
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

export function Select(props: {
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
export function assigneeOptions(t: AdminTranslate, reviewers: readonly ReviewerRecord[]) {
  return [
    { value: 'none', label: t('inbox.unassigned') },
    ...reviewers.map((r) => ({ value: r.id, label: r.name })),
  ];
}

export const statusLabel = (t: AdminTranslate, status: TipStatus) => t(`status.${status}`);
export const priorityLabel = (t: AdminTranslate, priority: Priority) => t(`priority.${priority}`);
export const channelLabel = (t: AdminTranslate, channel: Channel) => t(`channel.${channel}`);
