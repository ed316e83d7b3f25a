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

/*
 * PostgreSQL failures that say "the database cannot be reached now", not "the request was
 * wrong": a socket error (the server or a proxy went away), SQLSTATE class 08 (connection
 * exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now: a restart or
 * `pg_terminate_backend`), class 53 (disk full, out of memory, too many connections) and 25006
 * (a read-only transaction: a standby after failover). node-postgres reports a connection that
 * ends under a query as "Connection terminated unexpectedly" with no code, a later query on that
 * client as "…not queryable", and a pool that cannot connect in time as "timeout exceeded when
 * trying to connect". PostgreSQL rolls back a transaction whose connection ends, so nothing
 * half-written was committed; the pool discards the dead client and connects a fresh one.
 */
const PG_UNAVAILABLE_STATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53[0-9A-Z]{3}|25006)$/;
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;

/**
 * The code to report for a PostgreSQL connection failure (`PG_57P01`, `ECONNRESET`,
 * `connection_lost`), or undefined for any other error. Follows `cause` (drizzle wraps the
 * driver's error in one that quotes the statement and its parameters: never reported).
 */
export function postgresFailureCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (PG_UNAVAILABLE_STATES.test(code)) return `PG_${code}`;
      if (SOCKET_CODES.has(code)) return code;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return 'connection_lost';
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Core's 'unavailable' error for a lost or refused PostgreSQL connection; any other error unchanged. */
export function asPostgresFailure(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = postgresFailureCode(error);
  return code ? new DomainError('unavailable', code) : error;
}
