import { DEFAULT_KDF_PARAMS, loadSodium } from './crypto/index.js';
import {
  createSodiumRandom,
  DEFAULT_INTAKE_LIMITS,
  withStorageAlarm,
  type CoreDeps,
} from './core/index.js';
import { openSqliteStore } from './store/index.js';

export { StoreOpenError } from './store/index.js';
import { createLogger } from './logging/logger.js';
import { createSharpSanitizer } from './media/attachment-sanitizer.js';
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
  const clock = overrides.clock ?? Date.now;
  const logger = overrides.logger ?? createLogger();
  return {
    sodium,
    store:
      overrides.store ?? withStorageAlarm(openSqliteStore(config.dataDir), logger, () => clock()),
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
  };
}
