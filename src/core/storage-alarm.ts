import { isDomainError } from './errors.js';
import type { Logger } from './deps.js';
import type { Store } from './ports.js';

/** At most one `storage.unavailable` line per this interval, however many writes fail. */
export const STORAGE_ALARM_INTERVAL_MS = 60_000;

/**
 * The store, with one warning in the log when it cannot take writes (disk full, read-only,
 * I/O errors): tipsters and reviewers get a polite 503 or bot reply, and the operator needs
 * to hear about it. The line names only the storage code (SQLITE_FULL, …) and how many
 * failures since the last line; a full disk fails every write, so the lines are spaced out.
 */
export function withStorageAlarm(store: Store, logger: Logger, clock: () => number): Store {
  let lastAt = Number.NEGATIVE_INFINITY;
  let failures = 0;
  const alarm = (error: unknown): never => {
    if (isDomainError(error, 'unavailable')) {
      failures++;
      const now = clock();
      if (now - lastAt >= STORAGE_ALARM_INTERVAL_MS) {
        lastAt = now;
        const code = /^(SQLITE_[A-Z_]{1,40}|PG_[0-9A-Z]{5}|E[A-Z_]{2,20}|connection_lost)$/.test(
          error.message,
        )
          ? error.message
          : 'unavailable';
        logger.warn('storage.unavailable', {
          code,
          count: failures,
          note: code.startsWith('SQLITE_')
            ? 'the database cannot be written: check free space and that the file system is writable'
            : 'the database cannot be reached: check that PostgreSQL is up and accepts connections',
        });
        failures = 0;
      }
    }
    throw error;
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store) as [string, unknown][]) {
    wrapped[name] =
      typeof method === 'function'
        ? (...args: unknown[]) =>
            (method as (...a: unknown[]) => Promise<unknown>).apply(store, args).catch(alarm)
        : method;
  }
  return wrapped as unknown as Store;
}
