import { chmodSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  and,
  count,
  desc,
  eq,
  gt,
  inArray,
  is,
  isNull,
  lt,
  lte,
  max,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { KdfParams } from '../crypto/kdf.js';
import type {
  AlertDueRecord,
  AlertSettingsRecord,
  AttachmentId,
  AuditRecord,
  AttachmentRecord,
  DeskId,
  DeskKeyId,
  DeskKeyRecord,
  DeskRecord,
  GrantRecord,
  InvitationId,
  InvitationRecord,
  MessageId,
  MessageRecord,
  PasskeyRecord,
  ReviewerCredentials,
  ReviewerId,
  ReviewerRecord,
  SearchSegmentHead,
  SearchSegmentId,
  SearchSegmentRecord,
  Store,
  TipHead,
  TipId,
  TipListQuery,
  TipRecord,
  QuestionnaireId,
  QuestionnaireRow,
} from '../core/ports.js';
import { openDataDir, openDatabaseFile, StoreOpenError, type OpenedDatabase } from './database.js';
import { createTransactionGate, type TransactionGate } from './transaction-gate.js';
import { mapStorageFailure } from './storage-failure.js';
import * as schema from './schema.js';
import {
  findShape,
  fromStoreRow,
  parentsFirst,
  tableShape,
  toStoreRow,
  type TableShape,
} from './table-rows.js';

const TOKEN = 1000; // shared token buckets count thousandths of a token
const HOUR_MS = 3_600_000;

// SQLite hands back Buffers; callers get plain Uint8Array views of the same bytes.
const asBytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
const toBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

type DeskRow = typeof schema.desks.$inferSelect;
type DeskKeyRow = typeof schema.deskKeys.$inferSelect;
type ReviewerRow = typeof schema.reviewers.$inferSelect;
type TipRow = typeof schema.tips.$inferSelect;

const deskFromRow = (row: DeskRow): DeskRecord => ({
  id: row.id as DeskId,
  name: row.name,
  recoveryPublicKey: asBytes(row.recoveryPublicKey),
  createdAt: row.createdAt,
  ...(row.checkBack ? { checkBack: row.checkBack } : {}),
});

const alertSettingsFromRow = (
  row: typeof schema.reviewerAlerts.$inferSelect,
): AlertSettingsRecord => ({
  reviewerId: row.reviewerId as ReviewerId,
  language: row.language,
  emailSealed: row.emailSealed ? asBytes(row.emailSealed) : null,
  telegramSealed: row.telegramSealed ? asBytes(row.telegramSealed) : null,
  lastAlertAt: row.lastAlertAt,
});

const alertDueFromRow = (row: typeof schema.alertOutbox.$inferSelect): AlertDueRecord => ({
  reviewerId: row.reviewerId as ReviewerId,
  channel: row.channel,
  dueAt: row.dueAt,
  attempts: row.attempts,
});

const deskKeyFromRow = (row: DeskKeyRow): DeskKeyRecord => ({
  id: row.id as DeskKeyId,
  deskId: row.deskId as DeskId,
  publicKey: asBytes(row.publicKey),
  recoveryGrant: asBytes(row.recoveryGrant),
  createdAt: row.createdAt,
  retiredAt: row.retiredAt,
});

const reviewerFromRow = (row: ReviewerRow): ReviewerRecord => ({
  id: row.id as ReviewerId,
  name: row.name,
  role: row.role,
  publicKey: asBytes(row.publicKey),
  wrappedSecretKey: asBytes(row.wrappedSecretKey),
  kdfSalt: asBytes(row.kdfSalt),
  kdfParams: JSON.parse(row.kdfParams) as KdfParams,
  verifier: asBytes(row.verifier),
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

const tipFromRow = (row: TipRow): TipRecord => ({
  id: row.id as TipId,
  deskId: row.deskId as DeskId,
  deskKeyId: row.deskKeyId as DeskKeyId,
  channel: row.channel,
  status: row.status,
  assigneeId: row.assigneeId as ReviewerId | null,
  receivedAt: row.receivedAt,
  envelope: asBytes(row.envelope),
  triage: row.triage ? asBytes(row.triage) : null,
});

const invitationFromRow = (row: typeof schema.invitations.$inferSelect): InvitationRecord => ({
  id: row.id as InvitationId,
  tokenHash: asBytes(row.tokenHash),
  role: row.role,
  createdBy: row.createdBy as ReviewerId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  usedAt: row.usedAt,
  reviewerId: row.reviewerId as ReviewerId | null,
});

type MessageRow = typeof schema.messages.$inferSelect;

const messageFromRow = (row: MessageRow): MessageRecord => ({
  id: row.id as MessageId,
  tipId: row.tipId as TipId,
  kind: row.kind,
  authorId: row.authorId as ReviewerId | null,
  deskKeyId: row.deskKeyId as DeskKeyId,
  createdAt: row.createdAt,
  sequence: row.sequence,
  forDesk: asBytes(row.forDesk),
  forTipster: row.forTipster ? asBytes(row.forTipster) : null,
});

const passkeyFromRow = (row: typeof schema.reviewerPasskeys.$inferSelect): PasskeyRecord => ({
  ...row,
  reviewerId: row.reviewerId as ReviewerId,
  publicKey: asBytes(row.publicKey),
  transports: row.transports === '' ? [] : row.transports.split(','),
});
const inboxFromRow = (row: typeof schema.inboxes.$inferSelect) => ({
  lookupId: asBytes(row.lookupId),
  tipId: row.tipId as TipId,
  replyPublicKey: asBytes(row.replyPublicKey),
});

const credentialColumns = (credentials: ReviewerCredentials) => ({
  publicKey: toBuffer(credentials.publicKey),
  wrappedSecretKey: toBuffer(credentials.wrappedSecretKey),
  kdfSalt: toBuffer(credentials.kdfSalt),
  kdfParams: JSON.stringify(credentials.kdfParams),
  verifier: toBuffer(credentials.verifier),
});

/** Store's statements as this connection runs them: synchronously, in-process. */
type SqliteStatements = {
  [
    K in Exclude<keyof Store, 'transaction' | 'backupTo' | 'isRunner' | 'close' | 'tables'>
  ]: Store[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

type Gated<S> = {
  [K in keyof S]: S[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

function gateStatements<S extends Record<string, (...args: never[]) => unknown>>(
  gate: TransactionGate,
  statements: S,
): Gated<S> {
  const gated: Record<string, unknown> = {};
  for (const [name, statement] of Object.entries(statements)) {
    gated[name] = (...args: never[]) => mapStorageFailure(gate.run(() => statement(...args)));
  }
  return gated as Gated<S>;
}

/** The SQLite implementation of core's Store port. The only place that speaks SQL. */
export function createSqliteStore(opened: OpenedDatabase): Store {
  const { sqlite } = opened;
  const gate = createTransactionGate({
    begin: () => sqlite.exec('BEGIN IMMEDIATE'),
    commit: () => sqlite.exec('COMMIT'),
    rollback: () => {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    },
    savepoint: (name) => sqlite.exec(`SAVEPOINT ${name}`),
    release: (name) => sqlite.exec(`RELEASE ${name}`),
    rollbackTo: (name) => sqlite.exec(`ROLLBACK TO ${name}`),
  });
  return {
    ...gateStatements(gate, createSqliteStatements(opened)),
    tables: {
      names: () => SQLITE_TABLES.map((shape) => shape.name),
      readRows: (name, offset, limit) =>
        gate.run(() => {
          const { table, keys } = findShape(SQLITE_TABLES, name);
          return opened.db
            .select()
            .from(table as SQLiteTable)
            .orderBy(...(keys as SQLiteColumn[]))
            .limit(limit)
            .offset(offset)
            .all()
            .map((row) => toStoreRow(table, row));
        }),
      writeRows: (name, rows) =>
        mapStorageFailure(
          gate.run(() => {
            if (rows.length === 0) return;
            const { table } = findShape(SQLITE_TABLES, name);
            opened.db
              .insert(table as SQLiteTable)
              .values(rows.map((row) => fromStoreRow(table, row, toBuffer)))
              .run();
          }),
        ),
    },
    transaction: (work) => mapStorageFailure(gate.transaction(work)),
    backupTo: (path) => gate.run(() => undefined).then(() => backupSqlite(sqlite, path)),
    isRunner: () => Promise.resolve(true),
    close: () =>
      gate.run(() => {
        sqlite.close();
      }),
  };
}

const SQLITE_TABLES: readonly TableShape[] = parentsFirst(
  (Object.values(schema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => {
      const config = getTableConfig(table);
      const keys = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
      return tableShape(
        table,
        keys,
        config.foreignKeys.map((fk) => fk.reference().foreignTable),
      );
    }),
);

/** Online backup to `path` (0600), switched to a rollback journal and checked before it resolves. */
async function backupSqlite(sqlite: OpenedDatabase['sqlite'], path: string): Promise<void> {
  await sqlite.backup(path);
  chmodSync(path, 0o600);
  // The copy inherits WAL mode; switch it to a rollback journal so a backup is one
  // self-contained file with no -wal/-shm beside it, then verify it.
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new StoreOpenError('backup failed its integrity check');
  } catch (error) {
    copy.close();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
  copy.close();
}

function createSqliteStatements({ sqlite, db }: OpenedDatabase): SqliteStatements {
  const {
    meta,
    desks,
    deskKeys,
    reviewers,
    grants,
    tips,
    inboxes,
    attachments,
    messages,
    auditLog,
    invitations,
    reviewerAlerts,
    alertOutbox,
    alertLinkCodes,
    urgentTips,
    searchSegments,
    reviewerPasskeys,
    sharedCounters,
    questionnaires,
  } = schema;
  const questionnaireFromRow = (row: typeof questionnaires.$inferSelect): QuestionnaireRow => ({
    ...row,
    id: row.id as QuestionnaireId,
    deskId: row.deskId as DeskId,
  });
  const tipFilters = (query: Omit<TipListQuery, 'limit' | 'offset'>): SQL | undefined => {
    const filters: SQL[] = [];
    // a row value, so SQLite seeks in the (…, received_at, id) index instead of scanning
    if (query.after)
      filters.push(
        sql`(${tips.receivedAt}, ${tips.id}) < (${query.after.receivedAt}, ${query.after.id})`,
      );
    if (query.status) filters.push(eq(tips.status, query.status));
    if (query.channel) filters.push(eq(tips.channel, query.channel));
    if (query.deskId) filters.push(eq(tips.deskId, query.deskId));
    if (query.assigneeId === null) filters.push(isNull(tips.assigneeId));
    else if (query.assigneeId !== undefined) filters.push(eq(tips.assigneeId, query.assigneeId));
    return filters.length > 0 ? and(...filters) : undefined;
  };
  const auditFromRow = (row: typeof auditLog.$inferSelect): AuditRecord => ({
    ...row,
    previousHash: asBytes(row.previousHash),
    hash: asBytes(row.hash),
  });

  return {
    getMeta: (key) => {
      const row = db.select().from(meta).where(eq(meta.key, key)).get();
      return row ? asBytes(row.value) : undefined;
    },
    setMeta: (key, value) => {
      db.insert(meta)
        .values({ key, value: toBuffer(value) })
        .onConflictDoUpdate({ target: meta.key, set: { value: toBuffer(value) } })
        .run();
    },

    insertDesk: (desk) => {
      db.insert(desks)
        .values({
          ...desk,
          recoveryPublicKey: toBuffer(desk.recoveryPublicKey),
          checkBack: desk.checkBack ?? null,
        })
        .run();
    },
    listDesks: () =>
      db.select().from(desks).orderBy(desks.createdAt, desks.name).all().map(deskFromRow),
    getDesk: (id) => {
      const row = db.select().from(desks).where(eq(desks.id, id)).get();
      return row && deskFromRow(row);
    },
    getDeskByName: (name) => {
      const row = db.select().from(desks).where(eq(desks.name, name)).get();
      return row && deskFromRow(row);
    },

    insertDeskKey: (key) => {
      db.insert(deskKeys)
        .values({
          ...key,
          publicKey: toBuffer(key.publicKey),
          recoveryGrant: toBuffer(key.recoveryGrant),
        })
        .run();
    },
    getDeskKey: (id) => {
      const row = db.select().from(deskKeys).where(eq(deskKeys.id, id)).get();
      return row && deskKeyFromRow(row);
    },
    listDeskKeys: (deskId) =>
      db
        .select()
        .from(deskKeys)
        .where(deskId === undefined ? undefined : eq(deskKeys.deskId, deskId))
        .orderBy(deskKeys.createdAt)
        .all()
        .map(deskKeyFromRow),
    getActiveDeskKey: (deskId) => {
      const row = db
        .select()
        .from(deskKeys)
        .where(and(eq(deskKeys.deskId, deskId), isNull(deskKeys.retiredAt)))
        .orderBy(desc(deskKeys.createdAt), desc(deskKeys.id))
        .get();
      return row && deskKeyFromRow(row);
    },
    retireDeskKey: (id, at) => {
      db.update(deskKeys).set({ retiredAt: at }).where(eq(deskKeys.id, id)).run();
    },

    insertReviewer: (reviewer) => {
      db.insert(reviewers)
        .values({
          id: reviewer.id,
          name: reviewer.name,
          role: reviewer.role,
          createdAt: reviewer.createdAt,
          revokedAt: reviewer.revokedAt,
          ...credentialColumns(reviewer),
        })
        .run();
    },
    getReviewer: (id) => {
      const row = db.select().from(reviewers).where(eq(reviewers.id, id)).get();
      return row && reviewerFromRow(row);
    },
    getReviewerByName: (name) => {
      const row = db.select().from(reviewers).where(eq(reviewers.name, name)).get();
      return row && reviewerFromRow(row);
    },
    listReviewers: () =>
      db
        .select()
        .from(reviewers)
        .orderBy(reviewers.createdAt, reviewers.name)
        .all()
        .map(reviewerFromRow),
    countActiveReviewers: () =>
      db.select({ n: count() }).from(reviewers).where(isNull(reviewers.revokedAt)).get()?.n ?? 0,
    updateReviewerCredentials: (id, credentials) => {
      db.update(reviewers).set(credentialColumns(credentials)).where(eq(reviewers.id, id)).run();
    },
    markReviewerRevoked: (id, at) => {
      db.update(reviewers).set({ revokedAt: at }).where(eq(reviewers.id, id)).run();
    },
    getReviewerLocale: (id) =>
      db.select({ locale: reviewers.locale }).from(reviewers).where(eq(reviewers.id, id)).get()
        ?.locale ?? null,
    setReviewerLocale: (id, locale) => {
      db.update(reviewers).set({ locale }).where(eq(reviewers.id, id)).run();
    },
    insertPasskey: (passkey) => {
      db.insert(reviewerPasskeys)
        .values({
          ...passkey,
          publicKey: toBuffer(passkey.publicKey),
          transports: passkey.transports.join(','),
        })
        .run();
    },
    getPasskey: (credentialId) => {
      const row = db
        .select()
        .from(reviewerPasskeys)
        .where(eq(reviewerPasskeys.credentialId, credentialId))
        .get();
      return row && passkeyFromRow(row);
    },
    listPasskeys: (reviewerId) =>
      db
        .select()
        .from(reviewerPasskeys)
        .where(eq(reviewerPasskeys.reviewerId, reviewerId))
        .orderBy(reviewerPasskeys.createdAt, reviewerPasskeys.credentialId)
        .all()
        .map(passkeyFromRow),
    advancePasskeyCounter: (credentialId, counter, at) =>
      db
        .update(reviewerPasskeys)
        .set({ counter, lastUsedAt: at })
        .where(
          and(
            eq(reviewerPasskeys.credentialId, credentialId),
            counter === 0 ? eq(reviewerPasskeys.counter, 0) : lt(reviewerPasskeys.counter, counter),
          ),
        )
        .run().changes === 1,
    deletePasskey: (reviewerId, credentialId) =>
      db
        .delete(reviewerPasskeys)
        .where(
          and(
            eq(reviewerPasskeys.reviewerId, reviewerId),
            eq(reviewerPasskeys.credentialId, credentialId),
          ),
        )
        .run().changes === 1,
    getReviewerTotp: (id) => {
      const row = db
        .select({ sealed: reviewers.totpSealed, lastStep: reviewers.totpLastStep })
        .from(reviewers)
        .where(eq(reviewers.id, id))
        .get();
      return (
        row && { sealedSecret: row.sealed ? asBytes(row.sealed) : null, lastStep: row.lastStep }
      );
    },
    setReviewerTotp: (id, sealedSecret) => {
      db.update(reviewers)
        .set({ totpSealed: sealedSecret ? toBuffer(sealedSecret) : null, totpLastStep: null })
        .where(eq(reviewers.id, id))
        .run();
    },
    advanceTotpStep: (id, step) =>
      db
        .update(reviewers)
        .set({ totpLastStep: step })
        .where(
          and(
            eq(reviewers.id, id),
            or(isNull(reviewers.totpLastStep), lt(reviewers.totpLastStep, step)),
          ),
        )
        .run().changes === 1,

    insertInvitation: (invitation) => {
      db.insert(invitations)
        .values({ ...invitation, tokenHash: toBuffer(invitation.tokenHash) })
        .run();
    },
    getInvitationByTokenHash: (tokenHash) => {
      const row = db
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, toBuffer(tokenHash)))
        .get();
      return row && invitationFromRow(row);
    },
    listInvitations: () =>
      db
        .select()
        .from(invitations)
        .orderBy(desc(invitations.createdAt))
        .all()
        .map(invitationFromRow),
    markInvitationUsed: (id, reviewerId, at) =>
      db
        .update(invitations)
        .set({ usedAt: at, reviewerId })
        .where(and(eq(invitations.id, id), isNull(invitations.usedAt)))
        .run().changes === 1,

    putGrant: (grant) => {
      const sealed = toBuffer(grant.sealedDeskKey);
      db.insert(grants)
        .values({ ...grant, sealedDeskKey: sealed })
        .onConflictDoUpdate({
          target: [grants.deskKeyId, grants.reviewerId],
          set: { sealedDeskKey: sealed, createdAt: grant.createdAt },
        })
        .run();
    },
    listGrantsForReviewer: (reviewerId) =>
      db
        .select()
        .from(grants)
        .where(eq(grants.reviewerId, reviewerId))
        .all()
        .map((row): GrantRecord => ({
          deskKeyId: row.deskKeyId as DeskKeyId,
          reviewerId: row.reviewerId as ReviewerId,
          sealedDeskKey: asBytes(row.sealedDeskKey),
          createdAt: row.createdAt,
        })),
    deleteGrantsForReviewer: (reviewerId) => {
      db.delete(grants).where(eq(grants.reviewerId, reviewerId)).run();
    },

    insertTip: (tip, inbox, files) => {
      sqlite
        .transaction(() => {
          db.insert(tips)
            .values({
              ...tip,
              envelope: toBuffer(tip.envelope),
              triage: tip.triage ? toBuffer(tip.triage) : null,
            })
            .run();
          if (inbox) {
            db.insert(inboxes)
              .values({
                ...inbox,
                lookupId: toBuffer(inbox.lookupId),
                replyPublicKey: toBuffer(inbox.replyPublicKey),
              })
              .run();
          }
          for (const file of files) {
            db.insert(attachments)
              .values({ ...file, ciphertext: toBuffer(file.ciphertext) })
              .run();
          }
        })
        .immediate();
    },
    getTip: (id) => {
      const row = db.select().from(tips).where(eq(tips.id, id)).get();
      return row && tipFromRow(row);
    },
    listTips: (query: TipListQuery) => {
      return db
        .select()
        .from(tips)
        .where(tipFilters(query))
        .orderBy(desc(tips.receivedAt), desc(tips.id))
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .all()
        .map(tipFromRow);
    },
    listTipHeads: (query: TipListQuery) => {
      return db
        .select({
          id: tips.id,
          deskId: tips.deskId,
          deskKeyId: tips.deskKeyId,
          channel: tips.channel,
          status: tips.status,
          assigneeId: tips.assigneeId,
          receivedAt: tips.receivedAt,
          triage: tips.triage,
        })
        .from(tips)
        .where(tipFilters(query))
        .orderBy(desc(tips.receivedAt), desc(tips.id))
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .all()
        .map((row): TipHead => ({
          id: row.id as TipId,
          deskId: row.deskId as DeskId,
          deskKeyId: row.deskKeyId as DeskKeyId,
          channel: row.channel,
          status: row.status,
          assigneeId: row.assigneeId as ReviewerId | null,
          receivedAt: row.receivedAt,
          triage: row.triage ? asBytes(row.triage) : null,
        }));
    },
    countTips: (query = {}) =>
      db.select({ n: count() }).from(tips).where(tipFilters(query)).get()?.n ?? 0,
    listAttachments: (tipId) =>
      db
        .select()
        .from(attachments)
        .where(eq(attachments.tipId, tipId))
        .all()
        .map((row): AttachmentRecord => ({
          id: row.id as AttachmentId,
          tipId: row.tipId as TipId,
          ciphertext: asBytes(row.ciphertext),
        })),
    getInbox: (lookupId) => {
      const row = db
        .select()
        .from(inboxes)
        .where(eq(inboxes.lookupId, toBuffer(lookupId)))
        .get();
      return row && inboxFromRow(row);
    },
    getInboxForTip: (tipId) => {
      const row = db.select().from(inboxes).where(eq(inboxes.tipId, tipId)).get();
      return row && inboxFromRow(row);
    },

    appendMessage: (message) =>
      sqlite
        .transaction(() => {
          const last = db
            .select({ n: max(messages.sequence) })
            .from(messages)
            .where(eq(messages.tipId, message.tipId))
            .get();
          const record: MessageRecord = { ...message, sequence: (last?.n ?? 0) + 1 };
          db.insert(messages)
            .values({
              ...record,
              forDesk: toBuffer(record.forDesk),
              forTipster: record.forTipster ? toBuffer(record.forTipster) : null,
            })
            .run();
          return record;
        })
        .immediate(),
    listMessages: (tipId) =>
      db
        .select()
        .from(messages)
        .where(eq(messages.tipId, tipId))
        .orderBy(messages.sequence)
        .all()
        .map(messageFromRow),

    setTipStatus: (id, status) => {
      db.update(tips).set({ status }).where(eq(tips.id, id)).run();
    },
    setTipAssignee: (id, assigneeId) => {
      db.update(tips).set({ assigneeId }).where(eq(tips.id, id)).run();
    },
    setTipTriage: (id, sealedTriage) => {
      db.update(tips)
        .set({ triage: toBuffer(sealedTriage) })
        .where(eq(tips.id, id))
        .run();
    },
    moveTip: (move) => {
      // secure_delete is on for every connection: the pages the old ciphertext leaves are
      // overwritten with zeros as the rows are rewritten (docs/DESIGN-NOTES.md, "Moving a case")
      class Mismatch extends Error {}
      try {
        sqlite
          .transaction(() => {
            const moved = db
              .update(tips)
              .set({
                deskId: move.toDeskId,
                deskKeyId: move.toDeskKeyId,
                envelope: toBuffer(move.envelope),
                triage: move.triage ? toBuffer(move.triage) : null,
              })
              .where(and(eq(tips.id, move.tipId), eq(tips.deskId, move.fromDeskId)))
              .run().changes;
            if (moved !== 1) throw new Mismatch();
            const files = db.select({ n: count() }).from(attachments);
            const thread = db.select({ n: count() }).from(messages);
            if (
              (files.where(eq(attachments.tipId, move.tipId)).get()?.n ?? 0) !==
                move.attachments.length ||
              (thread.where(eq(messages.tipId, move.tipId)).get()?.n ?? 0) !== move.messages.length
            )
              throw new Mismatch();
            for (const file of move.attachments)
              if (
                db
                  .update(attachments)
                  .set({ ciphertext: toBuffer(file.ciphertext) })
                  .where(and(eq(attachments.id, file.id), eq(attachments.tipId, move.tipId)))
                  .run().changes !== 1
              )
                throw new Mismatch();
            for (const message of move.messages)
              if (
                db
                  .update(messages)
                  .set({ deskKeyId: move.toDeskKeyId, forDesk: toBuffer(message.forDesk) })
                  .where(and(eq(messages.id, message.id), eq(messages.tipId, move.tipId)))
                  .run().changes !== 1
              )
                throw new Mismatch();
          })
          .immediate();
        return true;
      } catch (error) {
        if (error instanceof Mismatch) return false;
        throw error;
      }
    },
    deleteTipsBefore: (before, statuses) =>
      db
        .delete(tips)
        .where(and(lt(tips.receivedAt, before), inArray(tips.status, [...statuses])))
        .run().changes,

    setDeskCheckBack: (id, checkBack) => {
      db.update(desks).set({ checkBack }).where(eq(desks.id, id)).run();
    },

    getAlertSettings: (reviewerId) => {
      const row = db
        .select()
        .from(reviewerAlerts)
        .where(eq(reviewerAlerts.reviewerId, reviewerId))
        .get();
      return row && alertSettingsFromRow(row);
    },
    listAlertSettings: () => db.select().from(reviewerAlerts).all().map(alertSettingsFromRow),
    putAlertSettings: (record) => {
      const columns = {
        language: record.language,
        emailSealed: record.emailSealed ? toBuffer(record.emailSealed) : null,
        telegramSealed: record.telegramSealed ? toBuffer(record.telegramSealed) : null,
      };
      db.insert(reviewerAlerts)
        .values({ reviewerId: record.reviewerId, ...columns })
        .onConflictDoUpdate({ target: reviewerAlerts.reviewerId, set: columns })
        .run();
    },
    setLastAlertAt: (reviewerId, at) => {
      db.update(reviewerAlerts)
        .set({ lastAlertAt: at })
        .where(eq(reviewerAlerts.reviewerId, reviewerId))
        .run();
    },
    deleteAlertSettings: (reviewerId) => {
      sqlite
        .transaction(() => {
          db.delete(alertOutbox).where(eq(alertOutbox.reviewerId, reviewerId)).run();
          db.delete(alertLinkCodes).where(eq(alertLinkCodes.reviewerId, reviewerId)).run();
          db.delete(reviewerAlerts).where(eq(reviewerAlerts.reviewerId, reviewerId)).run();
        })
        .immediate();
    },
    scheduleAlert: (reviewerId, channel, dueAt) => {
      db.insert(alertOutbox)
        .values({ reviewerId, channel, dueAt, attempts: 0 })
        .onConflictDoUpdate({
          target: [alertOutbox.reviewerId, alertOutbox.channel],
          set: { dueAt: sql`min(${alertOutbox.dueAt}, excluded.due_at)` },
        })
        .run();
    },
    takeSharedToken: (scope, key, capacity, now) => {
      const full = capacity * TOKEN;
      // refilled up to now, never above full, never by a clock that went back
      const refilled = sql`min(${full}, ${sharedCounters.value} + max(0, min(${HOUR_MS}, ${now} - ${sharedCounters.updatedAt})) * ${full} / ${HOUR_MS})`;
      return (
        db
          .insert(sharedCounters)
          .values({ scope, key: toBuffer(key), value: full - TOKEN, updatedAt: now })
          .onConflictDoUpdate({
            target: [sharedCounters.scope, sharedCounters.key],
            set: { value: sql`${refilled} - ${TOKEN}`, updatedAt: now },
            setWhere: sql`${refilled} >= ${TOKEN}`,
          })
          .returning({ value: sharedCounters.value })
          .all().length === 1
      );
    },
    countSharedFailure: (scope, key, now, forgetBefore) =>
      db
        .insert(sharedCounters)
        .values({ scope, key: toBuffer(key), value: 1, updatedAt: now })
        .onConflictDoUpdate({
          target: [sharedCounters.scope, sharedCounters.key],
          set: {
            value: sql`CASE WHEN ${sharedCounters.updatedAt} < ${forgetBefore} THEN 1 ELSE ${sharedCounters.value} + 1 END`,
            updatedAt: now,
          },
        })
        .returning({ value: sharedCounters.value })
        .get()?.value ?? 1,
    getSharedCounter: (scope, key) =>
      db
        .select({ value: sharedCounters.value, updatedAt: sharedCounters.updatedAt })
        .from(sharedCounters)
        .where(and(eq(sharedCounters.scope, scope), eq(sharedCounters.key, toBuffer(key))))
        .get(),
    deleteSharedCounter: (scope, key) => {
      db.delete(sharedCounters)
        .where(and(eq(sharedCounters.scope, scope), eq(sharedCounters.key, toBuffer(key))))
        .run();
    },
    claimOnce: (scope, key, now) =>
      db
        .insert(sharedCounters)
        .values({ scope, key: toBuffer(key), value: 0, updatedAt: now })
        .onConflictDoNothing()
        .run().changes === 1,
    sweepSharedCounters: (before) =>
      db.delete(sharedCounters).where(lt(sharedCounters.updatedAt, before)).run().changes,
    listDueAlerts: (now, limit) =>
      db
        .select()
        .from(alertOutbox)
        .where(lte(alertOutbox.dueAt, now))
        .orderBy(alertOutbox.dueAt)
        .limit(limit)
        .all()
        .map(alertDueFromRow),
    listScheduledAlerts: () =>
      db.select().from(alertOutbox).orderBy(alertOutbox.dueAt).all().map(alertDueFromRow),
    rescheduleAlert: (reviewerId, channel, dueAt, attempts) => {
      db.update(alertOutbox)
        .set({ dueAt, attempts })
        .where(and(eq(alertOutbox.reviewerId, reviewerId), eq(alertOutbox.channel, channel)))
        .run();
    },
    deleteScheduledAlert: (reviewerId, channel) => {
      db.delete(alertOutbox)
        .where(and(eq(alertOutbox.reviewerId, reviewerId), eq(alertOutbox.channel, channel)))
        .run();
    },
    putAlertLinkCode: (record) => {
      sqlite
        .transaction(() => {
          db.delete(alertLinkCodes).where(eq(alertLinkCodes.reviewerId, record.reviewerId)).run();
          db.insert(alertLinkCodes)
            .values({ ...record, codeHash: toBuffer(record.codeHash) })
            .run();
        })
        .immediate();
    },
    takeAlertLinkCode: (codeHash) => {
      const row = db
        .delete(alertLinkCodes)
        .where(eq(alertLinkCodes.codeHash, toBuffer(codeHash)))
        .returning()
        .get();
      return (
        row && {
          codeHash: asBytes(row.codeHash),
          reviewerId: row.reviewerId as ReviewerId,
          expiresAt: row.expiresAt,
        }
      );
    },
    deleteExpiredAlertLinkCodes: (now) => {
      db.delete(alertLinkCodes).where(lte(alertLinkCodes.expiresAt, now)).run();
    },
    insertUrgentTip: (record) => {
      db.insert(urgentTips)
        .values({ ...record, sealed: toBuffer(record.sealed) })
        .run();
    },
    listUrgentTips: () =>
      db
        .select()
        .from(urgentTips)
        .all()
        .map((row) => ({ id: row.id, sealed: asBytes(row.sealed), escalated: row.escalated })),
    markUrgentTipEscalated: (id) => {
      db.update(urgentTips).set({ escalated: true }).where(eq(urgentTips.id, id)).run();
    },
    deleteUrgentTip: (id) => {
      db.delete(urgentTips).where(eq(urgentTips.id, id)).run();
    },
    appendSearchSegment: (segment) =>
      sqlite
        .transaction(() => {
          const last = db
            .select({ n: max(searchSegments.sequence) })
            .from(searchSegments)
            .where(eq(searchSegments.deskId, segment.deskId))
            .get();
          const record: SearchSegmentRecord = { ...segment, sequence: (last?.n ?? 0) + 1 };
          db.insert(searchSegments)
            .values({ ...record, sealed: toBuffer(record.sealed) })
            .run();
          return record;
        })
        .immediate(),
    listSearchSegmentHeads: (deskId) =>
      db
        .select({
          id: searchSegments.id,
          deskId: searchSegments.deskId,
          deskKeyId: searchSegments.deskKeyId,
          sequence: searchSegments.sequence,
        })
        .from(searchSegments)
        .where(eq(searchSegments.deskId, deskId))
        .orderBy(searchSegments.sequence)
        .all()
        .map((row): SearchSegmentHead => ({
          id: row.id as SearchSegmentId,
          deskId: row.deskId as DeskId,
          deskKeyId: row.deskKeyId as DeskKeyId,
          sequence: row.sequence,
        })),
    getSearchSegments: (ids) => {
      const out: SearchSegmentRecord[] = [];
      for (let i = 0; i < ids.length; i += 500)
        for (const row of db
          .select()
          .from(searchSegments)
          .where(inArray(searchSegments.id, ids.slice(i, i + 500)))
          .orderBy(searchSegments.sequence)
          .all())
          out.push({
            id: row.id as SearchSegmentId,
            deskId: row.deskId as DeskId,
            deskKeyId: row.deskKeyId as DeskKeyId,
            sequence: row.sequence,
            sealed: asBytes(row.sealed),
          });
      return out;
    },
    deleteSearchSegments: (ids) =>
      // secure_delete is on for every connection: freed pages are overwritten with zeros
      sqlite
        .transaction(() => {
          let deleted = 0;
          for (let i = 0; i < ids.length; i += 500)
            deleted += db
              .delete(searchSegments)
              .where(inArray(searchSegments.id, ids.slice(i, i + 500)))
              .run().changes;
          return deleted;
        })
        .immediate(),

    appendQuestionnaire: (row) =>
      sqlite
        .transaction(() => {
          const last = db
            .select({ n: max(questionnaires.version) })
            .from(questionnaires)
            .where(eq(questionnaires.deskId, row.deskId))
            .get();
          const record: QuestionnaireRow = { ...row, version: (last?.n ?? 0) + 1 };
          db.insert(questionnaires).values(record).run();
          return record;
        })
        .immediate(),
    getQuestionnaire: (id) => {
      const row = db.select().from(questionnaires).where(eq(questionnaires.id, id)).get();
      return row && questionnaireFromRow(row);
    },
    getCurrentQuestionnaire: (deskId) => {
      const row = db
        .select()
        .from(questionnaires)
        .where(eq(questionnaires.deskId, deskId))
        .orderBy(desc(questionnaires.version))
        .limit(1)
        .get();
      return row && questionnaireFromRow(row);
    },
    listQuestionnaires: (deskId) =>
      db
        .select()
        .from(questionnaires)
        .where(eq(questionnaires.deskId, deskId))
        .orderBy(questionnaires.version)
        .all()
        .map(questionnaireFromRow),

    lastAudit: () => {
      const row = db.select().from(auditLog).orderBy(desc(auditLog.sequence)).limit(1).get();
      return row && auditFromRow(row);
    },
    appendAudit: (record) => {
      db.insert(auditLog)
        .values({
          ...record,
          previousHash: toBuffer(record.previousHash),
          hash: toBuffer(record.hash),
        })
        .run();
    },
    listAudit: (afterSequence, limit) =>
      db
        .select()
        .from(auditLog)
        .where(gt(auditLog.sequence, afterSequence))
        .orderBy(auditLog.sequence)
        .limit(limit)
        .all()
        .map(auditFromRow),
  };
}

/** Opens the store in a data directory (created 0700 if missing), migrated and ready. */
export function openSqliteStore(dataDir: string): Store {
  return createSqliteStore(openDataDir(dataDir));
}

/** Opens a store from a single database file, e.g. a backup being restored or verified. */
export function openSqliteStoreFile(path: string): Store {
  return createSqliteStore(openDatabaseFile(path));
}
