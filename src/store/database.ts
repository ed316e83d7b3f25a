import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema.js';

export type TiplineDatabase = BetterSQLite3Database<typeof schema>;

/** Raised when the store cannot be opened safely; the message is one line for the operator. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export const DATABASE_FILE = 'tipline.db';
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Prepares the data directory (mode 0700) and fails clearly if it cannot be written. */
export function prepareDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch {
      throw new StoreOpenError(`data directory ${dataDir} cannot be created`);
    }
  }
  try {
    if (!statSync(dataDir).isDirectory()) throw new Error('not a directory');
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch {
    throw new StoreOpenError(`data directory ${dataDir} is not a writable directory`);
  }
}

/**
 * The pragmas every connection runs with. WAL with synchronous=FULL: better-sqlite3 otherwise
 * leaves WAL at NORMAL, which can drop acknowledged commits on power loss. secure_delete
 * overwrites freed pages so purged ciphertext does not linger; temp_store=MEMORY keeps sort
 * and temp tables off the disk.
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('busy_timeout = 5000');
}

/** Refuses a database written by a newer tipline: one whose migrations this code does not know. */
function assertSchemaNotNewer(sqlite: Database.Database, migrationsFolder: string): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return;
  const known = readMigrationFiles({ migrationsFolder });
  const knownHashes = new Set(known.map((m) => m.hash));
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = sqlite
    .prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations')
    .all() as {
    hash: string;
    createdAt: number;
  }[];
  if (applied.some((row) => !knownHashes.has(row.hash) || Number(row.createdAt) > newestKnown)) {
    throw new StoreOpenError(
      'the database was written by a newer version of tipline; upgrade tipline before starting it',
    );
  }
}

export interface OpenedDatabase {
  readonly sqlite: Database.Database;
  readonly db: TiplineDatabase;
}

/** Opens (creating if needed) and migrates the database at `path`. */
export function openDatabaseFile(
  path: string,
  migrationsFolder = MIGRATIONS_FOLDER,
): OpenedDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch {
    throw new StoreOpenError(`database ${path} cannot be opened`);
  }
  try {
    if (path !== ':memory:') chmodSync(path, 0o600);
    applyPragmas(sqlite);
    assertSchemaNotNewer(sqlite, migrationsFolder);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { sqlite, db };
  } catch (error) {
    sqlite.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(
      `database ${path} cannot be opened or migrated (${(error as { code?: string }).code ?? 'error'})`,
    );
  }
}

/** Opens the database in a data directory, preparing the directory first. */
export function openDataDir(dataDir: string): OpenedDatabase {
  prepareDataDir(dataDir);
  return openDatabaseFile(join(dataDir, DATABASE_FILE));
}
