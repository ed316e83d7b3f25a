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
  TipId,
  TipRecord,
} from '../../src/core/index.js';
import { tempDir } from '../helpers.js';

const bytes = (...values: number[]) => new Uint8Array(values);

function seedDesk(store: Store): { deskId: DeskId; keyId: DeskKeyId } {
  const deskId = 'desk1' as DeskId;
  const keyId = 'key1' as DeskKeyId;
  store.insertDesk({ id: deskId, name: 'main', recoveryPublicKey: bytes(9, 9), createdAt: 1 });
  store.insertDeskKey({
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
  it('round-trips meta values as bytes', () => {
    const store = open();
    store.setMeta('salt', bytes(1, 2, 3));
    store.setMeta('salt', bytes(4, 5));
    expect(store.getMeta('salt')).toEqual(bytes(4, 5));
    expect(store.getMeta('missing')).toBeUndefined();
    store.close();
  });

  it('lists tips newest first and filters by status and channel', () => {
    const store = open();
    seedDesk(store);
    store.insertTip(tip('a', 1000), undefined, []);
    store.insertTip(tip('b', 3000, { channel: 'telegram' }), undefined, []);
    store.insertTip(tip('c', 2000, { status: 'closed' }), undefined, []);
    expect(store.listTips({ limit: 10 }).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect(store.listTips({ limit: 10, status: 'closed' }).map((t) => t.id)).toEqual(['c']);
    expect(store.listTips({ limit: 10, channel: 'telegram' }).map((t) => t.id)).toEqual(['b']);
    expect(store.listTips({ limit: 1, offset: 1 }).map((t) => t.id)).toEqual(['c']);
    expect(store.countTips()).toBe(3);
    store.close();
  });

  it('stores a tip with its inbox and attachments in one transaction', () => {
    const store = open();
    seedDesk(store);
    store.insertTip(
      tip('t1', 5),
      { lookupId: bytes(5, 5), tipId: 't1' as TipId, replyPublicKey: bytes(6) },
      [{ id: 'f1' as never, tipId: 't1' as TipId, ciphertext: bytes(8, 8) }],
    );
    expect(store.getTip('t1' as TipId)?.envelope).toEqual(bytes(7, 7, 7));
    expect(store.getInbox(bytes(5, 5))?.tipId).toBe('t1');
    expect(store.getInbox(bytes(5, 6))).toBeUndefined();
    expect(store.listAttachments('t1' as TipId).map((a) => a.ciphertext)).toEqual([bytes(8, 8)]);
    store.close();
  });

  it('rolls back a tip whose attachment cannot be stored', () => {
    const store = open();
    seedDesk(store);
    const duplicate = { id: 'same' as never, tipId: 't2' as TipId, ciphertext: bytes(1) };
    expect(() => store.insertTip(tip('t2', 5), undefined, [duplicate, duplicate])).toThrow();
    expect(store.getTip('t2' as TipId)).toBeUndefined();
    store.close();
  });

  it('rejects a tip for a desk that does not exist (foreign keys are on)', () => {
    const store = open();
    expect(() => store.insertTip(tip('t3', 5), undefined, [])).toThrow();
    store.close();
  });

  it('returns the newest unretired desk key as the active one', () => {
    const store = open();
    const { deskId, keyId } = seedDesk(store);
    store.insertDeskKey({
      id: 'key2' as DeskKeyId,
      deskId,
      publicKey: bytes(3),
      recoveryGrant: bytes(4),
      createdAt: 2,
      retiredAt: null,
    });
    store.retireDeskKey(keyId, 2);
    expect(store.getActiveDeskKey(deskId)?.id).toBe('key2');
    expect(store.listDeskKeys(deskId).map((k) => k.id)).toEqual(['key1', 'key2']);
    store.close();
  });

  it('replaces a grant for the same key and reviewer and deletes a reviewer’s grants', () => {
    const store = open();
    const { keyId } = seedDesk(store);
    const reviewerId = 'r1' as ReviewerId;
    store.insertReviewer({
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
    store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(1), createdAt: 1 });
    store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(2), createdAt: 2 });
    expect(store.listGrantsForReviewer(reviewerId).map((g) => g.sealedDeskKey)).toEqual([bytes(2)]);
    expect(store.getReviewerByName('ana')?.kdfParams.memoryKiB).toBe(8);
    store.deleteGrantsForReviewer(reviewerId);
    expect(store.listGrantsForReviewer(reviewerId)).toEqual([]);
    expect(store.countActiveReviewers()).toBe(1);
    store.markReviewerRevoked(reviewerId, 5);
    expect(store.countActiveReviewers()).toBe(0);
    store.close();
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

  it('reopens an existing database without re-running migrations', () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    first.setMeta('k', bytes(1));
    first.close();
    const again = openSqliteStore(dir);
    expect(again.getMeta('k')).toEqual(bytes(1));
    again.close();
  });

  it('refuses a database written by a newer version', () => {
    const dir = tempDir();
    openSqliteStore(dir).close();
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
    seedDesk(store);
    store.insertTip(tip('kept', 1), undefined, []);
    const backupDir = tempDir();
    const backup = join(backupDir, 'backup.db');
    await store.backupTo(backup);
    store.close();
    expect(readdirSync(backupDir)).toEqual(['backup.db']);
    const restored = openSqliteStoreFile(backup);
    expect(restored.getTip('kept' as TipId)?.envelope).toEqual(bytes(7, 7, 7));
    restored.close();
  });

  it('creates the data directory readable by its owner only', () => {
    const parent = tempDir();
    const dir = join(parent, 'nested', 'data');
    mkdirSync(join(parent, 'nested'));
    openSqliteStore(dir).close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'tipline.db')).mode & 0o777).toBe(0o600);
  });
});
