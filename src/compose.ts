import { DEFAULT_KDF_PARAMS, loadSodium } from './crypto/index.js';
import { createSodiumRandom, DEFAULT_INTAKE_LIMITS, type CoreDeps } from './core/index.js';
import { openSqliteStore } from './store/index.js';

export { StoreOpenError } from './store/index.js';
import { createLogger } from './logging/logger.js';
import { createSharpSanitizer } from './media/attachment-sanitizer.js';
import { createPiscinaScanner } from './scan/piscina-scanner.js';
import type { Config } from './config/config.js';

/**
 * Builds every dependency once from config. Tests pass overrides (a temp store, a fake clock,
 * cheaper argon2 parameters) instead of patching modules.
 */
export async function createDeps(
  config: Pick<Config, 'dataDir'> &
    Partial<Pick<Config, 'maxAttachments' | 'maxAttachmentBytesTotal'>>,
  overrides: Partial<CoreDeps> = {},
): Promise<CoreDeps> {
  const sodium = overrides.sodium ?? (await loadSodium());
  return {
    sodium,
    store: overrides.store ?? openSqliteStore(config.dataDir),
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
    scanner: overrides.scanner ?? createPiscinaScanner(),
  };
}
