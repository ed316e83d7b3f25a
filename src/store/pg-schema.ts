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

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: bytes('value').notNull(),
});

export const desks = pgTable('desks', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  recoveryPublicKey: bytes('recovery_public_key').notNull(),
  createdAt: millis('created_at').notNull(),
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
