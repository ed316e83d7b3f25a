import { isAbsolute, resolve } from 'node:path';
import { parseEmailAddress } from '../core/email-address.js';

/** Raised for a bad environment; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Where the store lives: SQLite in dataDir, or PostgreSQL at Secrets.databaseUrl. */
  readonly storeKind: 'sqlite' | 'postgres';
  /** Tips per client per hour; 0 turns tip rate limiting off (loopback load tests only). */
  readonly rateLimitPerHour: number;
  /**
   * Browser-sealed tips per minute (over the proof-of-work window) from which the browser must
   * solve a proof of work before its tip is taken; 0 asks for it always.
   */
  readonly powThresholdPerMinute: number;
  /** Leading zero bits each proof of work must reach; one more bit doubles the work. */
  readonly powDifficulty: number;
  /** Where the quick-exit button leads: a neutral, common site. */
  readonly quickExitUrl: string;
  /**
   * TIPLINE_PUBLIC_ORIGIN: the scheme://host[:port] reviewers open the desk at. Passkeys are
   * bound to its host name; unset, passkeys are off and TOTP is the only second factor.
   */
  readonly publicOrigin: string | undefined;
  /** The v3 onion host, announced with Onion-Location on every response. */
  readonly onionAddress: string | undefined;
  /** Files per tip and their total size, for every channel. */
  readonly maxAttachments: number;
  readonly maxAttachmentBytesTotal: number;
  /** Reviewer sessions end after this long idle, and in any case after sessionMaxMs. */
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  /** Days after which closed and spam tips are purged; undefined keeps them. */
  readonly retentionDays: number | undefined;
  readonly telegram: {
    readonly enabled: boolean;
    readonly apiRoot: string;
    readonly webhookUrl: string | undefined;
  };
  readonly alerts: {
    /** At most one ordinary alert per reviewer per this long. */
    readonly intervalMs: number;
    /** A danger tip still new after this long alerts its desk's admins again. */
    readonly escalateMs: number;
    /** The From address of alert e-mails; set whenever TIPLINE_SMTP_URL is. */
    readonly from: string | undefined;
  };
}

/** Kept apart from Config so that Config can be logged and passed around freely. */
export interface Secrets {
  readonly telegramBotToken: string | undefined;
  readonly telegramWebhookSecret: string | undefined;
  /** smtp:// or smtps:// URL, possibly with a user and password; undefined: no e-mail alerts. */
  readonly smtpUrl: string | undefined;
  /** TIPLINE_DATABASE_URL: postgres://… with the role's password; never logged. */
  readonly databaseUrl: string | undefined;
  /**
   * TIPLINE_SHARED_SECRET: 32 to 128 bytes as hex, the same on every instance on one
   * PostgreSQL database; never logged, never in the database.
   */
  readonly sharedSecret: Uint8Array | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return raw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.TIPLINE_SMTP_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('TIPLINE_SMTP_URL must be an smtp:// or smtps:// URL with a host');
  }
  if (
    (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') ||
    url.hostname === '' ||
    (url.pathname !== '' && url.pathname !== '/') ||
    raw.length > 2048
  )
    throw new ConfigError('TIPLINE_SMTP_URL must be an smtp:// or smtps:// URL with a host');
  return raw;
}

/** TIPLINE_SHARED_SECRET as bytes; the message never repeats the value. */
function sharedSecret(env: Env): Uint8Array | undefined {
  const raw = env.TIPLINE_SHARED_SECRET;
  if (raw === undefined || raw === '') return undefined;
  if (!/^(?:[0-9a-fA-F]{2}){32,128}$/.test(raw))
    throw new ConfigError(
      'TIPLINE_SHARED_SECRET must be 64 to 256 hex digits (make one with: openssl rand -hex 32)',
    );
  return Uint8Array.from(Buffer.from(raw, 'hex'));
}

/** A postgres:// URL; the message never repeats the value (it carries a password). */
function postgresUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || url.pathname.length < 2) {
    throw new ConfigError(`${name} must be a postgres://user:password@host:port/database URL`);
  }
  return raw;
}

/**
 * An origin a browser treats as secure, with a host name WebAuthn accepts as a relying party id:
 * https://host[:port], or http:// for localhost and a .onion host (secure contexts in browsers
 * that support them); no path, query or IP address.
 */
function publicOrigin(env: Env): string | undefined {
  const raw = env.TIPLINE_PUBLIC_ORIGIN;
  if (raw === undefined || raw === '') return undefined;
  const problem =
    'TIPLINE_PUBLIC_ORIGIN must be an origin like https://desk.example.org (no path, not an IP address)';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(problem);
  }
  const host = url.hostname;
  const local = host === 'localhost' || host.endsWith('.onion');
  if (
    raw.length > 300 ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (url.pathname !== '/' && url.pathname !== '') ||
    /^[\d.]+$/.test(host) ||
    host.includes(':') ||
    host.startsWith('[')
  )
    throw new ConfigError(problem);
  return url.origin;
}

/** Parses the environment once at start-up. The only reader of process.env. */
export function loadConfig(env: Env = process.env): { config: Config; secrets: Secrets } {
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host))
    throw new ConfigError('HOST must be a host name or IP address');
  const dataDirRaw =
    env.TIPLINE_DATA_DIR && env.TIPLINE_DATA_DIR !== '' ? env.TIPLINE_DATA_DIR : './data';
  const token =
    env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_BOT_TOKEN !== '' ? env.TELEGRAM_BOT_TOKEN : undefined;
  if (token !== undefined && !/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/.test(token)) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN does not look like a Bot API token (digits:letters)');
  }
  const webhookSecret =
    env.TELEGRAM_WEBHOOK_SECRET && env.TELEGRAM_WEBHOOK_SECRET !== ''
      ? env.TELEGRAM_WEBHOOK_SECRET
      : undefined;
  if (webhookSecret !== undefined && !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET must be 16-256 letters, digits, _ or -');
  }
  // telegraf's debug output prints whole updates (tip text, chat ids): refuse to start with it
  if (token !== undefined && env.DEBUG && /telegraf|^\*|,\s*\*/.test(env.DEBUG)) {
    throw new ConfigError(
      'DEBUG enables telegraf debug output, which would log tip text; unset DEBUG',
    );
  }
  const onion =
    env.TIPLINE_ONION_ADDRESS && env.TIPLINE_ONION_ADDRESS !== ''
      ? env.TIPLINE_ONION_ADDRESS.toLowerCase()
      : undefined;
  if (onion !== undefined && !/^[a-z2-7]{56}\.onion$/.test(onion)) {
    throw new ConfigError(
      'TIPLINE_ONION_ADDRESS must be a v3 onion host name (56 characters + .onion)',
    );
  }
  const databaseUrl = postgresUrl(env, 'TIPLINE_DATABASE_URL');
  const quickExitUrl = httpUrl(env, 'TIPLINE_QUICK_EXIT_URL') ?? 'https://www.wikipedia.org';
  const smtp = smtpUrl(env);
  const fromRaw = env.TIPLINE_ALERT_FROM ?? '';
  const alertFrom = fromRaw === '' ? undefined : parseEmailAddress(fromRaw);
  if (fromRaw !== '' && alertFrom === undefined)
    throw new ConfigError('TIPLINE_ALERT_FROM must be a plain e-mail address (name@example.org)');
  if (smtp !== undefined && alertFrom === undefined)
    throw new ConfigError('TIPLINE_ALERT_FROM must be set when TIPLINE_SMTP_URL is');
  return {
    config: {
      host,
      port: integer(env, 'PORT', 8080, 1, 65_535),
      dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(dataDirRaw),
      storeKind: databaseUrl === undefined ? 'sqlite' : 'postgres',
      rateLimitPerHour: integer(env, 'TIPLINE_RATE_LIMIT', 20, 0, 1_000_000),
      powThresholdPerMinute: integer(env, 'TIPLINE_POW_THRESHOLD', 3, 0, 100_000),
      powDifficulty: integer(env, 'TIPLINE_POW_DIFFICULTY', 10, 1, 16),
      quickExitUrl,
      onionAddress: onion,
      publicOrigin: publicOrigin(env),
      maxAttachments: integer(env, 'TIPLINE_MAX_ATTACHMENTS', 5, 0, 20),
      sessionIdleMs: integer(env, 'TIPLINE_SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60_000,
      sessionMaxMs: integer(env, 'TIPLINE_SESSION_MAX_HOURS', 8, 1, 72) * 3_600_000,
      retentionDays:
        env.TIPLINE_RETENTION_DAYS === undefined || env.TIPLINE_RETENTION_DAYS === ''
          ? undefined
          : integer(env, 'TIPLINE_RETENTION_DAYS', 0, 1, 36_500),
      maxAttachmentBytesTotal: integer(env, 'TIPLINE_MAX_ATTACHMENT_MB', 25, 1, 200) * 1024 * 1024,
      telegram: {
        enabled: token !== undefined,
        apiRoot: httpUrl(env, 'TELEGRAM_API_ROOT') ?? 'https://api.telegram.org',
        webhookUrl: httpUrl(env, 'TELEGRAM_WEBHOOK_URL'),
      },
      alerts: {
        intervalMs: integer(env, 'TIPLINE_ALERT_INTERVAL_MINUTES', 15, 1, 24 * 60) * 60_000,
        escalateMs: integer(env, 'TIPLINE_URGENT_ESCALATE_MINUTES', 30, 1, 24 * 60) * 60_000,
        from: alertFrom,
      },
    },
    secrets: {
      telegramBotToken: token,
      telegramWebhookSecret: webhookSecret,
      smtpUrl: smtp,
      databaseUrl,
      sharedSecret: sharedSecret(env),
    },
  };
}
