import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
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
import { readMigrationFiles } from 'drizzle-orm/migrator';
import {
  getTableConfig,
  PgTable,
  type PgColumn,
  type PgDatabase,
  type PgQueryResultHKT,
} from 'drizzle-orm/pg-core';
import type { KdfParams } from '../crypto/kdf.js';
import type {
  AlertDueRecord,
  AlertSettingsRecord,
  AttachmentId,
  AttachmentRecord,
  AuditRecord,
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
import { StoreOpenError } from './database.js';
import { asPostgresFailure } from './storage-failure.js';
import * as schema from './pg-schema.js';
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

export const POSTGRES_MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../migrations/postgres', import.meta.url),
);

/** Any drizzle PostgreSQL database over this schema: node-postgres in production, PGlite in tests. */
export type PgStoreDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

/*
 * Advisory lock keys (two int4s: a class for tipline, then the lock). Every store transaction
 * takes WRITE_LOCK first, so transactions are serialized across every instance on the same
 * database, as SQLite's single writer serializes them in one process: the audit chain's
 * read-head-then-append, desk-key rotation, first-run setup, bulk triage and invitation
 * acceptance all read and then write inside store.transaction, and one lock makes each of
 * them atomic against a second server without a deadlock between two finer locks. Tip intake
 * and follow-ups do not use store.transaction and do not wait for it.
 */
const LOCK_CLASS = 0x7469706c; // 'tipl'
const WRITE_LOCK = 1;
const MIGRATION_LOCK = 2;
export const TAKE_MIGRATION_LOCK = sql.raw(
  `SELECT pg_advisory_lock(${LOCK_CLASS}, ${MIGRATION_LOCK})`,
);
export const RELEASE_MIGRATION_LOCK = sql.raw(
  `SELECT pg_advisory_unlock(${LOCK_CLASS}, ${MIGRATION_LOCK})`,
);
const TAKE_WRITE_LOCK = sql.raw(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${WRITE_LOCK})`);

const PG_TABLES: readonly TableShape[] = parentsFirst(
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
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

type DeskRow = typeof schema.desks.$inferSelect;
type DeskKeyRow = typeof schema.deskKeys.$inferSelect;
type ReviewerRow = typeof schema.reviewers.$inferSelect;
type TipRow = typeof schema.tips.$inferSelect;
type MessageRow = typeof schema.messages.$inferSelect;

const deskFromRow = (row: DeskRow): DeskRecord => ({
  id: row.id as DeskId,
  name: row.name,
  recoveryPublicKey: row.recoveryPublicKey,
  createdAt: row.createdAt,
  ...(row.checkBack ? { checkBack: row.checkBack } : {}),
});

const alertSettingsFromRow = (
  row: typeof schema.reviewerAlerts.$inferSelect,
): AlertSettingsRecord => ({
  reviewerId: row.reviewerId as ReviewerId,
  language: row.language,
  emailSealed: row.emailSealed,
  telegramSealed: row.telegramSealed,
  lastAlertAt: row.lastAlertAt,
});

const alertDueFromRow = (row: typeof schema.alertOutbox.$inferSelect): AlertDueRecord => ({
  reviewerId: row.reviewerId as ReviewerId,
  channel: row.channel,
  dueAt: row.dueAt,
  attempts: row.attempts,
});

const segmentFromRow = (row: typeof schema.searchSegments.$inferSelect): SearchSegmentRecord => ({
  id: row.id as SearchSegmentId,
  deskId: row.deskId as DeskId,
  deskKeyId: row.deskKeyId as DeskKeyId,
  sequence: row.sequence,
  sealed: row.sealed,
});

const deskKeyFromRow = (row: DeskKeyRow): DeskKeyRecord => ({
  id: row.id as DeskKeyId,
  deskId: row.deskId as DeskId,
  publicKey: row.publicKey,
  recoveryGrant: row.recoveryGrant,
  createdAt: row.createdAt,
  retiredAt: row.retiredAt,
});

const reviewerFromRow = (row: ReviewerRow): ReviewerRecord => ({
  id: row.id as ReviewerId,
  name: row.name,
  role: row.role,
  publicKey: row.publicKey,
  wrappedSecretKey: row.wrappedSecretKey,
  kdfSalt: row.kdfSalt,
  kdfParams: JSON.parse(row.kdfParams) as KdfParams,
  verifier: row.verifier,
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
  envelope: row.envelope,
  triage: row.triage,
});

const invitationFromRow = (row: typeof schema.invitations.$inferSelect): InvitationRecord => ({
  id: row.id as InvitationId,
  tokenHash: row.tokenHash,
  role: row.role,
  createdBy: row.createdBy as ReviewerId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  usedAt: row.usedAt,
  reviewerId: row.reviewerId as ReviewerId | null,
});

const messageFromRow = (row: MessageRow): MessageRecord => ({
  id: row.id as MessageId,
  tipId: row.tipId as TipId,
  kind: row.kind,
  authorId: row.authorId as ReviewerId | null,
  deskKeyId: row.deskKeyId as DeskKeyId,
  createdAt: row.createdAt,
  sequence: row.sequence,
  forDesk: row.forDesk,
  forTipster: row.forTipster,
});

const inboxFromRow = (row: typeof schema.inboxes.$inferSelect) => ({
  lookupId: row.lookupId,
  tipId: row.tipId as TipId,
  replyPublicKey: row.replyPublicKey,
});

const credentialColumns = (credentials: ReviewerCredentials) => ({
  publicKey: credentials.publicKey,
  wrappedSecretKey: credentials.wrappedSecretKey,
  kdfSalt: credentials.kdfSalt,
  kdfParams: JSON.stringify(credentials.kdfParams),
  verifier: credentials.verifier,
});

/**
 * Refuses a database that has applied a migration this code does not know (it was written by
 * a newer tipline) and says how many known migrations are still to apply. Reading this needs
 * no privilege beyond SELECT on drizzle.__drizzle_migrations, so an app role that cannot
 * create tables starts on an up-to-date schema without running the migrator.
 */
export async function checkPostgresSchema(
  db: PgStoreDatabase,
  migrationsFolder = POSTGRES_MIGRATIONS_FOLDER,
): Promise<{ pending: number }> {
  // node-postgres and PGlite both answer with { rows }
  const rowsOf = async <R>(query: SQL): Promise<R[]> => {
    const result: unknown = await db.execute(query);
    return (result as { rows: R[] }).rows;
  };
  const known = readMigrationFiles({ migrationsFolder });
  const exists = await rowsOf<{ present: string | null }>(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS present`,
  );
  if (!exists[0]?.present) return { pending: known.length };
  const knownHashes = new Set(known.map((m) => m.hash));
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = await rowsOf<{ hash: string; created_at: string | number }>(
    sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations`,
  );
  if (applied.some((row) => !knownHashes.has(row.hash) || Number(row.created_at) > newestKnown)) {
    throw new StoreOpenError(
      'the database was written by a newer version of tipline; upgrade tipline before starting it',
    );
  }
  const appliedHashes = new Set(applied.map((row) => row.hash));
  return { pending: known.filter((m) => !appliedHashes.has(m.hash)).length };
}

export interface PostgresStoreHooks {
  readonly backupTo: (path: string) => Promise<void>;
  /** The runner lease (runner-lease.ts); an in-process database (PGlite) is always the runner. */
  readonly isRunner?: () => Promise<boolean>;
  readonly close: () => Promise<void>;
}

/**
 * The PostgreSQL implementation of core's Store port, over any drizzle PostgreSQL database.
 * Calls made inside `transaction(work)`'s async context run on that transaction's connection
 * (AsyncLocalStorage, as the SQLite gate does); everyone else uses the pool.
 */
export function createPostgresStore(db: PgStoreDatabase, hooks: PostgresStoreHooks): Store {
  const current = new AsyncLocalStorage<PgStoreDatabase>();
  const q = (): PgStoreDatabase => current.getStore() ?? db;
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
    if (query.after)
      filters.push(
        sql`(${tips.receivedAt}, ${tips.id}) < (${query.after.receivedAt}::bigint, ${query.after.id}::text)`,
      );
    if (query.status) filters.push(eq(tips.status, query.status));
    if (query.channel) filters.push(eq(tips.channel, query.channel));
    if (query.deskId) filters.push(eq(tips.deskId, query.deskId));
    if (query.assigneeId === null) filters.push(isNull(tips.assigneeId));
    else if (query.assigneeId !== undefined) filters.push(eq(tips.assigneeId, query.assigneeId));
    return filters.length > 0 ? and(...filters) : undefined;
  };
  const auditFromRow = (row: typeof auditLog.$inferSelect): AuditRecord => ({ ...row });
  const first = <T>(rows: T[]): T | undefined => rows[0];
  const passkeyFromRow = (row: typeof reviewerPasskeys.$inferSelect): PasskeyRecord => ({
    ...row,
    reviewerId: row.reviewerId as ReviewerId,
    transports: row.transports === '' ? [] : row.transports.split(','),
  });

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    const outer = current.getStore();
    // nested: drizzle makes it a savepoint on the same connection
    if (outer) return outer.transaction((tx) => current.run(tx, work));
    // READ COMMITTED on purpose: each statement after the lock sees every transaction that
    // held it before. REPEATABLE READ would take its snapshot before the lock was granted.
    return db.transaction(async (tx) => {
      await tx.execute(TAKE_WRITE_LOCK);
      return current.run(tx, work);
    });
  }
  // 500 ids a statement, as the SQLite store does
  const chunks = <T>(ids: readonly T[]): T[][] => {
    const out: T[][] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(ids.slice(i, i + 500));
    return out;
  };

  const store: Store = {
    transaction,

    tables: {
      names: () => PG_TABLES.map((shape) => shape.name),
      readRows: async (name, offset, limit) => {
        const { table, keys } = findShape(PG_TABLES, name);
        const rows = await q()
          .select()
          .from(table as PgTable)
          .orderBy(...(keys as PgColumn[]))
          .limit(limit)
          .offset(offset);
        return rows.map((row) => toStoreRow(table, row));
      },
      writeRows: async (name, rows) => {
        if (rows.length === 0) return;
        const { table } = findShape(PG_TABLES, name);
        await q()
          .insert(table as PgTable)
          .values(rows.map((row) => fromStoreRow(table, row)));
      },
    },

    getMeta: async (key) => first(await q().select().from(meta).where(eq(meta.key, key)))?.value,
    setMeta: async (key, value) => {
      await q()
        .insert(meta)
        .values({ key, value })
        .onConflictDoUpdate({ target: meta.key, set: { value } });
    },

    insertDesk: async (desk) => {
      await q()
        .insert(desks)
        .values({ ...desk, checkBack: desk.checkBack ?? null });
    },
    listDesks: async () =>
      (await q().select().from(desks).orderBy(desks.createdAt, desks.name)).map(deskFromRow),
    getDesk: async (id) => {
      const row = first(await q().select().from(desks).where(eq(desks.id, id)));
      return row && deskFromRow(row);
    },
    getDeskByName: async (name) => {
      const row = first(await q().select().from(desks).where(eq(desks.name, name)));
      return row && deskFromRow(row);
    },

    insertDeskKey: async (key) => {
      await q().insert(deskKeys).values(key);
    },
    getDeskKey: async (id) => {
      const row = first(await q().select().from(deskKeys).where(eq(deskKeys.id, id)));
      return row && deskKeyFromRow(row);
    },
    listDeskKeys: async (deskId) =>
      (
        await q()
          .select()
          .from(deskKeys)
          .where(deskId === undefined ? undefined : eq(deskKeys.deskId, deskId))
          .orderBy(deskKeys.createdAt, deskKeys.id)
      ).map(deskKeyFromRow),
    getActiveDeskKey: async (deskId) => {
      const row = first(
        await q()
          .select()
          .from(deskKeys)
          .where(and(eq(deskKeys.deskId, deskId), isNull(deskKeys.retiredAt)))
          .orderBy(desc(deskKeys.createdAt), desc(deskKeys.id))
          .limit(1),
      );
      return row && deskKeyFromRow(row);
    },
    retireDeskKey: async (id, at) => {
      await q().update(deskKeys).set({ retiredAt: at }).where(eq(deskKeys.id, id));
    },

    insertReviewer: async (reviewer) => {
      await q()
        .insert(reviewers)
        .values({
          id: reviewer.id,
          name: reviewer.name,
          role: reviewer.role,
          createdAt: reviewer.createdAt,
          revokedAt: reviewer.revokedAt,
          ...credentialColumns(reviewer),
        });
    },
    getReviewer: async (id) => {
      const row = first(await q().select().from(reviewers).where(eq(reviewers.id, id)));
      return row && reviewerFromRow(row);
    },
    getReviewerByName: async (name) => {
      const row = first(await q().select().from(reviewers).where(eq(reviewers.name, name)));
      return row && reviewerFromRow(row);
    },
    listReviewers: async () =>
      (await q().select().from(reviewers).orderBy(reviewers.createdAt, reviewers.name)).map(
        reviewerFromRow,
      ),
    countActiveReviewers: async () =>
      first(await q().select({ n: count() }).from(reviewers).where(isNull(reviewers.revokedAt)))
        ?.n ?? 0,
    updateReviewerCredentials: async (id, credentials) => {
      await q().update(reviewers).set(credentialColumns(credentials)).where(eq(reviewers.id, id));
    },
    markReviewerRevoked: async (id, at) => {
      await q().update(reviewers).set({ revokedAt: at }).where(eq(reviewers.id, id));
    },
    getReviewerLocale: async (id) =>
      first(
        await q().select({ locale: reviewers.locale }).from(reviewers).where(eq(reviewers.id, id)),
      )?.locale ?? null,
    setReviewerLocale: async (id, locale) => {
      await q().update(reviewers).set({ locale }).where(eq(reviewers.id, id));
    },
    insertPasskey: async (passkey) => {
      await q()
        .insert(reviewerPasskeys)
        .values({ ...passkey, transports: passkey.transports.join(',') });
    },
    getPasskey: async (credentialId) => {
      const row = first(
        await q()
          .select()
          .from(reviewerPasskeys)
          .where(eq(reviewerPasskeys.credentialId, credentialId)),
      );
      return row && passkeyFromRow(row);
    },
    listPasskeys: async (reviewerId) =>
      (
        await q()
          .select()
          .from(reviewerPasskeys)
          .where(eq(reviewerPasskeys.reviewerId, reviewerId))
          .orderBy(reviewerPasskeys.createdAt, reviewerPasskeys.credentialId)
      ).map(passkeyFromRow),
    advancePasskeyCounter: async (credentialId, counter, at) =>
      (
        await q()
          .update(reviewerPasskeys)
          .set({ counter, lastUsedAt: at })
          .where(
            and(
              eq(reviewerPasskeys.credentialId, credentialId),
              counter === 0
                ? eq(reviewerPasskeys.counter, 0)
                : lt(reviewerPasskeys.counter, counter),
            ),
          )
          .returning({ id: reviewerPasskeys.credentialId })
      ).length === 1,
    deletePasskey: async (reviewerId, credentialId) =>
      (
        await q()
          .delete(reviewerPasskeys)
          .where(
            and(
              eq(reviewerPasskeys.reviewerId, reviewerId),
              eq(reviewerPasskeys.credentialId, credentialId),
            ),
          )
          .returning({ id: reviewerPasskeys.credentialId })
      ).length === 1,
    getReviewerTotp: async (id) => {
      const row = first(
        await q()
          .select({ sealed: reviewers.totpSealed, lastStep: reviewers.totpLastStep })
          .from(reviewers)
          .where(eq(reviewers.id, id)),
      );
      return row && { sealedSecret: row.sealed, lastStep: row.lastStep };
    },
    setReviewerTotp: async (id, sealedSecret) => {
      await q()
        .update(reviewers)
        .set({ totpSealed: sealedSecret, totpLastStep: null })
        .where(eq(reviewers.id, id));
    },
    // one conditional UPDATE: atomic against a second instance without a transaction
    advanceTotpStep: async (id, step) =>
      (
        await q()
          .update(reviewers)
          .set({ totpLastStep: step })
          .where(
            and(
              eq(reviewers.id, id),
              or(isNull(reviewers.totpLastStep), lt(reviewers.totpLastStep, step)),
            ),
          )
          .returning({ id: reviewers.id })
      ).length === 1,

    insertInvitation: async (invitation) => {
      await q().insert(invitations).values(invitation);
    },
    getInvitationByTokenHash: async (tokenHash) => {
      const row = first(
        await q().select().from(invitations).where(eq(invitations.tokenHash, tokenHash)),
      );
      return row && invitationFromRow(row);
    },
    listInvitations: async () =>
      (await q().select().from(invitations).orderBy(desc(invitations.createdAt))).map(
        invitationFromRow,
      ),
    markInvitationUsed: async (id, reviewerId, at) =>
      (
        await q()
          .update(invitations)
          .set({ usedAt: at, reviewerId })
          .where(and(eq(invitations.id, id), isNull(invitations.usedAt)))
          .returning({ id: invitations.id })
      ).length === 1,

    putGrant: async (grant) => {
      await q()
        .insert(grants)
        .values(grant)
        .onConflictDoUpdate({
          target: [grants.deskKeyId, grants.reviewerId],
          set: { sealedDeskKey: grant.sealedDeskKey, createdAt: grant.createdAt },
        });
    },
    listGrantsForReviewer: async (reviewerId) =>
      (await q().select().from(grants).where(eq(grants.reviewerId, reviewerId))).map(
        (row): GrantRecord => ({
          deskKeyId: row.deskKeyId as DeskKeyId,
          reviewerId: row.reviewerId as ReviewerId,
          sealedDeskKey: row.sealedDeskKey,
          createdAt: row.createdAt,
        }),
      ),
    deleteGrantsForReviewer: async (reviewerId) => {
      await q().delete(grants).where(eq(grants.reviewerId, reviewerId));
    },

    // its own transaction, or a savepoint inside the caller's: all of it or none of it
    insertTip: (tip, inbox, files) =>
      q().transaction(async (tx) => {
        await tx.insert(tips).values(tip);
        if (inbox) await tx.insert(inboxes).values(inbox);
        if (files.length > 0) await tx.insert(attachments).values([...files]);
      }),
    getTip: async (id) => {
      const row = first(await q().select().from(tips).where(eq(tips.id, id)));
      return row && tipFromRow(row);
    },
    listTips: async (query) =>
      (
        await q()
          .select()
          .from(tips)
          .where(tipFilters(query))
          .orderBy(desc(tips.receivedAt), desc(tips.id))
          .limit(query.limit)
          .offset(query.offset ?? 0)
      ).map(tipFromRow),
    listTipHeads: async (query) =>
      (
        await q()
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
      ).map((row): TipHead => ({
        id: row.id as TipId,
        deskId: row.deskId as DeskId,
        deskKeyId: row.deskKeyId as DeskKeyId,
        channel: row.channel,
        status: row.status,
        assigneeId: row.assigneeId as ReviewerId | null,
        receivedAt: row.receivedAt,
        triage: row.triage,
      })),
    countTips: async (query = {}) =>
      first(await q().select({ n: count() }).from(tips).where(tipFilters(query)))?.n ?? 0,
    listAttachments: async (tipId) =>
      (await q().select().from(attachments).where(eq(attachments.tipId, tipId))).map(
        (row): AttachmentRecord => ({
          id: row.id as AttachmentId,
          tipId: row.tipId as TipId,
          ciphertext: row.ciphertext,
        }),
      ),
    getInbox: async (lookupId) => {
      const row = first(await q().select().from(inboxes).where(eq(inboxes.lookupId, lookupId)));
      return row && inboxFromRow(row);
    },
    getInboxForTip: async (tipId) => {
      const row = first(await q().select().from(inboxes).where(eq(inboxes.tipId, tipId)));
      return row && inboxFromRow(row);
    },

    // The tip's row lock orders two instances appending to one thread; the unique
    // (tip_id, sequence) index would turn a missed lock into an error, not a shared number.
    appendMessage: (message) =>
      q().transaction(async (tx) => {
        await tx
          .select({ id: tips.id })
          .from(tips)
          .where(eq(tips.id, message.tipId))
          .for('no key update');
        const last = first(
          await tx
            .select({ n: max(messages.sequence) })
            .from(messages)
            .where(eq(messages.tipId, message.tipId)),
        );
        const record: MessageRecord = { ...message, sequence: (last?.n ?? 0) + 1 };
        await tx.insert(messages).values(record);
        return record;
      }),
    listMessages: async (tipId) =>
      (
        await q()
          .select()
          .from(messages)
          .where(eq(messages.tipId, tipId))
          .orderBy(messages.sequence)
      ).map(messageFromRow),

    setTipStatus: async (id, status) => {
      await q().update(tips).set({ status }).where(eq(tips.id, id));
    },
    setTipAssignee: async (id, assigneeId) => {
      await q().update(tips).set({ assigneeId }).where(eq(tips.id, id));
    },
    setTipTriage: async (id, sealedTriage) => {
      await q().update(tips).set({ triage: sealedTriage }).where(eq(tips.id, id));
    },
    moveTip: async (move) => {
      class Mismatch extends Error {}
      try {
        await q().transaction(async (tx) => {
          const moved = await tx
            .update(tips)
            .set({
              deskId: move.toDeskId,
              deskKeyId: move.toDeskKeyId,
              envelope: move.envelope,
              triage: move.triage,
            })
            .where(and(eq(tips.id, move.tipId), eq(tips.deskId, move.fromDeskId)))
            .returning({ id: tips.id });
          if (moved.length !== 1) throw new Mismatch();
          const files = first(
            await tx
              .select({ n: count() })
              .from(attachments)
              .where(eq(attachments.tipId, move.tipId)),
          );
          const thread = first(
            await tx.select({ n: count() }).from(messages).where(eq(messages.tipId, move.tipId)),
          );
          if (
            Number(files?.n ?? 0) !== move.attachments.length ||
            Number(thread?.n ?? 0) !== move.messages.length
          )
            throw new Mismatch();
          for (const file of move.attachments) {
            const done = await tx
              .update(attachments)
              .set({ ciphertext: file.ciphertext })
              .where(and(eq(attachments.id, file.id), eq(attachments.tipId, move.tipId)))
              .returning({ id: attachments.id });
            if (done.length !== 1) throw new Mismatch();
          }
          for (const message of move.messages) {
            const done = await tx
              .update(messages)
              .set({ deskKeyId: move.toDeskKeyId, forDesk: message.forDesk })
              .where(and(eq(messages.id, message.id), eq(messages.tipId, move.tipId)))
              .returning({ id: messages.id });
            if (done.length !== 1) throw new Mismatch();
          }
        });
        return true;
      } catch (error) {
        if (error instanceof Mismatch) return false;
        throw error;
      }
    },
    deleteTipsBefore: async (before, statuses) =>
      (
        await q()
          .delete(tips)
          .where(and(lt(tips.receivedAt, before), inArray(tips.status, [...statuses])))
          .returning({ id: tips.id })
      ).length,

    setDeskCheckBack: async (id, checkBack) => {
      await q().update(desks).set({ checkBack }).where(eq(desks.id, id));
    },

    getAlertSettings: async (reviewerId) => {
      const row = first(
        await q().select().from(reviewerAlerts).where(eq(reviewerAlerts.reviewerId, reviewerId)),
      );
      return row && alertSettingsFromRow(row);
    },
    listAlertSettings: async () =>
      (await q().select().from(reviewerAlerts)).map(alertSettingsFromRow),
    putAlertSettings: async (record) => {
      const columns = {
        language: record.language,
        emailSealed: record.emailSealed,
        telegramSealed: record.telegramSealed,
      };
      await q()
        .insert(reviewerAlerts)
        .values({ reviewerId: record.reviewerId, ...columns })
        .onConflictDoUpdate({ target: reviewerAlerts.reviewerId, set: columns });
    },
    setLastAlertAt: async (reviewerId, at) => {
      await q()
        .update(reviewerAlerts)
        .set({ lastAlertAt: at })
        .where(eq(reviewerAlerts.reviewerId, reviewerId));
    },
    // its own transaction, or a savepoint inside the caller's: all of it or none of it
    deleteAlertSettings: (reviewerId) =>
      q().transaction(async (tx) => {
        await tx.delete(alertOutbox).where(eq(alertOutbox.reviewerId, reviewerId));
        await tx.delete(alertLinkCodes).where(eq(alertLinkCodes.reviewerId, reviewerId));
        await tx.delete(reviewerAlerts).where(eq(reviewerAlerts.reviewerId, reviewerId));
      }),
    // one upsert: the earlier of the pending and the new due time, atomic across instances
    scheduleAlert: async (reviewerId, channel, dueAt) => {
      await q()
        .insert(alertOutbox)
        .values({ reviewerId, channel, dueAt, attempts: 0 })
        .onConflictDoUpdate({
          target: [alertOutbox.reviewerId, alertOutbox.channel],
          set: { dueAt: sql`least(${alertOutbox.dueAt}, excluded.due_at)` },
        });
    },
    takeSharedToken: async (scope, key, capacity, now) => {
      const full = capacity * TOKEN;
      // refilled up to now, never above full, never by a clock that went back
      const refilled = sql`LEAST(${full}::bigint, ${sharedCounters.value} + GREATEST(0, LEAST(${HOUR_MS}::bigint, ${now}::bigint - ${sharedCounters.updatedAt})) * ${full}::bigint / ${HOUR_MS}::bigint)`;
      const rows = await q()
        .insert(sharedCounters)
        .values({ scope, key, value: full - TOKEN, updatedAt: now })
        .onConflictDoUpdate({
          target: [sharedCounters.scope, sharedCounters.key],
          set: { value: sql`${refilled} - ${TOKEN}::bigint`, updatedAt: now },
          setWhere: sql`${refilled} >= ${TOKEN}::bigint`,
        })
        .returning({ value: sharedCounters.value });
      return rows.length === 1;
    },
    countSharedFailure: async (scope, key, now, forgetBefore) =>
      first(
        await q()
          .insert(sharedCounters)
          .values({ scope, key, value: 1, updatedAt: now })
          .onConflictDoUpdate({
            target: [sharedCounters.scope, sharedCounters.key],
            set: {
              value: sql`CASE WHEN ${sharedCounters.updatedAt} < ${forgetBefore}::bigint THEN 1 ELSE ${sharedCounters.value} + 1 END`,
              updatedAt: now,
            },
          })
          .returning({ value: sharedCounters.value }),
      )?.value ?? 1,
    getSharedCounter: async (scope, key) =>
      first(
        await q()
          .select({ value: sharedCounters.value, updatedAt: sharedCounters.updatedAt })
          .from(sharedCounters)
          .where(and(eq(sharedCounters.scope, scope), eq(sharedCounters.key, key))),
      ),
    deleteSharedCounter: async (scope, key) => {
      await q()
        .delete(sharedCounters)
        .where(and(eq(sharedCounters.scope, scope), eq(sharedCounters.key, key)));
    },
    claimOnce: async (scope, key, now) =>
      (
        await q()
          .insert(sharedCounters)
          .values({ scope, key, value: 0, updatedAt: now })
          .onConflictDoNothing()
          .returning({ value: sharedCounters.value })
      ).length === 1,
    sweepSharedCounters: async (before) =>
      (
        await q()
          .delete(sharedCounters)
          .where(lt(sharedCounters.updatedAt, before))
          .returning({ value: sharedCounters.value })
      ).length,
    listDueAlerts: async (now, limit) =>
      (
        await q()
          .select()
          .from(alertOutbox)
          .where(lte(alertOutbox.dueAt, now))
          .orderBy(alertOutbox.dueAt)
          .limit(limit)
      ).map(alertDueFromRow),
    listScheduledAlerts: async () =>
      (await q().select().from(alertOutbox).orderBy(alertOutbox.dueAt)).map(alertDueFromRow),
    rescheduleAlert: async (reviewerId, channel, dueAt, attempts) => {
      await q()
        .update(alertOutbox)
        .set({ dueAt, attempts })
        .where(and(eq(alertOutbox.reviewerId, reviewerId), eq(alertOutbox.channel, channel)));
    },
    deleteScheduledAlert: async (reviewerId, channel) => {
      await q()
        .delete(alertOutbox)
        .where(and(eq(alertOutbox.reviewerId, reviewerId), eq(alertOutbox.channel, channel)));
    },
    putAlertLinkCode: (record) =>
      q().transaction(async (tx) => {
        await tx.delete(alertLinkCodes).where(eq(alertLinkCodes.reviewerId, record.reviewerId));
        await tx.insert(alertLinkCodes).values(record);
      }),
    // DELETE … RETURNING: a code is taken once even with two instances racing for it
    takeAlertLinkCode: async (codeHash) => {
      const row = first(
        await q().delete(alertLinkCodes).where(eq(alertLinkCodes.codeHash, codeHash)).returning(),
      );
      return (
        row && {
          codeHash: row.codeHash,
          reviewerId: row.reviewerId as ReviewerId,
          expiresAt: row.expiresAt,
        }
      );
    },
    deleteExpiredAlertLinkCodes: async (now) => {
      await q().delete(alertLinkCodes).where(lte(alertLinkCodes.expiresAt, now));
    },
    insertUrgentTip: async (record) => {
      await q().insert(urgentTips).values(record);
    },
    listUrgentTips: async () =>
      (await q().select().from(urgentTips)).map((row) => ({
        id: row.id,
        sealed: row.sealed,
        escalated: row.escalated,
      })),
    markUrgentTipEscalated: async (id) => {
      await q().update(urgentTips).set({ escalated: true }).where(eq(urgentTips.id, id));
    },
    deleteUrgentTip: async (id) => {
      await q().delete(urgentTips).where(eq(urgentTips.id, id));
    },
    // Under the store's write lock (its own transaction, or the caller's), so two instances
    // never read the same max; the unique (desk_id, sequence) index would refuse it anyway.
    appendSearchSegment: (segment) =>
      transaction(async () => {
        const last = first(
          await q()
            .select({ n: max(searchSegments.sequence) })
            .from(searchSegments)
            .where(eq(searchSegments.deskId, segment.deskId)),
        );
        const record: SearchSegmentRecord = { ...segment, sequence: (last?.n ?? 0) + 1 };
        await q().insert(searchSegments).values(record);
        return record;
      }),
    listSearchSegmentHeads: async (deskId) =>
      (
        await q()
          .select({
            id: searchSegments.id,
            deskId: searchSegments.deskId,
            deskKeyId: searchSegments.deskKeyId,
            sequence: searchSegments.sequence,
          })
          .from(searchSegments)
          .where(eq(searchSegments.deskId, deskId))
          .orderBy(searchSegments.sequence)
      ).map((row): SearchSegmentHead => ({
        id: row.id as SearchSegmentId,
        deskId: row.deskId as DeskId,
        deskKeyId: row.deskKeyId as DeskKeyId,
        sequence: row.sequence,
      })),
    getSearchSegments: async (ids) => {
      const out: SearchSegmentRecord[] = [];
      for (const chunk of chunks(ids))
        for (const row of await q()
          .select()
          .from(searchSegments)
          .where(inArray(searchSegments.id, chunk))
          .orderBy(searchSegments.sequence))
          out.push(segmentFromRow(row));
      return out;
    },
    deleteSearchSegments: (ids) =>
      q().transaction(async (tx) => {
        let deleted = 0;
        for (const chunk of chunks(ids))
          deleted += (
            await tx
              .delete(searchSegments)
              .where(inArray(searchSegments.id, chunk))
              .returning({ id: searchSegments.id })
          ).length;
        return deleted;
      }),

    // Under the write lock, as appendSearchSegment; the unique (desk_id, version) index backs it.
    appendQuestionnaire: (row) =>
      transaction(async () => {
        const last = first(
          await q()
            .select({ n: max(questionnaires.version) })
            .from(questionnaires)
            .where(eq(questionnaires.deskId, row.deskId)),
        );
        const record: QuestionnaireRow = { ...row, version: (last?.n ?? 0) + 1 };
        await q().insert(questionnaires).values(record);
        return record;
      }),
    getQuestionnaire: async (id) => {
      const row = first(await q().select().from(questionnaires).where(eq(questionnaires.id, id)));
      return row && questionnaireFromRow(row);
    },
    getCurrentQuestionnaire: async (deskId) => {
      const row = first(
        await q()
          .select()
          .from(questionnaires)
          .where(eq(questionnaires.deskId, deskId))
          .orderBy(desc(questionnaires.version))
          .limit(1),
      );
      return row && questionnaireFromRow(row);
    },
    listQuestionnaires: async (deskId) =>
      (
        await q()
          .select()
          .from(questionnaires)
          .where(eq(questionnaires.deskId, deskId))
          .orderBy(questionnaires.version)
      ).map(questionnaireFromRow),

    lastAudit: async () => {
      const row = first(
        await q().select().from(auditLog).orderBy(desc(auditLog.sequence)).limit(1),
      );
      return row && auditFromRow(row);
    },
    appendAudit: async (record) => {
      await q().insert(auditLog).values(record);
    },
    listAudit: async (afterSequence, limit) =>
      (
        await q()
          .select()
          .from(auditLog)
          .where(gt(auditLog.sequence, afterSequence))
          .orderBy(auditLog.sequence)
          .limit(limit)
      ).map(auditFromRow),

    backupTo: (path) => hooks.backupTo(path),
    isRunner: () => hooks.isRunner?.() ?? Promise.resolve(true),
    close: () => hooks.close(),
  };
  return withConnectionFailures(store);
}

/** Every store call, `tables` included, reporting a lost or refused connection as 'unavailable'. */
function withConnectionFailures(store: Store): Store {
  const wrapAll = <T extends object>(methods: T): T =>
    Object.fromEntries(
      Object.entries(methods).map(([name, value]) => [
        name,
        typeof value !== 'function'
          ? value
          : (...args: unknown[]) => {
              const result: unknown = (value as (...a: unknown[]) => unknown)(...args);
              // drizzle's query builders are thenables, not Promise instances
              return typeof (result as { then?: unknown } | null)?.then === 'function'
                ? Promise.resolve(result).catch((error: unknown) => {
                    throw asPostgresFailure(error);
                  })
                : result;
            },
      ]),
    ) as T;
  return { ...wrapAll(store), ...(store.tables ? { tables: wrapAll(store.tables) } : {}) };
}
