import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CoreDeps } from '../core/index.js';
import { negotiateLocale, type Locale } from '../i18n/locales.js';
import { createTranslator, type Messages } from '../i18n/messages.js';
import { applySecurityHeaders } from './security-headers.js';
import { isUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './error-mapping.js';
import { QUICK_EXIT_JS, TIPLINE_CSS } from './static-assets.js';
import { compressedFile, loadBuiltFiles, sendStatic, type StaticFile } from './static-files.js';
import type { EmergencyDirectory } from '../i18n/countries.js';
import { MessagePage } from './tipster/inbox-page.js';
import { registerAdminRoutes } from './admin/admin-routes.js';
import { createClientKeyer } from './client-key.js';
import {
  createConcurrencyGate,
  createDeskSessions,
  createScopedLoginThrottle,
  clientHashKey,
  DEFAULT_SESSION_OPTIONS,
  type DeskSessions,
  type FirstRunToken,
  createPendingLogins,
  type LoginGuard,
  type PasskeyRelyingParty,
  type TelegramDelivery,
} from '../core/index.js';
import { htmlDocument } from './tipster/page-shell.js';
import {
  DEFAULT_PROOF_OF_WORK,
  registerTipsterRoutes,
  type ProofOfWorkOptions,
} from './tipster/tipster-routes.js';

export interface WebOptions {
  /** Where quick exit goes: a neutral site that says nothing about tip lines. */
  readonly quickExitUrl: string;
  /** A v3 onion host name; when set, every response carries Onion-Location. */
  readonly onionAddress: string | undefined;
  readonly rateLimitPerHour: number;
  readonly proofOfWork?: ProofOfWorkOptions;
}

export interface ServerDeps {
  readonly core: CoreDeps;
  readonly web: WebOptions;
  readonly catalogs: Readonly<Partial<Record<Locale, Messages>>>;
  readonly emergencyNumbers: EmergencyDirectory;
  /** The reviewer desk's moving parts; defaults suit production, tests pass fakes. */
  readonly desk?: {
    readonly sessions?: DeskSessions;
    readonly loginGuard?: LoginGuard;
    readonly firstRun?: FirstRunToken;
    readonly telegram?: TelegramDelivery;
    /** The bot's @username, for the account page's Telegram alert link; absent: bot off. */
    readonly telegramBotName?: () => string | undefined;
    /** Whether e-mail alerts can be delivered (TIPLINE_SMTP_URL is set). */
    readonly emailAlerts?: boolean;
    /** The WebAuthn relying party (TIPLINE_PUBLIC_ORIGIN); absent: passkeys are off. */
    readonly passkeys?: PasskeyRelyingParty;
  };
  /** Telegram webhook mode: the bot's update handler, mounted at `path`. */
  readonly telegramWebhook?: {
    readonly path: string;
    readonly handle: (request: Request) => Promise<Response>;
  };
}

const MAX_TELEGRAM_UPDATE_BYTES = 1024 * 1024;

/** The web adapter: tipster pages and, later, the reviewer desk. Thin: core does the work. */
export function createApp(deps: ServerDeps): Hono {
  const app = new Hono();
  const onionLocation = (path: string) =>
    deps.web.onionAddress ? `http://${deps.web.onionAddress}${path}` : undefined;
  app.use('*', async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers, {
      https: new URL(c.req.url).protocol === 'https:',
      onionLocation: onionLocation(c.req.path),
      // passkey ceremonies run on desk pages only; tipster pages keep WebAuthn off
      webauthn: deps.desk?.passkeys !== undefined && c.req.path.startsWith('/admin'),
    });
  });

  // Liveness only: no version, counts or paths.
  app.get('/healthz', (c) => c.text('ok'));
  // Same-origin assets, brotli or gzip when accepted. Still Cache-Control: no-store (set above)
  // on purpose: a cached copy would be a trace of this site on a phone someone may check
  // (threat model 6), and the one large file, the sealing code, loads once per tip anyway.
  const staticFiles = new Map<string, StaticFile>([
    ...loadBuiltFiles(),
    ['tipline.css', compressedFile(TIPLINE_CSS, 'text/css; charset=utf-8')],
    ['quick-exit.js', compressedFile(QUICK_EXIT_JS, 'text/javascript; charset=utf-8')],
  ]);
  app.get('/static/:file', (c) => {
    const file = staticFiles.get(c.req.param('file'));
    return file ? sendStatic(c, file) : c.notFound();
  });

  const webhook = deps.telegramWebhook;
  if (webhook) {
    app.post(
      webhook.path,
      bodyLimit({ maxSize: MAX_TELEGRAM_UPDATE_BYTES, onError: (c) => c.body(null, 413) }),
      (c) => webhook.handle(c.req.raw),
    );
  }

  const core = deps.core;
  registerAdminRoutes(app, {
    core,
    sessions: deps.desk?.sessions ?? createDeskSessions(core, DEFAULT_SESSION_OPTIONS),
    loginGuard: deps.desk?.loginGuard ?? createLoginGuard(core),
    firstRun: deps.desk?.firstRun,
    telegram: deps.desk?.telegram,
    clientKey: createClientKeyer(core.sodium, clientHashKey(core)),
    passkeys: deps.desk?.passkeys,
    pendingLogins: createPendingLogins(core),
    alertChannels: {
      email: deps.desk?.emailAlerts ?? false,
      telegramBotName: deps.desk?.telegramBotName,
    },
  });

  registerTipsterRoutes(app, {
    core: deps.core,
    catalogs: deps.catalogs,
    emergencyNumbers: deps.emergencyNumbers,
    quickExitUrl: deps.web.quickExitUrl,
    rateLimitPerHour: deps.web.rateLimitPerHour,
    proofOfWork: deps.web.proofOfWork ?? DEFAULT_PROOF_OF_WORK,
  });

  app.notFound((c) => {
    const locale = negotiateLocale(c.req.query('lang'), c.req.header('accept-language'));
    const t = createTranslator(deps.catalogs, locale);
    const page = { locale, t, quickExitUrl: deps.web.quickExitUrl, path: '/' };
    return c.html(
      htmlDocument(
        <MessagePage page={page} heading={t('error.notFound')} text={t('site.tagline')} />,
      ),
      404,
    );
  });
  app.onError((error, c) => {
    const locale = negotiateLocale(c.req.query('lang'), c.req.header('accept-language'));
    const t = createTranslator(deps.catalogs, locale);
    // storage that cannot take writes: the store's alarm has told the operator already
    if (isUnavailable(error)) {
      return c.text(t('error.unavailable'), 503, {
        'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      });
    }
    // never log the error message or request: either may carry tip text
    const incident = deps.core.sodium.to_hex(deps.core.random.bytes(6));
    deps.core.logger.error('http.unhandled', { incident });
    return c.text(`${t('error.server')} (${incident})`, 500);
  });
  return app;
}

/** Production login guard: 1 s minimum per attempt, two argon2id runs at once, a short queue. */
export function createLoginGuard(core: CoreDeps): LoginGuard {
  return {
    throttle: createScopedLoginThrottle(core),
    gate: createConcurrencyGate(2, 16),
    minimumMs: 1_000,
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
