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
import type {
  DeskId,
  DeskKeyId,
  ReviewerId,
  Store,
  TipCursor,
  TipId,
  TipListQuery,
  TipRecord,
} from '../../src/core/index.js';
import { tempDir } from '../helpers.js';

const bytes = (...values: number[]) => new Uint8Array(values);

async function seedDesk(store: Store): Promise<{ deskId: DeskId; keyId: DeskKeyId }> {
  const deskId = 'desk1' as DeskId;
  const keyId = 'key1' as DeskKeyId;
  await store.insertDesk({
    id: deskId,
    name: 'main',
    recoveryPublicKey: bytes(9, 9),
    createdAt: 1,
  });
  await store.insertDeskKey({
    id: keyId,
    deskId,
    publicKey: bytes(1),
    recoveryGrant: bytes(2),
    createdAt: 1,
    retiredAt: null,
  });
  return { deskId, keyId };
}

function tip(id: string, receivedAt: number, extra: Partial<TipRecord> = {}): TipRecord {
  return {
    id: id as TipId,
    deskId: 'desk1' as DeskId,
    deskKeyId: 'key1' as DeskKeyId,
    channel: 'web',
    status: 'new',
    assigneeId: null,
    receivedAt,
    envelope: bytes(7, 7, 7),
    triage: null,
    ...extra,
  };
}

// The contract every Store implementation must meet; run against each way of opening SQLite.
const implementations: [string, () => Store][] = [
  ['a SQLite file in a data directory', () => openSqliteStore(tempDir())],
  ['an in-memory SQLite database', () => createSqliteStore(openDatabaseFile(':memory:'))],
];

describe.each(implementations)('Store contract on %s', (_label, open) => {
  it('round-trips meta values as bytes', async () => {
    const store = open();
    await store.setMeta('salt', bytes(1, 2, 3));
    await store.setMeta('salt', bytes(4, 5));
    expect(await store.getMeta('salt')).toEqual(bytes(4, 5));
    expect(await store.getMeta('missing')).toBeUndefined();
    await store.close();
  });

  it('lists tips newest first and filters by status and channel', async () => {
    const store = open();
    await seedDesk(store);
    await store.insertTip(tip('a', 1000), undefined, []);
    await store.insertTip(tip('b', 3000, { channel: 'telegram' }), undefined, []);
    await store.insertTip(tip('c', 2000, { status: 'closed' }), undefined, []);
    expect((await store.listTips({ limit: 10 })).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect((await store.listTips({ limit: 10, status: 'closed' })).map((t) => t.id)).toEqual(['c']);
    expect((await store.listTips({ limit: 10, channel: 'telegram' })).map((t) => t.id)).toEqual([
      'b',
    ]);
    expect((await store.listTips({ limit: 1, offset: 1 })).map((t) => t.id)).toEqual(['c']);
    expect(await store.countTips()).toBe(3);
    await store.close();
  });

  it('walks tips in listing order with a keyset cursor, ties within an hour broken by id', async () => {
    const store = open();
    await seedDesk(store);
    for (const [id, at] of [
      ['a', 1000],
      ['d', 2000],
      ['b', 2000],
      ['c', 2000],
      ['e', 3000],
    ] as const)
      await store.insertTip(tip(id, at), undefined, []);
    const walked: string[] = [];
    for (let after: TipCursor | undefined; ;) {
      const page = await store.listTips({ limit: 2, ...(after ? { after } : {}) });
      walked.push(...page.map((t) => t.id));
      const last = page[page.length - 1];
      if (!last) break;
      after = { receivedAt: last.receivedAt, id: last.id };
    }
    expect(walked).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect((await store.listTips({ limit: 10 })).map((t) => t.id)).toEqual(walked);
    await store.close();
  });

  it('lists tip heads like tips, without their envelopes', async () => {
    const store = open();
    await seedDesk(store);
    await store.insertTip(tip('a', 1000, { triage: bytes(4, 4) }), undefined, []);
    await store.insertTip(tip('b', 2000, { status: 'closed' }), undefined, []);
    const heads = await store.listTipHeads({ limit: 10 });
    expect(heads.map((h) => h.id)).toEqual(['b', 'a']);
    expect(heads[1]).toEqual({ ...tip('a', 1000, { triage: bytes(4, 4) }), envelope: undefined });
    expect(heads.every((h) => !('envelope' in h))).toBe(true);
    expect((await store.listTipHeads({ limit: 10, status: 'closed' })).map((h) => h.id)).toEqual([
      'b',
    ]);
    await store.close();
  });

  it('stores a tip with its inbox and attachments in one transaction', async () => {
    const store = open();
    await seedDesk(store);
    await store.insertTip(
      tip('t1', 5),
      { lookupId: bytes(5, 5), tipId: 't1' as TipId, replyPublicKey: bytes(6) },
      [{ id: 'f1' as never, tipId: 't1' as TipId, ciphertext: bytes(8, 8) }],
    );
    expect((await store.getTip('t1' as TipId))?.envelope).toEqual(bytes(7, 7, 7));
    expect((await store.getInbox(bytes(5, 5)))?.tipId).toBe('t1');
    expect(await store.getInbox(bytes(5, 6))).toBeUndefined();
    expect((await store.listAttachments('t1' as TipId)).map((a) => a.ciphertext)).toEqual([
      bytes(8, 8),
    ]);
    await store.close();
  });

  it('rolls back a tip whose attachment cannot be stored', async () => {
    const store = open();
    await seedDesk(store);
    const duplicate = { id: 'same' as never, tipId: 't2' as TipId, ciphertext: bytes(1) };
    await expect(
      store.insertTip(tip('t2', 5), undefined, [duplicate, duplicate]),
    ).rejects.toThrow();
    expect(await store.getTip('t2' as TipId)).toBeUndefined();
    await store.close();
  });

  it('rejects a tip for a desk that does not exist (foreign keys are on)', async () => {
    const store = open();
    await expect(store.insertTip(tip('t3', 5), undefined, [])).rejects.toThrow();
    await store.close();
  });

  it('returns the newest unretired desk key as the active one', async () => {
    const store = open();
    const { deskId, keyId } = await seedDesk(store);
    await store.insertDeskKey({
      id: 'key2' as DeskKeyId,
      deskId,
      publicKey: bytes(3),
      recoveryGrant: bytes(4),
      createdAt: 2,
      retiredAt: null,
    });
    await store.retireDeskKey(keyId, 2);
    expect((await store.getActiveDeskKey(deskId))?.id).toBe('key2');
    expect((await store.listDeskKeys(deskId)).map((k) => k.id)).toEqual(['key1', 'key2']);
    await store.close();
  });

  it('replaces a grant for the same key and reviewer and deletes a reviewer’s grants', async () => {
    const store = open();
    const { keyId } = await seedDesk(store);
    const reviewerId = 'r1' as ReviewerId;
    await store.insertReviewer({
      id: reviewerId,
      name: 'ana',
      role: 'admin',
      publicKey: bytes(1),
      wrappedSecretKey: bytes(2),
      kdfSalt: bytes(3),
      kdfParams: { algorithm: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
      verifier: bytes(4),
      createdAt: 1,
      revokedAt: null,
    });
    await store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(1), createdAt: 1 });
    await store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(2), createdAt: 2 });
    expect((await store.listGrantsForReviewer(reviewerId)).map((g) => g.sealedDeskKey)).toEqual([
      bytes(2),
    ]);
    expect((await store.getReviewerByName('ana'))?.kdfParams.memoryKiB).toBe(8);
    await store.deleteGrantsForReviewer(reviewerId);
    expect(await store.listGrantsForReviewer(reviewerId)).toEqual([]);
    expect(await store.countActiveReviewers()).toBe(1);
    await store.markReviewerRevoked(reviewerId, 5);
    expect(await store.countActiveReviewers()).toBe(0);
    await store.close();
  });
});

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
