import { DomainError } from '../core/errors.js';

/**
 * SQLite result codes that say "the disk cannot take this write now", not "the request was
 * wrong" or "the data is damaged": a full disk (SQLITE_FULL), a file system gone read-only
 * (SQLITE_READONLY_*), an I/O error on write or fsync (SQLITE_IOERR_*), a file that cannot be
 * opened (a journal in a directory turned read-only), and a lock held longer than busy_timeout
 * (a `tipline backup` or `purge` in another process). SQLite rolls the failed statement or
 * transaction back, so nothing half-written was acknowledged; the same connection works again
 * once the cause is gone.
 */
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)(_|$)/;

/** Core's 'unavailable' error for a storage failure; any other error unchanged. */
export function asStorageFailure(error: unknown): unknown {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    // the code names the failure; the SQLite message could quote a statement, so it is dropped
    return new DomainError('unavailable', code);
  }
  return error;
}

/** Awaits `work`, reporting a storage failure as core's 'unavailable' error. */
export async function mapStorageFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asStorageFailure(error);
  }
}
