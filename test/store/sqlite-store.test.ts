import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  openDatabaseFile,
  openSqliteStore,
  openSqliteStoreFile,
  createSqliteStore,
  StoreOpenError,
} from '../../src/store/index.js';
import type { DeskId, ReviewerId, TipId, TipListQuery } from '../../src/core/index.js';
import { tempDir } from '../helpers.js';
import { bytes, describeStoreContract, seedDesk, tip } from './store-contract.js';

// The contract every Store implementation must meet; run against each way of opening SQLite.
describeStoreContract('a SQLite file in a data directory', () =>
  Promise.resolve(openSqliteStore(tempDir())),
);
describeStoreContract('an in-memory SQLite database', () =>
  Promise.resolve(createSqliteStore(openDatabaseFile(':memory:'))),
);

describe('SQLite store on disk', () => {
  it('runs with WAL, synchronous=FULL, foreign keys, secure_delete and an untrusted schema', () => {
    const dir = tempDir();
    const { sqlite } = openDatabaseFile(join(dir, 'x.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(sqlite.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('reopens an existing database without re-running migrations', async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    await first.setMeta('k', bytes(1));
    await first.close();
    const again = openSqliteStore(dir);
    expect(await again.getMeta('k')).toEqual(bytes(1));
    await again.close();
  });

  it('refuses a database written by a newer version', async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const raw = new Database(join(dir, 'tipline.db'));
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', 9_999_999_999_999);
    raw.close();
    expect(() => openSqliteStore(dir)).toThrow(/newer version of tipline/);
  });

  it('refuses a data directory that cannot be created', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    expect(() => openSqliteStore(join(dir, 'a-file', 'data'))).toThrow(StoreOpenError);
  });

  it('refuses a data directory path that is a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => openSqliteStore(join(dir, 'plain'))).toThrow(
      /not a writable directory|cannot be created/,
    );
  });

  it('writes a backup that passes integrity_check and opens with the same tips', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    await seedDesk(store);
    await store.insertTip(tip('kept', 1), undefined, []);
    const backupDir = tempDir();
    const backup = join(backupDir, 'backup.db');
    await store.backupTo(backup);
    await store.close();
    expect(readdirSync(backupDir)).toEqual(['backup.db']);
    const restored = openSqliteStoreFile(backup);
    expect((await restored.getTip('kept' as TipId))?.envelope).toEqual(bytes(7, 7, 7));
    await restored.close();
  });

  it('creates the data directory readable by its owner only', async () => {
    const parent = tempDir();
    const dir = join(parent, 'nested', 'data');
    mkdirSync(join(parent, 'nested'));
    await openSqliteStore(dir).close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'tipline.db')).mode & 0o777).toBe(0o600);
  });
});

describe('tip listing queries', () => {
  // Every filter the inbox offers, alone and together, with and without a keyset cursor.
  const filters: Omit<TipListQuery, 'limit'>[] = [
    {},
    { status: 'new' },
    { channel: 'telegram' },
    { deskId: 'desk1' as DeskId },
    { assigneeId: 'r1' as ReviewerId },
    { assigneeId: null },
    { status: 'new', deskId: 'desk1' as DeskId },
    { status: 'in_review', channel: 'web', assigneeId: null },
  ];

  it('read a page in index order: SQLite never sorts the tips in a temp B-tree', async () => {
    const opened = openDatabaseFile(':memory:');
    const statements: string[] = [];
    const prepare = opened.sqlite.prepare.bind(opened.sqlite);
    // drizzle prepares through the connection: record what it sends
    opened.sqlite.prepare = (source: string) => {
      statements.push(source);
      return prepare(source);
    };
    const store = createSqliteStore(opened);
    const after = { receivedAt: 3_600_000, id: 'm' as TipId };
    for (const filter of filters) {
      for (const cursor of [{}, { after }]) {
        statements.length = 0;
        await store.listTips({ ...filter, ...cursor, limit: 50 });
        await store.listTipHeads({ ...filter, ...cursor, limit: 50 });
        expect(statements).toHaveLength(2);
        for (const source of statements) {
          const parameters = (source.match(/\?/g) ?? []).map(() => 1);
          const plan = (
            prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[]
          )
            .map((row) => row.detail)
            .join(' | ');
          expect(plan, `${JSON.stringify({ ...filter, ...cursor })}: ${plan}`).toMatch(
            /USING (COVERING )?INDEX tips_/,
          );
          expect(plan, `${JSON.stringify({ ...filter, ...cursor })}: ${plan}`).not.toMatch(
            /TEMP B-TREE/,
          );
        }
      }
    }
    await store.close();
  });
});
