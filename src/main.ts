import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config, type Secrets } from './config/config.js';
import { createDeps, StoreOpenError } from './compose.js';
import { Server as HttpServer } from 'node:http';
import { createApp } from './server/app.js';
import { proofOfWorkOptions } from './server/tipster/tipster-routes.js';
import { applyHttpLimits, HTTP_SERVER_OPTIONS } from './server/http-limits.js';
import { createLogger } from './logging/logger.js';
import { CATALOGS } from './i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from './i18n/emergency-numbers.js';
import { createTipBot, type TipBot } from './bot/create-bot.js';
import { createWebhookHandler } from './bot/webhook.js';
import {
  createAlertDelivery,
  createDeskSessions,
  createFirstRunToken,
  errorCodeOf,
  needsFirstRun,
  relyingPartyFor,
  scheduleDailyPurge,
  startWhenRunner,
  closeStore,
  isBackgroundRunner,
  sweepSharedCounters,
  type AlertSender,
  type CoreDeps,
} from './core/index.js';
import { createEmailAlertSender } from './alerts/email-sender.js';
import { createTelegramAlertSender } from './bot/alert-sender.js';
import { createAlertText } from './i18n/alert-text.js';

/** How often the alert outbox is checked, and pending danger tips swept for escalation. */
const ALERT_POLL_MS = 10_000;
const ALERT_SWEEP_MS = 30_000;
/** How often a standby instance checks whether the runner (the Telegram poller) has gone. */
const RUNNER_CHECK_MS = 15_000;

/** Stale shared counters go once per database: the runner sweeps; errors wait for the next minute. */
async function sweepSharedCountersWhenRunner(core: CoreDeps): Promise<void> {
  try {
    if (core.sharedKeys && (await isBackgroundRunner(core))) await sweepSharedCounters(core);
  } catch {
    // the store's own alarm reports an unusable database
  }
}

/** Starts the web server and, with a token, the bot; returns a function that stops both cleanly. */
export async function startServer(config: Config, secrets: Secrets): Promise<() => Promise<void>> {
  let alertKeyCreated = false;
  const core = await createDeps(
    config,
    { onAlertKeyCreated: () => (alertKeyCreated = true) },
    secrets,
  );
  const bot: TipBot | undefined = secrets.telegramBotToken
    ? createTipBot({
        core,
        token: secrets.telegramBotToken,
        apiRoot: config.telegram.apiRoot,
        catalogs: CATALOGS,
        emergencyNumbers: EMERGENCY_NUMBERS,
        onionAddress: config.onionAddress,
        submissionsPerHour: config.rateLimitPerHour,
      })
    : undefined;
  const webhookUrl = bot ? config.telegram.webhookUrl : undefined;
  // without a configured secret, one from TIPLINE_SHARED_SECRET (the same on every instance) or
  // a fresh one per start: Telegram learns it from setWebhook
  const webhookSecret =
    secrets.telegramWebhookSecret ??
    core.sodium.to_hex(core.sharedKeys?.telegramWebhook ?? core.random.bytes(32));
  const sessions = createDeskSessions(core, {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionMaxMs,
    maxSessions: 1_000,
  });
  const sessionSweep = setInterval(() => {
    sessions.sweep();
    void sweepSharedCountersWhenRunner(core);
  }, 60_000);
  sessionSweep.unref();
  const firstRun = (await needsFirstRun(core)) ? createFirstRunToken(core) : undefined;
  const app = createApp({
    desk: {
      sessions,
      ...(firstRun ? { firstRun } : {}),
      ...(bot ? { telegram: bot, telegramBotName: () => bot.username() } : {}),
      emailAlerts: secrets.smtpUrl !== undefined,
      ...(config.publicOrigin ? { passkeys: relyingPartyFor(config.publicOrigin) } : {}),
    },
    core,
    web: {
      quickExitUrl: config.quickExitUrl,
      onionAddress: config.onionAddress,
      rateLimitPerHour: config.rateLimitPerHour,
      proofOfWork: proofOfWorkOptions(config.powThresholdPerMinute, config.powDifficulty),
    },
    catalogs: CATALOGS,
    emergencyNumbers: EMERGENCY_NUMBERS,
    ...(bot && webhookUrl
      ? {
          telegramWebhook: {
            path: new URL(webhookUrl).pathname,
            handle: createWebhookHandler({
              secretToken: webhookSecret,
              handleUpdate: bot.handleUpdate,
              logger: core.logger,
            }),
          },
        }
      : {}),
  });
  const email =
    secrets.smtpUrl && config.alerts.from
      ? createEmailAlertSender({ smtpUrl: secrets.smtpUrl, from: config.alerts.from })
      : undefined;
  const senders: AlertSender[] = [
    ...(email ? [email] : []),
    ...(bot ? [createTelegramAlertSender(bot)] : []),
  ];
  const alertDelivery = createAlertDelivery(core, {
    senders,
    message: createAlertText(CATALOGS),
  });
  const server = serve({
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    serverOptions: HTTP_SERVER_OPTIONS,
  });
  if (server instanceof HttpServer) applyHttpLimits(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // the store kind only: never the database URL, which carries a password
  core.logger.info('server.listening', {
    host: config.host,
    port: config.port,
    store: config.storeKind,
    sharedCounters: core.sharedKeys !== undefined,
  });
  if (config.storeKind === 'postgres' && core.sharedKeys === undefined)
    core.logger.warn('shared_secret.missing', {
      note: 'TIPLINE_SHARED_SECRET is not set: with two instances, rate limits and login throttles count per instance and proof-of-work challenges only work on the instance that made them',
    });
  if (config.rateLimitPerHour === 0) {
    core.logger.warn('rate_limit.off', {
      note: 'TIP RATE LIMITING IS OFF (TIPLINE_RATE_LIMIT=0): only for load tests on loopback',
    });
  }
  if (firstRun) {
    const address = (server.address() as { port?: number } | null)?.port ?? config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // the one secret ever printed: it works once, only until this process stops
    core.logger.warn('setup.needed', {
      note: `no reviewer yet: open http://${host}:${address}/admin/setup?token=${firstRun.value} once to create the desk and the first admin (or run \`npx tipline init\`)`,
    });
  }
  if (alertKeyCreated)
    core.logger.warn('alerts.key_created', {
      note: 'made a new server alert key (alert.key) in the data directory; keep it with the database',
    });
  core.logger.info('alerts.channels', {
    mode: senders.map((sender) => sender.channel).join(',') || 'none',
    note: email ? 'e-mail alerts on' : 'TIPLINE_SMTP_URL is not set; e-mail alerts are off',
  });
  // every timer the delivery loop uses is unref'd: alerts never hold the process open
  const stopAlerts = alertDelivery.start({
    pollMs: ALERT_POLL_MS,
    sweepMs: ALERT_SWEEP_MS,
    every: (ms, run) => {
      const timer = setInterval(run, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  });
  const stopPurge =
    config.retentionDays === undefined
      ? () => undefined
      : scheduleDailyPurge(core, config.retentionDays, (run, everyMs) => {
          const timer = setInterval(() => void run(), everyMs);
          timer.unref();
          return () => clearInterval(timer);
        });
  let stopPollingStandby = () => undefined as void;
  if (bot) {
    // the web form keeps working; the operator sees why the bot did not start
    const failed = (error: unknown) =>
      core.logger.error('bot.start_failed', { code: errorCodeOf(error) });
    try {
      // a webhook works on every instance; long polling on one (Telegram refuses a second)
      if (webhookUrl) await bot.startWebhook(webhookUrl, webhookSecret);
      else
        stopPollingStandby = startWhenRunner(core, {
          start: () => void bot.startPolling().catch(failed),
          onStandby: () =>
            core.logger.info('bot.standby', {
              note: 'another instance on this database polls Telegram; this one takes over if it stops',
            }),
          every: (run) => {
            const timer = setInterval(run, RUNNER_CHECK_MS);
            timer.unref();
            return () => clearInterval(timer);
          },
        });
    } catch (error) {
      failed(error);
    }
  } else {
    core.logger.info('telegram.off', {
      note: 'TELEGRAM_BOT_TOKEN is not set; the Telegram bot is off',
    });
  }

  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= new Promise<void>((resolve) => {
      clearInterval(sessionSweep);
      stopPurge();
      stopPollingStandby();
      const alertsStopped = stopAlerts().catch(() => undefined);
      const botStopped = alertsStopped.then(() =>
        bot ? bot.stop().catch(() => undefined) : undefined,
      );
      server.close(() => {
        void botStopped
          .then(() => {
            email?.close();
            core.sodium.memzero(core.alerts.keys.secretKey);
          })
          .then(() => closeStore(core))
          .catch(() => undefined)
          .then(resolve);
      });
      // idle keep-alive sockets would otherwise hold close() open
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));
}

/** `npm start` / `tipline serve`: refuse bad config or an unusable data dir with one clear line. */
export async function main(): Promise<void> {
  const logger = createLogger();
  try {
    const { config, secrets } = loadConfig();
    const stop = await startServer(config, secrets);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        logger.info('server.stopping', { signal });
        void stop().then(() => process.exit(0));
      });
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreOpenError) {
      process.stderr.write(`tipline: ${error.message}\n`);
    } else {
      logger.error('server.start_failed', { code: errorCodeOf(error) });
    }
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
