import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CHECK_BACK_CHOICES } from '../core/check-back.js';

/*
 * The PostgreSQL twin of schema.ts: the same tables, columns and plaintext rules. Plaintext
 * columns are limited to what DESIGN.md allows: random ids, times rounded to the hour, channel,
 * desk, workflow status, assignee, and sizes implied by bucket padding. Every other byte of
 * tipster content lives inside a sealed bytea. Times are milliseconds since the epoch, which
 * do not fit a 32-bit integer: bigint, read back as a JavaScript number.
 * test/store/pg-schema.test.ts fails when this file and schema.ts stop naming the same columns.
 */

/** bytea in, Uint8Array out: node-postgres hands back a Buffer, PGlite a Uint8Array. */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});
const millis = (name: string) => bigint(name, { mode: 'number' });
/** A flag kept as integer 0/1, as SQLite keeps it, so whole-table copies move it unchanged. */
const flag = customType<{ data: boolean; driverData: number }>({
  dataType: () => 'integer',
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => Number(value) !== 0,
});

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: bytes('value').notNull(),
});

export const desks = pgTable('desks', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  recoveryPublicKey: bytes('recovery_public_key').notNull(),
  createdAt: millis('created_at').notNull(),
  /** When the receipt tells tipsters to check back (one of a fixed set); null: the default. */
  checkBack: text('check_back', { enum: CHECK_BACK_CHOICES }),
});

export const deskKeys = pgTable(
  'desk_keys',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    publicKey: bytes('public_key').notNull(),
    recoveryGrant: bytes('recovery_grant').notNull(),
    createdAt: millis('created_at').notNull(),
    retiredAt: millis('retired_at'),
  },
  (table) => [index('desk_keys_desk_idx').on(table.deskId)],
);

export const reviewers = pgTable('reviewers', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['admin', 'reviewer'] }).notNull(),
  publicKey: bytes('public_key').notNull(),
  wrappedSecretKey: bytes('wrapped_secret_key').notNull(),
  kdfSalt: bytes('kdf_salt').notNull(),
  kdfParams: text('kdf_params').notNull(),
  verifier: bytes('verifier').notNull(),
  createdAt: millis('created_at').notNull(),
  revokedAt: millis('revoked_at'),
  /** The TOTP secret sealed to the reviewer's own public key: opened only after the passphrase. */
  totpSealed: bytes('totp_sealed'),
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** The language the desk speaks to this reviewer (null: English); staff metadata. */
  locale: text('locale'),
});

export const grants = pgTable(
  'grants',
  {
    deskKeyId: text('desk_key_id')
      .notNull()
      .references(() => deskKeys.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    sealedDeskKey: bytes('sealed_desk_key').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deskKeyId, table.reviewerId] })],
);

export const tips = pgTable(
  'tips',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    deskKeyId: text('desk_key_id')
      .notNull()
      .references(() => deskKeys.id),
    channel: text('channel', { enum: ['web', 'telegram'] }).notNull(),
    status: text('status', { enum: ['new', 'in_review', 'escalated', 'closed', 'spam'] })
      .notNull()
      .default('new'),
    assigneeId: text('assignee_id').references(() => reviewers.id),
    receivedAt: millis('received_at').notNull(),
    envelope: bytes('envelope').notNull(),
    /** Labels and priority, sealed to the desk key (tip envelope format); null until triaged. */
    triage: bytes('triage'),
  },
  (table) => [
    // Listings order by (received_at DESC, id DESC); as in SQLite, each filter index ends in
    // (received_at, id) so a page is read in index order.
    index('tips_received_idx').on(table.receivedAt, table.id),
    index('tips_assignee_order_idx').on(table.assigneeId, table.receivedAt, table.id),
    index('tips_channel_order_idx').on(table.channel, table.receivedAt, table.id),
    index('tips_status_order_idx').on(table.status, table.receivedAt, table.id),
    index('tips_desk_order_idx').on(table.deskId, table.receivedAt, table.id),
  ],
);

export const inboxes = pgTable('inboxes', {
  lookupId: bytes('lookup_id').primaryKey(),
  tipId: text('tip_id')
    .notNull()
    .references(() => tips.id, { onDelete: 'cascade' }),
  replyPublicKey: bytes('reply_public_key').notNull(),
});

export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    ciphertext: bytes('ciphertext').notNull(),
  },
  (table) => [index('attachments_tip_idx').on(table.tipId)],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['followup', 'reply', 'note'] }).notNull(),
    authorId: text('author_id').references(() => reviewers.id),
    deskKeyId: text('desk_key_id')
      .notNull()
      .references(() => deskKeys.id),
    createdAt: millis('created_at').notNull(),
    sequence: integer('sequence').notNull(),
    forDesk: bytes('for_desk').notNull(),
    forTipster: bytes('for_tipster'),
  },
  // Unique here (a plain index in SQLite, whose single writer cannot race): two instances
  // appending to one thread must fail loudly rather than share a sequence number.
  (table) => [uniqueIndex('messages_tip_idx').on(table.tipId, table.sequence)],
);

export const auditLog = pgTable('audit_log', {
  sequence: integer('sequence').primaryKey(),
  at: millis('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject'),
  detail: text('detail'),
  previousHash: bytes('previous_hash').notNull(),
  hash: bytes('hash').notNull(),
});

export const invitations = pgTable('invitations', {
  id: text('id').primaryKey(),
  tokenHash: bytes('token_hash').notNull().unique(),
  role: text('role', { enum: ['admin', 'reviewer'] }).notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => reviewers.id),
  createdAt: millis('created_at').notNull(),
  expiresAt: millis('expires_at').notNull(),
  usedAt: millis('used_at'),
  reviewerId: text('reviewer_id').references(() => reviewers.id),
});

/**
 * A reviewer's alert channels. The e-mail address and the Telegram chat id are sealed to the
 * server alert key (a file in the data directory, never in this database), so a copy of the
 * database alone shows neither. The language is the reviewer's choice for the alert text.
 */
export const reviewerAlerts = pgTable('reviewer_alerts', {
  reviewerId: text('reviewer_id')
    .primaryKey()
    .references(() => reviewers.id),
  language: text('language').notNull(),
  emailSealed: bytes('email_sealed'),
  telegramSealed: bytes('telegram_sealed'),
  /** When this reviewer was last alerted, so ordinary activity is batched per interval. */
  lastAlertAt: millis('last_alert_at'),
});

/**
 * The alert outbox: payload-free rows (who, which channel, when due, how many tries). The
 * text is fixed and the address sealed elsewhere, so a row says only that an alert is pending.
 */
export const alertOutbox = pgTable(
  'alert_outbox',
  {
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    channel: text('channel', { enum: ['email', 'telegram'] }).notNull(),
    dueAt: millis('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.reviewerId, table.channel] }),
    index('alert_outbox_due_idx').on(table.dueAt),
  ],
);

/** One-time codes that link a reviewer's Telegram chat: only a hash, short-lived, single use. */
export const alertLinkCodes = pgTable('alert_link_codes', {
  codeHash: bytes('code_hash').primaryKey(),
  reviewerId: text('reviewer_id')
    .notNull()
    .references(() => reviewers.id),
  expiresAt: millis('expires_at').notNull(),
});

/**
 * Danger tips still waiting (status new): the tip id and arrival time sealed to the server
 * alert key, for escalation and the desk's waiting count. Deleted when the tip leaves `new`.
 */
export const urgentTips = pgTable('waiting_danger_tips', {
  id: text('id').primaryKey(),
  sealed: bytes('sealed').notNull(),
  escalated: flag('escalated')
    .notNull()
    .default(sql`0`),
});

/**
 * The desk's sealed search index (docs/CRYPTO.md, "Search segments"): each row a bucket-padded
 * blob sealed to a desk key. Unique on (desk, sequence) here (a plain index in SQLite, whose
 * single writer cannot race): two instances appending must never share a sequence number.
 */
export const searchSegments = pgTable(
  'search_segments',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    deskKeyId: text('desk_key_id')
      .notNull()
      .references(() => deskKeys.id),
    sequence: integer('sequence').notNull(),
    sealed: bytes('sealed').notNull(),
  },
  (table) => [uniqueIndex('search_segments_desk_idx').on(table.deskId, table.sequence)],
);

/** WebAuthn credentials (passkeys): see schema.ts. The counter is 32-bit unsigned: bigint. */
export const reviewerPasskeys = pgTable(
  'reviewer_passkeys',
  {
    credentialId: text('credential_id').primaryKey(),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    publicKey: bytes('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports').notNull(),
    label: text('label').notNull(),
    createdAt: millis('created_at').notNull(),
    lastUsedAt: millis('last_used_at'),
  },
  (table) => [index('reviewer_passkeys_reviewer_idx').on(table.reviewerId)],
);

/** As schema.ts: counters shared by the instances, keyed by a keyed hash, swept daily. */
export const sharedCounters = pgTable(
  'shared_counters',
  {
    scope: text('scope').notNull(),
    key: bytes('key').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.key] }),
    index('shared_counters_updated_idx').on(table.updatedAt),
  ],
);

/** Desk questionnaires, one row per version: see schema.ts. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    version: integer('version').notNull(),
    definition: text('definition').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (table) => [uniqueIndex('questionnaires_desk_version_idx').on(table.deskId, table.version)],
);
