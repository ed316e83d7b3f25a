import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { CHECK_BACK_CHOICES } from '../core/check-back.js';

/*
 * Plaintext columns are limited to what DESIGN.md allows: random ids, times rounded to the
 * hour, channel, desk, workflow status, assignee, and sizes implied by bucket padding.
 * Every other byte of tipster content lives inside a sealed blob.
 */

const bytes = (name: string) => blob(name, { mode: 'buffer' });

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: bytes('value').notNull(),
});

export const desks = sqliteTable('desks', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  recoveryPublicKey: bytes('recovery_public_key').notNull(),
  createdAt: integer('created_at').notNull(),
  /** When the receipt tells tipsters to check back (one of a fixed set); null: the default. */
  checkBack: text('check_back', { enum: CHECK_BACK_CHOICES }),
});

export const deskKeys = sqliteTable(
  'desk_keys',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    publicKey: bytes('public_key').notNull(),
    recoveryGrant: bytes('recovery_grant').notNull(),
    createdAt: integer('created_at').notNull(),
    retiredAt: integer('retired_at'),
  },
  (table) => [index('desk_keys_desk_idx').on(table.deskId)],
);

export const reviewers = sqliteTable('reviewers', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['admin', 'reviewer'] }).notNull(),
  publicKey: bytes('public_key').notNull(),
  wrappedSecretKey: bytes('wrapped_secret_key').notNull(),
  kdfSalt: bytes('kdf_salt').notNull(),
  kdfParams: text('kdf_params').notNull(),
  verifier: bytes('verifier').notNull(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
  /** The TOTP secret sealed to the reviewer's own public key: opened only after the passphrase. */
  totpSealed: bytes('totp_sealed'),
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: integer('totp_last_step'),
  /**
   * The language the desk speaks to this reviewer (a BCP 47 tag; null: English). Plaintext staff
   * metadata, like the name: it says nothing about any tip or tipster.
   */
  locale: text('locale'),
});

export const grants = sqliteTable(
  'grants',
  {
    deskKeyId: text('desk_key_id')
      .notNull()
      .references(() => deskKeys.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    sealedDeskKey: bytes('sealed_desk_key').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deskKeyId, table.reviewerId] })],
);

export const tips = sqliteTable(
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
    receivedAt: integer('received_at').notNull(),
    envelope: bytes('envelope').notNull(),
    /** Labels and priority, sealed to the desk key (tip envelope format); null until triaged. */
    triage: bytes('triage'),
  },
  (table) => [
    // Every listing orders by (received_at DESC, id DESC), and received_at is rounded to the
    // hour, so many tips share it: each filter index ends in id too, or SQLite sorts every tip
    // of the newest hours in a temp B-tree before it can return a page.
    index('tips_received_idx').on(table.receivedAt, table.id),
    index('tips_assignee_order_idx').on(table.assigneeId, table.receivedAt, table.id),
    index('tips_channel_order_idx').on(table.channel, table.receivedAt, table.id),
    index('tips_status_order_idx').on(table.status, table.receivedAt, table.id),
    index('tips_desk_order_idx').on(table.deskId, table.receivedAt, table.id),
  ],
);

export const inboxes = sqliteTable('inboxes', {
  lookupId: bytes('lookup_id').primaryKey(),
  tipId: text('tip_id')
    .notNull()
    .references(() => tips.id, { onDelete: 'cascade' }),
  replyPublicKey: bytes('reply_public_key').notNull(),
});

export const attachments = sqliteTable(
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

/**
 * The case thread: tipster follow-ups and reviewer replies (and, later, reviewer notes).
 * `forDesk` is always sealed to the desk key (tip envelope format) so reviewers can read the
 * whole thread; `forTipster` is sealed to the codename's reply key for what the tipster sees.
 */
export const messages = sqliteTable(
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
    createdAt: integer('created_at').notNull(),
    /** Orders messages within an hour-rounded createdAt without a precise timestamp. */
    sequence: integer('sequence').notNull(),
    forDesk: bytes('for_desk').notNull(),
    forTipster: bytes('for_tipster'),
  },
  (table) => [index('messages_tip_idx').on(table.tipId, table.sequence)],
);

/**
 * Hash-chained audit log: each entry's hash covers the previous hash and the entry, so an
 * edited, removed or reordered entry breaks the chain. Never an address or any tip content.
 */
export const auditLog = sqliteTable('audit_log', {
  sequence: integer('sequence').primaryKey(),
  at: integer('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject'),
  detail: text('detail'),
  previousHash: bytes('previous_hash').notNull(),
  hash: bytes('hash').notNull(),
});

/**
 * One-time invitations for new reviewers. Only a hash of the token is kept; the link itself is
 * shown once to the inviting admin.
 */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  tokenHash: bytes('token_hash').notNull().unique(),
  role: text('role', { enum: ['admin', 'reviewer'] }).notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => reviewers.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  /** The reviewer who accepted it, waiting for an admin to grant the desk key. */
  reviewerId: text('reviewer_id').references(() => reviewers.id),
});

/**
 * A reviewer's alert channels. The e-mail address and the Telegram chat id are sealed to the
 * server alert key (a file in the data directory, never in this database), so a copy of the
 * database alone shows neither. The language is the reviewer's choice for the alert text.
 */
export const reviewerAlerts = sqliteTable('reviewer_alerts', {
  reviewerId: text('reviewer_id')
    .primaryKey()
    .references(() => reviewers.id),
  language: text('language').notNull(),
  emailSealed: bytes('email_sealed'),
  telegramSealed: bytes('telegram_sealed'),
  /** When this reviewer was last alerted, so ordinary activity is batched per interval. */
  lastAlertAt: integer('last_alert_at'),
});

/**
 * The alert outbox: payload-free rows (who, which channel, when due, how many tries). The
 * text is fixed and the address sealed elsewhere, so a row says only that an alert is pending.
 */
export const alertOutbox = sqliteTable(
  'alert_outbox',
  {
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    channel: text('channel', { enum: ['email', 'telegram'] }).notNull(),
    dueAt: integer('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.reviewerId, table.channel] }),
    index('alert_outbox_due_idx').on(table.dueAt),
  ],
);

/** One-time codes that link a reviewer's Telegram chat: only a hash, short-lived, single use. */
export const alertLinkCodes = sqliteTable('alert_link_codes', {
  codeHash: bytes('code_hash').primaryKey(),
  reviewerId: text('reviewer_id')
    .notNull()
    .references(() => reviewers.id),
  expiresAt: integer('expires_at').notNull(),
});

/**
 * Danger tips still waiting (status new): the tip id and arrival time sealed to the server
 * alert key, for escalation and the desk's waiting count. Deleted when the tip leaves `new`.
 */
export const urgentTips = sqliteTable('waiting_danger_tips', {
  id: text('id').primaryKey(),
  sealed: bytes('sealed').notNull(),
  escalated: integer('escalated', { mode: 'boolean' }).notNull().default(false),
});

/**
 * The desk's sealed search index (docs/CRYPTO.md, "Search segments"): each row a bucket-padded
 * blob sealed to a desk key. On disk it shows only how many segments there are, their sizes
 * (buckets), desk, key id and order: never a word, label or tip id.
 */
export const searchSegments = sqliteTable(
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
  (table) => [index('search_segments_desk_idx').on(table.deskId, table.sequence)],
);

/**
 * WebAuthn credentials (passkeys), a reviewer's phishing-proof second factor: the credential id
 * (base64url), its public key (COSE), the authenticator's signature counter (a non-increasing
 * one is a replay or a cloned key) and its transports. Staff metadata like the name: nothing
 * here says anything about a tip or a tipster, and nothing here is secret.
 */
export const reviewerPasskeys = sqliteTable(
  'reviewer_passkeys',
  {
    credentialId: text('credential_id').primaryKey(),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    publicKey: bytes('public_key').notNull(),
    counter: integer('counter').notNull(),
    /** Comma-separated WebAuthn transports (usb, nfc, ble, internal, hybrid, …). */
    transports: text('transports').notNull(),
    label: text('label').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (table) => [index('reviewer_passkeys_reviewer_idx').on(table.reviewerId)],
);

/**
 * Counters shared by every instance on one database: token buckets (in thousandths of a token)
 * and login failure counts, keyed by a keyed hash (BLAKE2b under a subkey of
 * TIPLINE_SHARED_SECRET, which is never in the database) of an address, account name or chat
 * id, never the value itself; and Telegram update ids claimed once. Rows quiet for a day are swept.
 */
export const sharedCounters = sqliteTable(
  'shared_counters',
  {
    scope: text('scope').notNull(),
    key: bytes('key').notNull(),
    value: integer('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.key] }),
    index('shared_counters_updated_idx').on(table.updatedAt),
  ],
);

/**
 * Desk questionnaires, one row per version (core's questionnaire.ts). Public text (the questions
 * are on the tip form), so plaintext; never updated or deleted, so a tip shows the questions of
 * the version it answered. Answers are never here: they are sealed inside the tip envelope.
 */
export const questionnaires = sqliteTable(
  'questionnaires',
  {
    id: text('id').primaryKey(),
    deskId: text('desk_id')
      .notNull()
      .references(() => desks.id),
    version: integer('version').notNull(),
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('questionnaires_desk_version_idx').on(table.deskId, table.version)],
);
