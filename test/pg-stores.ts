import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import type { Store } from '../src/core/index.js';
import * as pgSchema from '../src/store/pg-schema.js';
import {
  checkPostgresSchema,
  createPostgresStore,
  POSTGRES_MIGRATIONS_FOLDER,
} from '../src/store/postgres-store.js';
import { openPostgresStore } from '../src/store/index.js';

let template: Promise<PGlite> | undefined;

/** One migrated PGlite per test file; each store gets its own copy (a clone is cheaper than a start). */
function migratedTemplate(): Promise<PGlite> {
  return (template ??= (async () => {
    const client = new PGlite();
    const db = drizzle(client, { schema: pgSchema });
    await checkPostgresSchema(db);
    await migrate(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
    return client;
  })());
}

/** The PostgreSQL store over PGlite (PostgreSQL compiled to WebAssembly, in this process). */
export async function openPgliteStore(): Promise<Store> {
  const client = (await (await migratedTemplate()).clone()) as PGlite;
  const db = drizzle(client, { schema: pgSchema });
  let closed: Promise<void> | undefined;
  return createPostgresStore(db, {
    backupTo: () => Promise.reject(new Error('PGlite store: no backup in tests')),
    close: () => (closed ??= client.close()),
  });
}

/** The run's PostgreSQL server (test/global-setup.ts), or '' when run with TIPLINE_TEST_POSTGRES=off. */
export const postgresAdminUrl = inject('postgresAdminUrl');
/** That server's cluster directory, for scanning what PostgreSQL wrote to disk. */
export const postgresDir = inject('postgresDir');

/** A new, empty database on the run's server, dropped when the calling test finishes. */
export async function freshPostgresUrl(): Promise<string> {
  if (!postgresAdminUrl) throw new Error('no test PostgreSQL server in this run');
  const name = `t_${randomBytes(8).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  onTestFinished(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs one statement as the superuser (on `url`'s database, default the admin one). */
export async function adminQuery<R = unknown>(text: string, url = postgresAdminUrl): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

/** The store on a fresh database of the run's PostgreSQL server, closed when the test ends. */
export async function openServerStore(): Promise<Store> {
  const store = await openPostgresStore(await freshPostgresUrl());
  onTestFinished(() => store.close());
  return store;
}
