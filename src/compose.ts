import { DEFAULT_KDF_PARAMS, loadSodium, serverKeyPairFromSeed } from './crypto/index.js';
import {
  createAlertSignal,
  createSodiumRandom,
  DEFAULT_ALERT_INTERVAL_MS,
  DEFAULT_ESCALATE_MS,
  DEFAULT_INTAKE_LIMITS,
  deriveSharedKeys,
  withStorageAlarm,
  type CoreDeps,
} from './core/index.js';
import {
  isPostgresUrl,
  loadOrCreateAlertKeySeed,
  openPostgresStore,
  openSqliteStore,
  StoreOpenError,
} from './store/index.js';
import type { Store } from './core/index.js';

export { StoreOpenError } from './store/index.js';
import { createLogger } from './logging/logger.js';
import { createSharpSanitizer } from './media/attachment-sanitizer.js';
import { createPiscinaScanner } from './scan/piscina-scanner.js';
import type { Config, Secrets } from './config/config.js';

/**
 * Shared keys only on PostgreSQL: on SQLite there is one process, and counters kept in memory
 * never reach the disk.
 */
function sharedKeysFor(
  sodium: CoreDeps['sodium'],
  overrides: Partial<CoreDeps>,
  secrets: Partial<Pick<Secrets, 'databaseUrl' | 'sharedSecret'>>,
): Pick<CoreDeps, 'sharedKeys'> {
  if (overrides.sharedKeys) return { sharedKeys: overrides.sharedKeys };
  const secret = secrets.sharedSecret;
  if (secret === undefined || secrets.databaseUrl === undefined) return {};
  return { sharedKeys: deriveSharedKeys(sodium, secret) };
}

/**
 * Builds every dependency once from config. Tests pass overrides (a temp store, a fake clock,
 * cheaper argon2 parameters) instead of patching modules.
 */
export async function createDeps(
  config: Pick<Config, 'dataDir'> &
    Partial<Pick<Config, 'maxAttachments' | 'maxAttachmentBytesTotal' | 'alerts'>>,
  overrides: Partial<CoreDeps> & { readonly onAlertKeyCreated?: () => void } = {},
  secrets: Partial<Pick<Secrets, 'databaseUrl' | 'sharedSecret'>> = {},
): Promise<CoreDeps> {
  const sodium = overrides.sodium ?? (await loadSodium());
  const clock = overrides.clock ?? Date.now;
  const logger = overrides.logger ?? createLogger();
  const store =
    overrides.store ??
    withStorageAlarm(
      await openStore(config, secrets.databaseUrl, (code) =>
        logger.warn('store.connection_lost', { code }),
      ),
      logger,
      () => clock(),
    );
  let alerts = overrides.alerts;
  if (!alerts) {
    // beside the database, never in it (src/store/alert-key-file.ts); made on first use
    const { seed, created } = loadOrCreateAlertKeySeed(config.dataDir, () =>
      sodium.randombytes_buf(32),
    );
    if (created) overrides.onAlertKeyCreated?.();
    const keys = serverKeyPairFromSeed(sodium, seed);
    sodium.memzero(seed);
    alerts = {
      keys,
      intervalMs: config.alerts?.intervalMs ?? DEFAULT_ALERT_INTERVAL_MS,
      escalateMs: config.alerts?.escalateMs ?? DEFAULT_ESCALATE_MS,
      signal: createAlertSignal(),
    };
  }
  return {
    sodium,
    store,
    clock,
    random: overrides.random ?? createSodiumRandom(sodium),
    logger,
    kdfParams: overrides.kdfParams ?? DEFAULT_KDF_PARAMS,
    intakeLimits: overrides.intakeLimits ?? {
      ...DEFAULT_INTAKE_LIMITS,
      maxAttachments: config.maxAttachments ?? DEFAULT_INTAKE_LIMITS.maxAttachments,
      maxAttachmentBytesTotal:
        config.maxAttachmentBytesTotal ?? DEFAULT_INTAKE_LIMITS.maxAttachmentBytesTotal,
    },
    attachmentSanitizer: overrides.attachmentSanitizer ?? createSharpSanitizer(),
    alerts,
    scanner: overrides.scanner ?? createPiscinaScanner(),
    ...sharedKeysFor(sodium, overrides, secrets),
  };
}

/** PostgreSQL when TIPLINE_DATABASE_URL is set, else SQLite in the data directory. */
export async function openStore(
  config: Pick<Config, 'dataDir'>,
  databaseUrl: string | undefined,
  onConnectionLost?: (code: string) => void,
): Promise<Store> {
  return databaseUrl === undefined
    ? openSqliteStore(config.dataDir)
    : openPostgresStore(databaseUrl, onConnectionLost ? { onConnectionLost } : {});
}

/**
 * A second store for `tipline migrate-store --to URL`: an empty PostgreSQL database to copy
 * into. Error lines name the flag, never the URL.
 */
export async function openTargetStore(url: string): Promise<Store> {
  if (!isPostgresUrl(url))
    throw new StoreOpenError('--to must be a postgres://user@host:port/database URL');
  return openPostgresStore(url, { describedAs: '--to' });
}
