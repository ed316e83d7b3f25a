import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import QRCode from 'qrcode';
import {
  acceptInvitation,
  addReviewerNote,
  applyTriage,
  changePassphrase,
  cleanLabels,
  completeFirstRun,
  createDesk,
  defaultDesk,
  recoverReviewer,
  createTotpSecret,
  enrolTotp,
  findInvitation,
  grantDeskKeys,
  inviteReviewer,
  isChannel,
  isDomainError,
  isPriority,
  isStatus,
  listInbox,
  logIn,
  needsFirstRun,
  openAttachment,
  openTip,
  openTipDetail,
  recordAudit,
  resetTotp,
  revokeReviewer,
  reviewersAwaitingGrant,
  sendReply,
  totpUri,
  unlockReviewer,
  verifyAuditChain,
  DomainError,
  type CoreDeps,
  type DeskId,
  type DeskSession,
  type DeskSessions,
  type FirstRunToken,
  type InboxFilter,
  type LoginGuard,
  type ReviewerId,
  type TelegramDelivery,
  type TipId,
} from '../../core/index.js';
import { htmlDocument } from '../tipster/page-shell.js';
import { fieldValues, firstText, type FormBody } from '../tipster/form-body.js';
import {
  AccountPage,
  AuditPage,
  adminT,
  EnrolPage,
  InboxPage,
  JoinPage,
  LoginPage,
  MessageOnlyPage,
  PeoplePage,
  RecoveryKeyPage,
  RecoverPage,
  SetupPage,
  TipPage,
  type AdminFrame,
} from './admin-pages.js';
// alerts and danger-first (issue #12): their own files, mounted by a few lines below
import {
  accountAlertSections,
  registerAlertSettingsRoutes,
  type AlertChannelsAvailable,
  type AlertFormState,
} from './account/alert-settings.js';
import { UrgentTips, urgentTipsFor } from './inbox/urgent-tips.js';

/*
 * The reviewer desk under /admin. Thin: every decision is core's. Sessions ride on one
 * __Host- cookie (Secure, HttpOnly, SameSite=Strict); every POST needs the session's CSRF
 * token and a same-origin Origin (when the browser sends one); no GET changes anything.
 */

export const SESSION_COOKIE = '__Host-tipline-desk';
const FORM_BYTES = 64 * 1024;
const PAGE_SIZE = 50;
const t = adminT;

export interface AdminDeps {
  readonly core: CoreDeps;
  readonly sessions: DeskSessions;
  readonly loginGuard: LoginGuard;
  /** The first-run token, while the store has no reviewer. */
  readonly firstRun: FirstRunToken | undefined;
  /** The bot, to deliver replies to Telegram tipsters; undefined when it is off. */
  readonly telegram: TelegramDelivery | undefined;
  readonly clientKey: (c: Context) => string;
  /** Which alert channels this server delivers (account page). */
  readonly alertChannels: AlertChannelsAvailable;
}

type Viewer = { session: DeskSession; token: string };

const encoder = new TextEncoder();

function html(
  c: Context,
  node: ReturnType<typeof LoginPage>,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 429 = 200,
) {
  return c.html(htmlDocument(node), status);
}

async function frameFor(viewer: Viewer | undefined, core: CoreDeps): Promise<AdminFrame> {
  if (!viewer) return { t };
  const reviewer = viewer.session.unlocked.reviewer;
  const current = await core.store.getReviewer(reviewer.id);
  return {
    t,
    viewer: {
      name: reviewer.name,
      admin: current?.role === 'admin',
      csrf: viewer.session.csrfToken,
      urgentCount: (await urgentTipsFor(core, viewer.session)).length,
    },
  };
}

async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

function domainMessage(
  error: unknown,
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

export function registerAdminRoutes(app: Hono, deps: AdminDeps): void {
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

  const readForm = async (c: Context): Promise<FormBody> => c.req.parseBody({ all: true });

  /**
   * Same-origin check on top of the CSRF token. Sec-Fetch-Site decides when the browser sends it
   * (Chromium, Firefox, Tor Browser); our no-referrer policy makes browsers send `Origin: null`
   * on form posts, so Origin counts only when it names a real origin.
   */
  const sameOrigin = (c: Context) => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined) return site === 'same-origin';
    const origin = c.req.header('origin');
    if (origin === undefined || origin === 'null') return true;
    return origin === new URL(c.req.url).origin;
  };

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
      return c.redirect('/admin/enrol', 303);
    return { viewer, form };
  };

  const guardGet = (c: Context): Viewer | Response => {
    const viewer = viewerOf(c);
    if (!viewer) return c.redirect('/admin/login', 303);
    if (viewer.session.stage === 'enrol' && c.req.path !== '/admin/enrol')
      return c.redirect('/admin/enrol', 303);
    return viewer;
  };

  const isAdmin = async (viewer: Viewer) =>
    (await core.store.getReviewer(viewer.session.reviewerId))?.role === 'admin';

  // ---- login, logout ----
  app.get('/admin/login', (c) => html(c, <LoginPage frame={{ t }} />));

  app.post('/admin/login', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    const name = (firstText(form, 'name') ?? '').slice(0, 200);
    const passphrase = encoder.encode(firstText(form, 'passphrase') ?? '');
    try {
      const result = await logIn(core, deps.loginGuard, {
        name,
        passphrase,
        code: firstText(form, 'code') ?? '',
        clientKey: deps.clientKey(c),
      });
      startSession(
        c,
        sessions.open(result.unlocked, result.kind === 'unlocked' ? 'active' : 'enrol'),
      );
      return c.redirect(result.kind === 'unlocked' ? '/admin' : '/admin/enrol', 303);
    } catch (error) {
      if (isDomainError(error, 'rate_limited'))
        return html(c, <LoginPage frame={{ t }} error={t('login.throttled')} name={name} />, 429);
      if (isDomainError(error, 'bad_credentials'))
        return html(c, <LoginPage frame={{ t }} error={t('login.failed')} name={name} />, 401);
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  app.post('/admin/logout', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    await recordAudit(core, { actor: guarded.viewer.session.reviewerId, action: 'logout' });
    sessions.end(guarded.viewer.token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.redirect('/admin/login', 303);
  });

  // ---- first run ----
  const setupValid = (token: string) =>
    deps.firstRun !== undefined && deps.firstRun.matches(token) && needsFirstRun(core);

  app.get('/admin/setup', (c) => {
    const token = c.req.query('token') ?? '';
    if (!setupValid(token))
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('setup.heading')} text={t('setup.invalid')} />,
        404,
      );
    return html(c, <SetupPage frame={{ t }} token={token} />);
  });

  app.post('/admin/setup', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    const token = firstText(form, 'token') ?? '';
    const name = (firstText(form, 'name') ?? '').trim();
    if (!deps.firstRun || !setupValid(token))
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('setup.heading')} text={t('setup.invalid')} />,
        404,
      );
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(
        c,
        <SetupPage frame={{ t }} token={token} name={name} error={t('setup.mismatch')} />,
        400,
      );
    const passphrase = encoder.encode(pass);
    try {
      const initialised = await completeFirstRun(core, deps.firstRun, token, { name, passphrase });
      const unlocked = await unlockReviewer(core, name, passphrase);
      const opened = sessions.open(unlocked, 'enrol');
      opened.session.pendingRecoveryKey = initialised.recoveryKey;
      startSession(c, opened);
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor({ session: opened.session, token: opened.token }, core)}
          recoveryKey={initialised.recoveryKey}
        />,
      );
    } catch (error) {
      const mapped = domainMessage(error);
      if (mapped)
        return html(
          c,
          <SetupPage frame={{ t }} token={token} name={name} error={mapped.text} />,
          mapped.status,
        );
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  app.post('/admin/setup/confirm', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    const { session } = guarded.viewer;
    if (session.pendingRecoveryKey && firstText(guarded.form, 'saved') !== 'yes') {
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor(guarded.viewer, core)}
          recoveryKey={session.pendingRecoveryKey}
          error={t('recovery.confirmRequired')}
        />,
        400,
      );
    }
    session.pendingRecoveryKey = undefined;
    return c.redirect('/admin/enrol', 303);
  });

  // ---- TOTP enrolment ----
  app.get('/admin/enrol', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const { session } = viewer;
    if (session.stage === 'active') return c.redirect('/admin', 303);
    if (session.pendingRecoveryKey)
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor(viewer, core)}
          recoveryKey={session.pendingRecoveryKey}
        />,
      );
    session.pendingTotpSecret ??= createTotpSecret(core);
    const uri = totpUri(session.pendingTotpSecret, session.unlocked.reviewer.name);
    return html(
      c,
      <EnrolPage
        frame={await frameFor(viewer, core)}
        qrSvg={await qrSvg(uri)}
        secret={session.pendingTotpSecret}
      />,
    );
  });

  app.post('/admin/enrol', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    const { session } = guarded.viewer;
    if (session.stage === 'active') return c.redirect('/admin', 303);
    const secret = session.pendingTotpSecret;
    if (!secret) return c.redirect('/admin/enrol', 303);
    try {
      await enrolTotp(
        core,
        session.unlocked.reviewer,
        secret,
        firstText(guarded.form, 'code') ?? '',
      );
    } catch (error) {
      if (!isDomainError(error, 'bad_credentials')) throw error;
      const uri = totpUri(secret, session.unlocked.reviewer.name);
      return html(
        c,
        <EnrolPage
          frame={await frameFor(guarded.viewer, core)}
          qrSvg={await qrSvg(uri)}
          secret={secret}
          error={t('enrol.wrong')}
        />,
        400,
      );
    }
    session.pendingTotpSecret = undefined;
    // a fresh session id once the second factor is in place
    const next = sessions.rotate(guarded.viewer.token, 'active');
    if (next) setSessionCookie(c, next);
    return c.redirect('/admin', 303);
  });

  // ---- invitations ----
  app.get('/admin/join', async (c) => {
    const token = c.req.query('token') ?? '';
    try {
      await findInvitation(core, token);
    } catch {
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('join.heading')} text={t('join.invalid')} />,
        404,
      );
    }
    return html(c, <JoinPage frame={{ t }} token={token} />);
  });

  app.post('/admin/join', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    const token = firstText(form, 'token') ?? '';
    const name = (firstText(form, 'name') ?? '').trim();
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(
        c,
        <JoinPage frame={{ t }} token={token} name={name} error={t('setup.mismatch')} />,
        400,
      );
    const passphrase = encoder.encode(pass);
    try {
      await acceptInvitation(core, token, { name, passphrase });
      const unlocked = await unlockReviewer(core, name, passphrase);
      startSession(c, sessions.open(unlocked, 'enrol'));
      return c.redirect('/admin/enrol', 303);
    } catch (error) {
      if (isDomainError(error, 'not_found'))
        return html(
          c,
          <MessageOnlyPage frame={{ t }} title={t('join.heading')} text={t('join.invalid')} />,
          404,
        );
      const mapped = domainMessage(error);
      if (mapped)
        return html(
          c,
          <JoinPage frame={{ t }} token={token} name={name} error={mapped.text} />,
          mapped.status,
        );
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  // ---- inbox ----
  app.get('/admin', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const q = c.req.query();
    const filter: InboxFilter = {
      ...(q.status && isStatus(q.status) ? { status: q.status } : {}),
      ...(q.channel && isChannel(q.channel) ? { channel: q.channel } : {}),
      ...(q.desk && (await core.store.getDesk(q.desk as DeskId))
        ? { deskId: q.desk as DeskId }
        : {}),
      ...(q.assignee === 'none'
        ? { assigneeId: null }
        : q.assignee && (await core.store.getReviewer(q.assignee as ReviewerId))
          ? { assigneeId: q.assignee as ReviewerId }
          : {}),
      ...(q.danger === 'yes' ? { danger: true } : q.danger === 'no' ? { danger: false } : {}),
      ...(q.label ? { label: q.label.slice(0, 40) } : {}),
      ...(q.language ? { language: q.language.slice(0, 35) } : {}),
      ...(q.q ? { search: q.q.slice(0, 200) } : {}),
    };
    const pageNumber = Math.min(Math.max(Number.parseInt(q.page ?? '1', 10) || 1, 1), 100_000);
    const page = await listInbox(core, viewer.session, filter, {
      offset: (pageNumber - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const params = new URLSearchParams(
      Object.entries(q).filter(([k, v]) => k !== 'page' && v !== ''),
    );
    const link = (n: number) =>
      `/admin?${new URLSearchParams([...params, ['page', String(n)]]).toString()}`;
    return html(
      c,
      <InboxPage
        frame={await frameFor(viewer, core)}
        page={page}
        filter={filter}
        query={params.toString()}
        reviewers={(await core.store.listReviewers()).filter((r) => r.revokedAt === null)}
        desks={(await core.store.listDesks()).map((d) => ({ id: d.id, name: d.name }))}
        hasGrants={viewer.session.unlocked.deskKeys.size > 0}
        urgent={<UrgentTips tips={await urgentTipsFor(core, viewer.session)} />}
        pageLinks={{
          ...(pageNumber > 1 ? { newer: link(pageNumber - 1) } : {}),
          ...(page.offset + page.rows.length < page.total ? { older: link(pageNumber + 1) } : {}),
        }}
        {...(q.done === 'bulk' ? { notice: t('inbox.applied') } : {})}
      />,
    );
  });

  const tipIdParam = (c: Context): TipId => c.req.param('id') as TipId;

  const renderTip = async (
    c: Context,
    viewer: Viewer,
    extra: { notice?: string; error?: string } = {},
    status: 200 | 400 | 413 = 200,
  ) => {
    const detail = await openTipDetail(core, viewer.session.unlocked, tipIdParam(c));
    return html(
      c,
      <TipPage
        frame={await frameFor(viewer, core)}
        detail={detail}
        reviewers={(await core.store.listReviewers()).filter((r) => r.revokedAt === null)}
        canReply={(await core.store.getInboxForTip(detail.tip.id)) !== undefined}
        {...extra}
      />,
      status,
    );
  };

  const tipError = async (c: Context, viewer: Viewer, error: unknown) => {
    const mapped = domainMessage(error);
    if (!mapped) throw error;
    if (mapped.status === 404 || mapped.status === 403)
      return html(
        c,
        <MessageOnlyPage
          frame={await frameFor(viewer, core)}
          title={mapped.text}
          text={mapped.text}
        />,
        mapped.status,
      );
    return renderTip(c, viewer, { error: mapped.text }, mapped.status === 413 ? 413 : 400);
  };

  app.get('/admin/tips/:id', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    try {
      const done = c.req.query('done');
      return await renderTip(
        c,
        viewer,
        done === 'reply'
          ? { notice: t('tip.replySent') }
          : done === 'stored'
            ? { notice: t('tip.replyStored') }
            : {},
      );
    } catch (error) {
      if (isDomainError(error, 'damaged'))
        return html(
          c,
          <MessageOnlyPage
            frame={await frameFor(viewer, core)}
            title={t('inbox.damaged')}
            text={t('inbox.damaged')}
          />,
          200,
        );
      const mapped = domainMessage(error);
      if (mapped)
        return html(
          c,
          <MessageOnlyPage
            frame={await frameFor(viewer, core)}
            title={mapped.text}
            text={mapped.text}
          />,
          mapped.status === 404 ? 404 : 403,
        );
      throw error;
    }
  });

  app.get('/admin/tips/:id/attachments/:attachment', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const tip = await core.store.getTip(tipIdParam(c));
    if (!tip) return c.text(t('error.notFound'), 404);
    try {
      // only the envelope: the thread and a second 'tip.view' entry are not this request's business
      const content = openTip(core, viewer.session.unlocked, tip);
      const index = content.attachments.findIndex((a) => a.id === c.req.param('attachment'));
      if (index < 0) return c.text(t('error.notFound'), 404);
      const bytes = await openAttachment(core, tip, content, c.req.param('attachment'));
      await recordAudit(core, {
        actor: viewer.session.reviewerId,
        action: 'attachment.download',
        subject: tip.id,
      });
      const extension =
        /^[a-z0-9]{1,5}$/.exec(
          content.attachments[index]?.name.split('.').pop()?.toLowerCase() ?? '',
        )?.[0] ?? 'bin';
      // a server-made name and a type browsers will not render: never shown inline
      return c.body(bytes as unknown as ArrayBuffer, 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="tip-${tip.id.slice(0, 8)}-${index + 1}.${extension}"`,
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      const mapped = domainMessage(error);
      if (mapped) return c.text(mapped.text, mapped.status === 404 ? 404 : 403);
      throw error;
    }
  });

  app.post('/admin/tips/bulk', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const ids = fieldValues(form, 'tip').filter(
      (v): v is string => typeof v === 'string',
    ) as TipId[];
    const status = firstText(form, 'status') ?? '';
    const assignee = firstText(form, 'assignee') ?? '';
    const label = (firstText(form, 'label') ?? '').trim();
    try {
      if (ids.length === 0) throw new DomainError('invalid_input', 'no tips selected', 'tips');
      if (status && !isStatus(status))
        throw new DomainError('invalid_input', 'unknown status', 'status');
      const unlocked = viewer.session.unlocked;
      await core.store.transaction(async () => {
        if (status && isStatus(status))
          await applyTriage(core, unlocked, ids, { kind: 'status', status });
        if (assignee)
          await applyTriage(core, unlocked, ids, {
            kind: 'assign',
            assigneeId: assignee === 'none' ? null : (assignee as ReviewerId),
          });
        if (label) await applyTriage(core, unlocked, ids, { kind: 'addLabel', label });
      });
    } catch (error) {
      const mapped = domainMessage(error);
      if (!mapped) throw error;
      return html(
        c,
        <MessageOnlyPage
          frame={await frameFor(viewer, core)}
          title={mapped.text}
          text={mapped.text}
          link={{ href: '/admin', label: t('nav.inbox') }}
        />,
        mapped.status,
      );
    }
    const back = new URLSearchParams(c.req.query());
    back.set('done', 'bulk');
    return c.redirect(`/admin?${back.toString()}`, 303);
  });

  app.post('/admin/tips/:id/triage', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const id = tipIdParam(c);
    const status = firstText(form, 'status') ?? '';
    const assignee = firstText(form, 'assignee') ?? '';
    const priority = firstText(form, 'priority') ?? '';
    const labelsText = (firstText(form, 'labels') ?? '').slice(0, 1000);
    try {
      if (!isStatus(status)) throw new DomainError('invalid_input', 'unknown status', 'status');
      if (!isPriority(priority))
        throw new DomainError('invalid_input', 'unknown priority', 'priority');
      const labels = cleanLabels(labelsText.split(','));
      const unlocked = viewer.session.unlocked;
      const tip = await core.store.getTip(id);
      if (!tip) throw new DomainError('not_found', 'no such tip');
      await core.store.transaction(async () => {
        if (tip.status !== status)
          await applyTriage(core, unlocked, [id], { kind: 'status', status });
        const assigneeId = assignee === 'none' || assignee === '' ? null : (assignee as ReviewerId);
        if (tip.assigneeId !== assigneeId)
          await applyTriage(core, unlocked, [id], { kind: 'assign', assigneeId });
        await applyTriage(core, unlocked, [id], { kind: 'labels', labels });
        await applyTriage(core, unlocked, [id], { kind: 'priority', priority });
      });
    } catch (error) {
      return tipError(c, viewer, error);
    }
    return c.redirect(`/admin/tips/${id}`, 303);
  });

  app.post('/admin/tips/:id/notes', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    try {
      await addReviewerNote(
        core,
        guarded.viewer.session.unlocked,
        tipIdParam(c),
        firstText(guarded.form, 'text') ?? '',
      );
    } catch (error) {
      return tipError(c, guarded.viewer, error);
    }
    return c.redirect(`/admin/tips/${tipIdParam(c)}`, 303);
  });

  app.post('/admin/tips/:id/reply', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    let outcome;
    try {
      outcome = await sendReply(
        core,
        deps.telegram,
        viewer.session.unlocked,
        tipIdParam(c),
        firstText(form, 'text') ?? '',
      );
    } catch (error) {
      return tipError(c, viewer, error);
    }
    await recordAudit(core, {
      actor: viewer.session.reviewerId,
      action: 'tip.reply',
      subject: tipIdParam(c),
      detail: outcome.delivery,
    });
    return c.redirect(
      `/admin/tips/${tipIdParam(c)}?done=${outcome.delivery === 'telegram_failed' ? 'stored' : 'reply'}`,
      303,
    );
  });

  // ---- people and keys (admins) ----
  const peoplePage = async (
    c: Context,
    viewer: Viewer,
    extra: {
      inviteLink?: string;
      totpHandover?: { name: string; secret: string };
      notice?: string;
      error?: string;
    } = {},
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) => {
    const awaiting = new Set((await reviewersAwaitingGrant(core)).map((r) => r.id));
    const defaultDeskId = (await defaultDesk(core))?.id;
    const handover = extra.totpHandover
      ? {
          ...extra.totpHandover,
          qrSvg: await qrSvg(totpUri(extra.totpHandover.secret, extra.totpHandover.name)),
        }
      : undefined;
    return html(
      c,
      <PeoplePage
        frame={await frameFor(viewer, core)}
        reviewers={(await core.store.listReviewers()).map((r) => ({
          ...r,
          awaitingGrant: awaiting.has(r.id),
        }))}
        desks={(await core.store.listDesks()).map((d) => ({
          id: d.id,
          name: d.name,
          link:
            d.id === defaultDeskId
              ? `${new URL(c.req.url).origin}/`
              : `${new URL(c.req.url).origin}/?desk=${encodeURIComponent(d.name)}`,
        }))}
        selfId={viewer.session.reviewerId}
        {...(extra.inviteLink ? { inviteLink: extra.inviteLink } : {})}
        {...(handover ? { totpHandover: handover } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
        {...(extra.error ? { error: extra.error } : {})}
      />,
      status,
    );
  };

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

  app.get('/admin/people', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    return peoplePage(c, viewer);
  });

  const adminPost = (
    path: string,
    work: (c: Context, viewer: Viewer, form: FormBody) => Promise<Response> | Response,
  ) =>
    app.post(path, limit, async (c) => {
      const guarded = await guardPost(c);
      if (guarded instanceof Response) return guarded;
      if (!(await isAdmin(guarded.viewer))) return forbidden(c, guarded.viewer);
      try {
        return await work(c, guarded.viewer, guarded.form);
      } catch (error) {
        const mapped = domainMessage(error);
        if (!mapped) throw error;
        return peoplePage(
          c,
          guarded.viewer,
          { error: mapped.text },
          mapped.status === 413 ? 400 : mapped.status,
        );
      }
    });

  adminPost('/admin/people/invite', async (c, viewer, form) => {
    const { token } = await inviteReviewer(
      core,
      viewer.session.unlocked.reviewer,
      firstText(form, 'admin') === 'yes' ? 'admin' : 'reviewer',
    );
    return peoplePage(c, viewer, {
      inviteLink: `${new URL(c.req.url).origin}/admin/join?token=${token}`,
    });
  });

  adminPost('/admin/desks', async (c, viewer, form) => {
    await createDesk(core, viewer.session.unlocked, (firstText(form, 'name') ?? '').trim());
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/grant', async (c, viewer) => {
    await grantDeskKeys(core, viewer.session.unlocked, c.req.param('id') as ReviewerId);
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/revoke', async (c, viewer, form) => {
    const target = await core.store.getReviewer(c.req.param('id') as ReviewerId);
    if (!target) throw new DomainError('not_found', 'no such reviewer');
    if (target.id === viewer.session.reviewerId)
      throw new DomainError('conflict', 'cannot revoke yourself', 'reviewer');
    await revokeReviewer(core, target.name, {
      rotate: firstText(form, 'rotate') === 'yes',
      actor: viewer.session.reviewerId,
    });
    sessions.endForReviewer(target.id);
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/totp-reset', async (c, viewer) => {
    const target = await core.store.getReviewer(c.req.param('id') as ReviewerId);
    if (!target) throw new DomainError('not_found', 'no such reviewer');
    const secret = await resetTotp(core, viewer.session.unlocked.reviewer, target.id);
    sessions.endForReviewer(target.id);
    return peoplePage(c, viewer, { totpHandover: { name: target.name, secret } });
  });

  // ---- recovery with the recovery key (no session: for when every passphrase is lost) ----
  app.get('/admin/recover', (c) => html(c, <RecoverPage frame={{ t }} />));

  app.post('/admin/recover', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    const name = (firstText(form, 'name') ?? '').trim().slice(0, 64);
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(c, <RecoverPage frame={{ t }} name={name} error={t('setup.mismatch')} />, 400);
    const clientKey = `recover:${deps.clientKey(c)}`;
    if (deps.loginGuard.throttle.waitFor(clientKey) > 0)
      return html(c, <RecoverPage frame={{ t }} name={name} error={t('login.throttled')} />, 429);
    const passphrase = encoder.encode(pass);
    try {
      const reviewer = await deps.loginGuard.gate.run(() =>
        recoverReviewer(core, (firstText(form, 'recovery') ?? '').slice(0, 200), {
          name,
          passphrase,
        }),
      );
      sessions.endForReviewer(reviewer.id);
      deps.loginGuard.throttle.succeed(clientKey);
      return html(c, <LoginPage frame={{ t }} notice={t('recover.done')} name={name} />);
    } catch (error) {
      if (isDomainError(error, 'bad_credentials') || isDomainError(error, 'forbidden')) {
        deps.loginGuard.throttle.fail(clientKey);
        return html(c, <RecoverPage frame={{ t }} name={name} error={t('recover.failed')} />, 401);
      }
      const mapped = domainMessage(error);
      if (mapped)
        return html(c, <RecoverPage frame={{ t }} name={name} error={mapped.text} />, 400);
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  // ---- account ----
  // ---- alerts (./account/alert-settings.tsx) ----
  const accountPage = async (
    c: Context,
    viewer: Viewer,
    state: AlertFormState & { passphraseError?: string } = {},
    status: 200 | 400 | 403 | 404 = 200,
  ) => {
    const frame = await frameFor(viewer, core);
    const sections = await accountAlertSections(core, frame, viewer, deps.alertChannels, state);
    const error = state.passphraseError ? { error: state.passphraseError } : {};
    return html(
      c,
      <AccountPage frame={frame} {...error}>
        {sections}
      </AccountPage>,
      status,
    );
  };
  registerAlertSettingsRoutes(app, {
    core,
    channels: deps.alertChannels,
    guardPost: (c) => guardPost(c),
    renderAccount: accountPage,
  });
  // ---- end alerts ----

  app.get('/admin/account', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    return accountPage(c, viewer);
  });

  app.post('/admin/account/passphrase', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const next = firstText(form, 'passphrase') ?? '';
    if (next !== (firstText(form, 'passphrase2') ?? ''))
      return accountPage(c, viewer, { passphraseError: t('setup.mismatch') }, 400);
    const current = encoder.encode(firstText(form, 'current') ?? '');
    const fresh = encoder.encode(next);
    try {
      await deps.loginGuard.gate.run(() =>
        changePassphrase(core, viewer.session.unlocked.reviewer.name, current, fresh),
      );
    } catch (error) {
      if (isDomainError(error, 'bad_credentials'))
        return await accountPage(c, viewer, { passphraseError: t('login.failed') }, 400);
      const mapped = domainMessage(error);
      if (mapped) return await accountPage(c, viewer, { passphraseError: mapped.text }, 400);
      throw error;
    } finally {
      current.fill(0);
      fresh.fill(0);
    }
    sessions.endForReviewer(viewer.session.reviewerId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return html(c, <LoginPage frame={{ t }} error={t('account.changed')} />);
  });

  // ---- audit (admins) ----
  app.get('/admin/audit', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    const last = (await core.store.lastAudit())?.sequence ?? 0;
    const before = Math.min(Number.parseInt(c.req.query('before') ?? '', 10) || last + 1, last + 1);
    const from = Math.max(0, before - 1 - 100);
    const entries = (await core.store.listAudit(from, before - 1 - from)).reverse();
    return html(
      c,
      <AuditPage
        frame={await frameFor(viewer, core)}
        entries={entries}
        verification={await verifyAuditChain(core)}
        names={new Map((await core.store.listReviewers()).map((r) => [r.id as string, r.name]))}
        {...(from > 0 ? { older: `/admin/audit?before=${from + 1}` } : {})}
      />,
    );
  });
}
