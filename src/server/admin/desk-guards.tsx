import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import QRCode from 'qrcode';
import {
  deskLanguageOf,
  findReviewer,
  hasAdminRole,
  isDomainError,
  type CoreDeps,
  type DeskSession,
  type DeskSessions,
  type FirstRunToken,
  type LoginGuard,
  type PasskeyRelyingParty,
  type PendingLogins,
  type TelegramDelivery,
} from '../../core/index.js';
import { htmlDocument } from '../tipster/page-shell.js';
import { isSameOriginPost } from '../same-origin.js';
import { firstText, readFormBody, type FormBody } from '../tipster/form-body.js';
import { DEFAULT_ADMIN_LOCALE, isAdminLocale } from '../../i18n/admin/catalogs.js';
import {
  adminT,
  adminTranslator,
  MessageOnlyPage,
  type AdminFrame,
  type AdminTranslate,
} from './desk-frame.js';
import { LoginPage } from './login/login-pages.js';
import type { AlertChannelsAvailable } from './account/alert-settings.js';
import { urgentTipsFor } from './inbox/urgent-tips.js';

/*
 * The reviewer desk under /admin. Thin: every decision is core's. Sessions ride on one
 * __Host- cookie (Secure, HttpOnly, SameSite=Strict); every POST needs the session's CSRF
 * token and a same-origin Origin (when the browser sends one); no GET changes anything.
 */

export const SESSION_COOKIE = '__Host-tipline-desk';
const FORM_BYTES = 64 * 1024;
export const PAGE_SIZE = 50;
export const t = adminT;

export interface AdminDeps {
  readonly core: CoreDeps;
  readonly sessions: DeskSessions;
  readonly loginGuard: LoginGuard;
  /** The first-run token, while the store has no reviewer. */
  readonly firstRun: FirstRunToken | undefined;
  /** The bot, to deliver replies to Telegram tipsters; undefined when it is off. */
  readonly telegram: TelegramDelivery | undefined;
  readonly clientKey: (c: Context) => string;
  /** The WebAuthn relying party; undefined: passkeys are off (TIPLINE_PUBLIC_ORIGIN unset). */
  readonly passkeys: PasskeyRelyingParty | undefined;
  /** Logins between the passphrase step and the passkey step, in memory. */
  readonly pendingLogins: PendingLogins;
  /** Which alert channels this server delivers (account page). */
  readonly alertChannels: AlertChannelsAvailable;
}

export type Viewer = { session: DeskSession; token: string };

export const encoder = new TextEncoder();

export function html(
  c: Context,
  node: Parameters<typeof htmlDocument>[0],
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 429 = 200,
) {
  return c.html(htmlDocument(node), status);
}

export async function frameFor(viewer: Viewer | undefined, core: CoreDeps): Promise<AdminFrame> {
  if (!viewer) return { t };
  const reviewer = viewer.session.unlocked.reviewer;
  const current = await findReviewer(core, reviewer.id);
  // the reviewer's own desk language, read on every page so a change applies at once
  const chosen = await deskLanguageOf(core, reviewer.id);
  const locale = chosen !== null && isAdminLocale(chosen) ? chosen : DEFAULT_ADMIN_LOCALE;
  return {
    t: adminTranslator(locale),
    locale,
    viewer: {
      name: reviewer.name,
      admin: current?.role === 'admin',
      csrf: viewer.session.csrfToken,
      urgentCount: (await urgentTipsFor(core, viewer.session)).length,
    },
  };
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The logged-in reviewer's translator (their desk language), for notices and errors. */
export async function translatorFor(viewer: Viewer, core: CoreDeps): Promise<AdminTranslate> {
  return (await frameFor(viewer, core)).t;
}

export function domainMessage(
  error: unknown,
  t: AdminTranslate = adminT,
): { status: 400 | 403 | 404 | 409 | 413; text: string } | undefined {
  if (!isDomainError(error)) return undefined;
  const field = error.field ?? 'input';
  switch (error.code) {
    case 'invalid_input':
    case 'bad_envelope':
      return { status: 400, text: t('error.badInput', { field }) };
    case 'too_large':
      return { status: 413, text: t('error.tooLarge', { field }) };
    case 'forbidden':
      return { status: 403, text: t('error.forbidden') };
    case 'not_found':
      return { status: 404, text: t('error.notFound') };
    case 'conflict':
    case 'already_initialised':
      return { status: 409, text: t('error.conflict', { field }) };
    default:
      return undefined;
  }
}

/** Where a session that is not yet active must go: TOTP enrolment, or passkey registration. */
export function stageHome(stage: DeskSession['stage']): string {
  return stage === 'passkey' ? '/admin/passkey' : stage === 'enrol' ? '/admin/enrol' : '/admin';
}

/** What every desk feature uses: the session cookie, the guards for GET and POST, CSRF. */
export type DeskKit = ReturnType<typeof createDeskKit>;

export function createDeskKit(deps: AdminDeps) {
  const { core, sessions } = deps;
  const limit = bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('too large', 413) });

  const setSessionCookie = (c: Context, token: string) =>
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    });

  const startSession = (c: Context, session: ReturnType<DeskSessions['open']>) => {
    const old = getCookie(c, SESSION_COOKIE);
    if (old) sessions.end(old);
    setSessionCookie(c, session.token);
  };

  const viewerOf = (c: Context): Viewer | undefined => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) return undefined;
    const session = sessions.get(token);
    return session ? { session, token } : undefined;
  };

  const readForm = (c: Context): Promise<FormBody | undefined> => readFormBody(c);
  // a body that did not arrive whole (bad or missing multipart boundary, cut short): 400, not 500
  const badForm = (c: Context) =>
    html(
      c,
      <MessageOnlyPage frame={{ t }} title={t('error.badForm')} text={t('error.badForm')} />,
      400,
    );

  // same-origin check on top of the CSRF token; the tipster routes share it
  const sameOrigin = isSameOriginPost;

  /**
   * For POSTs from a logged-in page: the session, else the login page (nothing applied); a
   * missing or wrong CSRF token or a foreign Origin is refused before the body is used.
   */
  const guardPost = async (
    c: Context,
    stage: 'active' | 'any' = 'active',
  ): Promise<{ viewer: Viewer; form: FormBody } | Response> => {
    const viewer = viewerOf(c);
    if (!viewer) return html(c, <LoginPage frame={{ t }} error={t('login.expired')} />, 401);
    const form = await readForm(c);
    if (!form) return badForm(c);
    if (!sameOrigin(c) || !sessions.checkCsrf(viewer.session, firstText(form, '_csrf')))
      return html(
        c,
        <MessageOnlyPage
          frame={await frameFor(viewer, core)}
          title={t('error.csrf')}
          text={t('error.csrf')}
        />,
        403,
      );
    if (stage === 'active' && viewer.session.stage !== 'active')
      return c.redirect(stageHome(viewer.session.stage), 303);
    return { viewer, form };
  };

  const guardGet = (c: Context): Viewer | Response => {
    const viewer = viewerOf(c);
    if (!viewer) return c.redirect('/admin/login', 303);
    const home = stageHome(viewer.session.stage);
    if (viewer.session.stage !== 'active' && c.req.path !== home) return c.redirect(home, 303);
    return viewer;
  };

  const isAdmin = (viewer: Viewer) => hasAdminRole(core, viewer.session.reviewerId);

  const forbidden = async (c: Context, viewer: Viewer) =>
    html(
      c,
      <MessageOnlyPage
        frame={await frameFor(viewer, core)}
        title={t('error.forbidden')}
        text={t('error.forbidden')}
      />,
      403,
    );

  return {
    deps,
    core,
    sessions,
    limit,
    badForm,
    setSessionCookie,
    startSession,
    viewerOf,
    readForm,
    sameOrigin,
    guardPost,
    guardGet,
    isAdmin,
    forbidden,
  };
}
