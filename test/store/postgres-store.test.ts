import { describe, expect, it, vi } from 'vitest';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import * as sqliteSchema from '../../src/store/schema.js';
import * as pgSchema from '../../src/store/pg-schema.js';
import { openPostgresStore, StoreOpenError } from '../../src/store/index.js';
import type { DeskId, MessageId, TipId } from '../../src/core/index.js';
import { createDeps } from '../../src/compose.js';
import {
  recordAudit,
  rotateDeskKeys,
  verifyAuditChain,
  type CoreDeps,
} from '../../src/core/index.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { TEST_KDF_PARAMS, tempDir } from '../helpers.js';
import {
  adminQuery,
  freshPostgresUrl,
  openPgliteStore,
  openServerStore,
  postgresAdminUrl,
} from '../pg-stores.js';
import { bytes, describeStoreContract, seedDesk, tip } from './store-contract.js';

describeStoreContract('PostgreSQL in PGlite', openPgliteStore);

describe.skipIf(!postgresAdminUrl)('on a PostgreSQL server', () => {
  describeStoreContract('a PostgreSQL server', openServerStore);
});

const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && 'getSQL' in value;

const tablesOf = (schema: Record<string, unknown>) =>
  Object.fromEntries(
    Object.values(schema)
      .filter(
        (value): value is Table => typeof value === 'object' && value !== null && 'getSQL' in value,
      )
      .map((table) => [
        getTableName(table),
        Object.values(getTableColumns(table))
          .map((column) => `${column.name}${column.notNull ? ' not null' : ''}`)
          .sort(),
      ]),
  );

describe('the PostgreSQL schema', () => {
  it('has every table and column of the SQLite schema, and nothing more', () => {
    // a table or column added to schema.ts fails here until pg-schema.ts has it too
    expect(tablesOf(pgSchema)).toEqual(tablesOf(sqliteSchema));
    expect(Object.keys(tablesOf(sqliteSchema))).toEqual(
      expect.arrayContaining(['meta', 'tips', 'inboxes', 'messages', 'audit_log', 'reviewers']),
    );
  });

  it('stores every SQLite blob as bytea, every integer as an integer and all text as text', () => {
    const types = (schema: Record<string, unknown>) =>
      Object.values(schema)
        .filter(isTable)
        .flatMap((table) =>
          Object.values(getTableColumns(table)).map(
            (column) => `${getTableName(table)}.${column.name} ${column.getSQLType()}`,
          ),
        )
        .sort();
    const expected = types(sqliteSchema).map((line) =>
      line.replace(/ blob$/, ' bytea').replace(/ integer$/, ' integer-or-bigint'),
    );
    const actual = types(pgSchema).map((line) =>
      line.replace(/ (integer|bigint)$/, ' integer-or-bigint'),
    );
    expect(actual).toEqual(expected);
    // times are milliseconds since the epoch: past 2^31, so never a 32-bit integer
    expect(
      types(pgSchema).filter((line) => /_at |\.at /.test(line) && !line.endsWith(' bigint')),
    ).toEqual([]);
  });
});

/** Core deps over a store of their own: what each of two servers on one database holds. */
async function instance(url: string): Promise<CoreDeps> {
  const deps = await createDeps(
    { dataDir: tempDir() },
    {
      store: await openPostgresStore(url, { poolSize: 4 }),
      logger: createMemoryLogger(),
      kdfParams: TEST_KDF_PARAMS,
    },
  );
  return deps;
}

describe.skipIf(!postgresAdminUrl)('two instances on one PostgreSQL database', () => {
  it('keep one audit chain while both append at once', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = [await instance(url), await instance(url)];
    try {
      const appends = [];
      for (let i = 0; i < 25; i++) {
        appends.push(recordAudit(a, { actor: 'a', action: 'login', subject: `a${i}` }));
        appends.push(recordAudit(b, { actor: 'b', action: 'login', subject: `b${i}` }));
      }
      await Promise.all(appends);
      const verified = await verifyAuditChain(a);
      expect(verified).toMatchObject({ ok: true, entries: 50 });
      expect(await verifyAuditChain(b)).toEqual(verified);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('leave exactly one active desk key when both rotate at once', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = [await instance(url), await instance(url)];
    try {
      const deskId = 'desk1' as DeskId;
      await a.store.insertDesk({
        id: deskId,
        name: 'main',
        recoveryPublicKey: a.sodium.crypto_box_keypair().publicKey,
        createdAt: 1,
      });
      await Promise.all([
        rotateDeskKeys(a),
        rotateDeskKeys(b),
        rotateDeskKeys(a),
        rotateDeskKeys(b),
      ]);
      const keys = await a.store.listDeskKeys(deskId);
      expect(keys).toHaveLength(4);
      expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('number one thread 1…n without a gap or a repeat while both append', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = [await instance(url), await instance(url)];
    try {
      await seedDesk(a.store);
      await a.store.insertTip(tip('t', 1000), undefined, []);
      const append = (deps: CoreDeps, id: string) =>
        deps.store.appendMessage({
          id: id as MessageId,
          tipId: 't' as TipId,
          kind: 'followup',
          authorId: null,
          deskKeyId: 'key1' as never,
          createdAt: 1000,
          forDesk: bytes(1),
          forTipster: bytes(2),
        });
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) => append(i % 2 ? a : b, `m${i}`)),
      );
      expect(appended.map((m) => m.sequence).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect((await b.store.listMessages('t' as TipId)).map((m) => m.sequence)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('make exactly one of them the runner, and the other the runner once the first closes', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const first = await Promise.all([a.isRunner(), b.isRunner()]);
    expect(first.filter(Boolean)).toHaveLength(1);
    // asking again does not change who runs
    expect(await Promise.all([a.isRunner(), b.isRunner()])).toEqual(first);
    const [runner, standby] = first[0] ? [a, b] : [b, a];
    await runner.close();
    expect(await standby.isRunner()).toBe(true);
    await standby.close();
  });

  it("hand the runner role to the other when the runner's database connection is killed", async () => {
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    try {
      const [runner, standby] = (await a.isRunner()) ? [a, b] : [b, a];
      expect(await standby.isRunner()).toBe(false);
      // as a crashed host or a network partition would: the server ends the lock holder's session
      const killed = await adminQuery<{ pid: number }>(
        `SELECT pg_terminate_backend(l.pid), l.pid FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objid = 3 AND s.datname = '${new URL(url).pathname.slice(1)}'`,
      );
      expect(killed).toHaveLength(1);
      // the backend exits a moment after the signal; the standby takes the lock once it has
      await vi.waitFor(async () => expect(await standby.isRunner()).toBe(true), {
        timeout: 10_000,
        interval: 50,
      });
      expect(await runner.isRunner()).toBe(false);
      expect(await runner.isRunner()).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('migrate once when both start on an empty database together', async () => {
    const url = await freshPostgresUrl();
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    await stores[0].setMeta('k', bytes(1));
    expect(await stores[1].getMeta('k')).toEqual(bytes(1));
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe.skipIf(!postgresAdminUrl)('opening a PostgreSQL store', () => {
  const password = () => decodeURIComponent(new URL(postgresAdminUrl).password);

  it('reopens a migrated database without re-running migrations', async () => {
    const url = await freshPostgresUrl();
    const first = await openPostgresStore(url);
    await first.setMeta('k', bytes(1));
    await first.close();
    const again = await openPostgresStore(url);
    expect(await again.getMeta('k')).toEqual(bytes(1));
    await again.close();
  });

  it('refuses a database written by a newer version', async () => {
    const url = await freshPostgresUrl();
    await (await openPostgresStore(url)).close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query(
      "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', 9999999999999)",
    );
    await raw.end();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer version of tipline/);
  });

  it('runs as an app role that writes rows but cannot drop a table, once the owner has migrated', async () => {
    // the roles and grants of docs/OPERATING.md section 13
    const ownerUrl = new URL(await freshPostgresUrl());
    const database = ownerUrl.pathname.slice(1);
    const app = `app_${database}`;
    const query = async (url: string, text: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    };
    await query(ownerUrl.href, `CREATE ROLE ${app} LOGIN PASSWORD 'app-pass'`);
    await query(
      ownerUrl.href,
      `REVOKE ALL ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO ${app};
       ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    const appUrl = new URL(ownerUrl.href);
    appUrl.username = app;
    appUrl.password = 'app-pass';
    // before the owner has migrated, the app role cannot create the tables
    await expect(openPostgresStore(appUrl.href)).rejects.toThrow(
      /: permission denied .*\(42501\)$/,
    );
    await (await openPostgresStore(ownerUrl.href)).close();
    await query(
      ownerUrl.href,
      `GRANT USAGE ON SCHEMA drizzle TO ${app}; GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${app}`,
    );
    const store = await openPostgresStore(appUrl.href);
    try {
      await seedDesk(store);
      await store.insertTip(tip('t', 1), undefined, []);
      expect(await store.deleteTipsBefore(2, ['new'])).toBe(1);
    } finally {
      await store.close();
    }
    await expect(query(appUrl.href, 'DROP TABLE tips')).rejects.toMatchObject({ code: '42501' });
    await expect(query(appUrl.href, 'ALTER TABLE tips ADD COLUMN x text')).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('refuses an unreachable server with one line that holds neither URL nor password', async () => {
    const url = new URL(postgresAdminUrl);
    url.port = '1'; // nothing listens on port 1 of loopback
    const error = await openPostgresStore(url.href).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    const message = (error as Error).message;
    expect(message).toBe(
      'PostgreSQL at TIPLINE_DATABASE_URL cannot be opened: connection refused (ECONNREFUSED)',
    );
    expect(message).not.toContain(password());
  });

  it('refuses a wrong password without repeating either password', async () => {
    const url = new URL(await freshPostgresUrl());
    url.password = 'not-the-password';
    const error = await openPostgresStore(url.href).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'PostgreSQL at TIPLINE_DATABASE_URL cannot be opened: password authentication failed (28P01)',
    );
    expect(String((error as Error).stack)).not.toContain('not-the-password');
    expect(String((error as Error).stack)).not.toContain(password());
  });

  it('writes a pg_dump backup, mode 0600, that pg_restore can read', async () => {
    const store = await openServerStore();
    await seedDesk(store);
    await store.insertTip(tip('kept', 1), undefined, []);
    const dir = tempDir();
    const path = join(dir, 'tipline.dump');
    await store.backupTo(path);
    expect(readdirSync(dir)).toEqual(['tipline.dump']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(path).size).toBeGreaterThan(1000);
    await expect(store.backupTo(path)).rejects.toThrow(/must not exist yet/);
  });

  it('keeps the desk in its listing order by the same index-friendly query as SQLite', async () => {
    const store = await openServerStore();
    await seedDesk(store);
    await store.insertTip(tip('b', 7_200_000), undefined, []);
    await store.insertTip(tip('a', 7_200_000), undefined, []);
    expect(
      (
        await store.listTips({
          limit: 5,
          deskId: 'desk1' as DeskId,
          after: { receivedAt: 7_200_000, id: 'b' as TipId },
        })
      ).map((t) => t.id),
    ).toEqual(['a']);
  });
});
