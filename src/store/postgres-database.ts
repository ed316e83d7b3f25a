import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { createRunnerLease } from './runner-lease.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Store } from '../core/ports.js';
import { StoreOpenError } from './database.js';
import * as schema from './pg-schema.js';
import {
  checkPostgresSchema,
  createPostgresStore,
  POSTGRES_MIGRATIONS_FOLDER,
  RELEASE_MIGRATION_LOCK,
  TAKE_MIGRATION_LOCK,
} from './postgres-store.js';
import { postgresFailureCode } from './storage-failure.js';

const run = promisify(execFile);

/** True for the URLs TIPLINE_DATABASE_URL and `migrate-store --to` accept. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

// never in a message: the URL, its password, or the server's own error text (which can
// quote values). The SQLSTATE or socket code is enough to act on.
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
  '42501': 'permission denied (migrations run as the role that owns the schema: docs/OPERATING.md)',
  '57P03': 'the server is starting up or shutting down',
};

function codeOf(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return /timeout/i.test((error as Error | undefined)?.message ?? '') ? 'ETIMEDOUT' : 'error';
}

/** One line for the operator, naming the variable and the reason, never the URL. */
export function postgresOpenError(error: unknown, what = 'TIPLINE_DATABASE_URL'): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const code = codeOf(error);
  return new StoreOpenError(
    `PostgreSQL at ${what} cannot be opened: ${REASONS[code] ?? 'error'} (${code})`,
  );
}

export interface PostgresOpenOptions {
  readonly migrationsFolder?: string;
  /** Connections in this instance's pool. */
  readonly poolSize?: number;
  /** Names the URL's source in error lines (default TIPLINE_DATABASE_URL). */
  readonly describedAs?: string;
  /** Told the code (never the error) when the server drops one of the pool's connections. */
  readonly onConnectionLost?: (code: string) => void;
}

/**
 * Connects to PostgreSQL, refuses a schema from a newer tipline, applies migrations under a
 * session advisory lock (two instances starting together migrate once), and returns the store.
 * An unreachable server or a bad password fails here, before anything listens.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresOpenOptions = {},
): Promise<Store> {
  const folder = options.migrationsFolder ?? POSTGRES_MIGRATIONS_FOLDER;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: 'tipline',
  });
  // A connection the server drops (a restart, failover, pg_terminate_backend, a proxy) emits
  // 'error': an idle one on the pool, a checked-out one (a transaction between statements) on
  // its client, where pg-pool does not listen. Unhandled, either ends the process. The pool
  // discards the dead client; the request on it fails as 'unavailable' (storage-failure.ts) and
  // the next one gets a fresh connection. Only a code is reported: the error itself carries the
  // client, whose connection parameters hold the password.
  let closing = false;
  const lost = (error: unknown) => {
    if (!closing) options.onConnectionLost?.(postgresFailureCode(error) ?? 'error');
  };
  // every client carries its own listener, so the pool's (idle clients only) need not report
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', lost));
  try {
    const client = await pool.connect();
    try {
      const single = drizzle(client, { schema });
      await single.execute(TAKE_MIGRATION_LOCK);
      try {
        const { pending } = await checkPostgresSchema(single, folder);
        if (pending > 0) await migrate(single, { migrationsFolder: folder });
      } finally {
        await single.execute(RELEASE_MIGRATION_LOCK);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresOpenError(error, options.describedAs);
  }
  const db = drizzle(pool, { schema });
  const lease = createRunnerLease(url);
  let closed: Promise<void> | undefined;
  return createPostgresStore(db, {
    backupTo: (path) => pgDumpBackup(url, path),
    isRunner: () => lease.held(),
    close: () => {
      closing = true;
      return (closed ??= lease.close().then(() => pool.end()));
    },
  });
}

/** pg_dump and pg_restore from Debian's postgresql-client, or a cluster's own bin directory. */
function findPgTool(name: 'pg_dump' | 'pg_restore'): string | undefined {
  const candidates = [`/usr/bin/${name}`, `/usr/local/bin/${name}`];
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin/${name}`));
  } catch {
    // no server packages installed: only the client wrappers, if any
  }
  return candidates.find((path) => existsSync(path));
}

/**
 * `tipline backup` on PostgreSQL: pg_dump's custom format into `path` (created 0600, never
 * overwriting), then read back with `pg_restore --list`. The password goes to pg_dump in its
 * environment, never on its command line (which any local user can read in /proc).
 */
async function pgDumpBackup(url: string, path: string): Promise<void> {
  const pgDump = findPgTool('pg_dump');
  const pgRestore = findPgTool('pg_restore');
  if (!pgDump || !pgRestore) {
    throw new StoreOpenError(
      'backup on PostgreSQL needs pg_dump and pg_restore (apt-get install postgresql-client), or run pg_dump yourself: see docs/OPERATING.md',
    );
  }
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost',
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    PGCONNECT_TIMEOUT: '10',
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const host = parsed.searchParams.get('host');
  if (host) env.PGHOST = host;
  for (const [param, variable] of [
    ['sslmode', 'PGSSLMODE'],
    ['sslrootcert', 'PGSSLROOTCERT'],
    ['sslcert', 'PGSSLCERT'],
    ['sslkey', 'PGSSLKEY'],
  ] as const) {
    const value = parsed.searchParams.get(param);
    if (value) env[variable] = value;
  }
  try {
    writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  } catch {
    throw new StoreOpenError(`backup file ${path} cannot be created (it must not exist yet)`);
  }
  try {
    await run(pgDump, ['--format=custom', '--no-owner', '--no-privileges', '--file', path], {
      env,
    });
    const { stdout } = await run(pgRestore, ['--list', path], { env: {} });
    if (!/TABLE DATA public tips/.test(stdout))
      throw new StoreOpenError('backup failed its check: pg_restore --list shows no tips table');
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof StoreOpenError) throw error;
    // pg_dump's stderr can name the host and role; the exit code is all that is reported
    const code = (error as { code?: unknown }).code;
    throw new StoreOpenError(
      `pg_dump failed (exit ${typeof code === 'number' ? code : 'error'}); run it by hand to see why: see docs/OPERATING.md`,
    );
  }
}
