import type { Sodium } from '../crypto/sodium.js';
import type { KdfParams } from '../crypto/kdf-params.js';
import type { Clock, Random, Store } from './ports.js';
import type { IntakeLimits } from './intake-limits.js';
import type { AttachmentInput } from './tip-content.js';
import type { AlertOptions } from './alert-options.js';
import type { SealedScanner } from './sealed-scan.js';

/** Event names are static; fields must never carry tip text, addresses, chat ids or keys. */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean>): void;
  warn(event: string, fields?: Record<string, string | number | boolean>): void;
  error(event: string, fields?: Record<string, string | number | boolean>): void;
}

/**
 * Cleans a file before it is sealed: image metadata (EXIF, GPS, XMP) removed, the media type
 * checked against the bytes. Throws DomainError('invalid_input', …, 'attachments') if unreadable.
 */
export interface AttachmentSanitizer {
  sanitize(file: AttachmentInput): Promise<AttachmentInput>;
}

/**
 * Keys derived from TIPLINE_SHARED_SECRET, the same on every instance on one database and never
 * in it. With them, instances hash a client the same way, accept each other's proof-of-work
 * challenges, and count rate limits, login failures and Telegram updates together in the
 * store (shared_counters). Without them (one instance, or SQLite) each process keeps its own
 * random keys and counts in memory, as before.
 */
export interface SharedKeys {
  /** Hashes client addresses into limiter keys (server/client-key.ts). */
  readonly client: Uint8Array;
  /** MACs proof-of-work challenges (pow-gate.ts). */
  readonly proofOfWork: Uint8Array;
  /** Hashes limiter keys (hashed addresses, account names, chat ids) again before they are stored. */
  readonly counters: Uint8Array;
  /** The Telegram webhook secret token when TELEGRAM_WEBHOOK_SECRET is not set: one for all instances. */
  readonly telegramWebhook: Uint8Array;
}

/** Everything core needs, built once at start-up (src/main.ts) or per test. */
export interface CoreDeps {
  readonly sodium: Sodium;
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  /** Cost of argon2id for new passphrases and codenames. Only tests lower it. */
  readonly kdfParams: KdfParams;
  readonly intakeLimits: IntakeLimits;
  readonly attachmentSanitizer: AttachmentSanitizer;
  /** The server alert key, batching interval, escalation delay and the delivery wake-up. */
  readonly alerts: AlertOptions;
  /** Where scans over many sealed tips run: worker threads in production (src/scan). */
  readonly scanner: SealedScanner;
  /**
   * Keys from TIPLINE_SHARED_SECRET on PostgreSQL: when set, instances on one database count
   * rate limits, login failures and Telegram updates together (shared-limits.ts).
   */
  readonly sharedKeys?: SharedKeys;
}

/** Randomness from libsodium's CSPRNG. */
export function createSodiumRandom(sodium: Sodium): Random {
  return {
    bytes: (length) => sodium.randombytes_buf(length),
    uniform: (upperBound) => sodium.randombytes_uniform(upperBound),
  };
}

const HOUR_MS = 3_600_000;

/** Receipt times are kept only to the hour, so a stored time cannot pin down a moment. */
export function roundDownToHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}
