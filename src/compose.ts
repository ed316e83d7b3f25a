import { DEFAULT_KDF_PARAMS, loadSodium } from './crypto/index.js';
import { createSodiumRandom, DEFAULT_INTAKE_LIMITS, type CoreDeps } from './core/index.js';
import {
  isPostgresUrl,
  openPostgresStore,
  openSqliteStore,
  StoreOpenError,
} from './store/index.js';
import type { Store } from './core/index.js';

export { StoreOpenError } from './store/index.js';
import { createLogger } from './logging/logger.js';
import { createSharpSanitizer } from './media/attachment-sanitizer.js';
import type { Config, Secrets } from './config/config.js';

/**
 * Builds every dependency once from config. Tests pass overrides (a temp store, a fake clock,
 * cheaper argon2 parameters) instead of patching modules.
 */
export async function createDeps(
  config: Pick<Config, 'dataDir'> &
    Partial<Pick<Config, 'maxAttachments' | 'maxAttachmentBytesTotal'>>,
  overrides: Partial<CoreDeps> = {},
  secrets: Partial<Pick<Secrets, 'databaseUrl'>> = {},
): Promise<CoreDeps> {
  const sodium = overrides.sodium ?? (await loadSodium());
  return {
    sodium,
    store: overrides.store ?? (await openStore(config, secrets.databaseUrl)),
    clock: overrides.clock ?? Date.now,
    random: overrides.random ?? createSodiumRandom(sodium),
    logger: overrides.logger ?? createLogger(),
    kdfParams: overrides.kdfParams ?? DEFAULT_KDF_PARAMS,
    intakeLimits: overrides.intakeLimits ?? {
      ...DEFAULT_INTAKE_LIMITS,
      maxAttachments: config.maxAttachments ?? DEFAULT_INTAKE_LIMITS.maxAttachments,
      maxAttachmentBytesTotal:
        config.maxAttachmentBytesTotal ?? DEFAULT_INTAKE_LIMITS.maxAttachmentBytesTotal,
    },
    attachmentSanitizer: overrides.attachmentSanitizer ?? createSharpSanitizer(),
  };
}

/** PostgreSQL when TIPLINE_DATABASE_URL is set, else SQLite in the data directory. */
export async function openStore(
  config: Pick<Config, 'dataDir'>,
  databaseUrl: string | undefined,
): Promise<Store> {
  return databaseUrl === undefined
    ? openSqliteStore(config.dataDir)
    : openPostgresStore(databaseUrl);
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
