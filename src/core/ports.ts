import type { KdfParams } from '../crypto/kdf-params.js';
import type { CheckBack } from './check-back.js';

/*
 * What core needs from the outside world. The store implements `Store` (src/store); adapters
 * and tests build a `Clock` and `Random`. Nothing here knows SQL, HTTP or Telegram.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TipId = Brand<string, 'TipId'>;
export type DeskId = Brand<string, 'DeskId'>;
export type DeskKeyId = Brand<string, 'DeskKeyId'>;
export type ReviewerId = Brand<string, 'ReviewerId'>;
export type AttachmentId = Brand<string, 'AttachmentId'>;
export type MessageId = Brand<string, 'MessageId'>;
export type SearchSegmentId = Brand<string, 'SearchSegmentId'>;
export type QuestionnaireId = Brand<string, 'QuestionnaireId'>;

export const CHANNELS = ['web', 'telegram'] as const;
export type Channel = (typeof CHANNELS)[number];
export const TIP_STATUSES = ['new', 'in_review', 'escalated', 'closed', 'spam'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const REVIEWER_ROLES = ['admin', 'reviewer'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Milliseconds since the epoch. Injected so tests can move time. */
export type Clock = () => number;

/** Randomness for ids and codenames. Production uses libsodium's CSPRNG. */
export interface Random {
  bytes(length: number): Uint8Array;
  /** A uniform integer in [0, upperBound). */
  uniform(upperBound: number): number;
}

export interface DeskRecord {
  readonly id: DeskId;
  readonly name: string;
  /** Public half of the recovery key: new desk keys are sealed to it on rotation. */
  readonly recoveryPublicKey: Uint8Array;
  readonly createdAt: number;
  /** When the receipt tells tipsters to check back; absent means DEFAULT_CHECK_BACK. */
  readonly checkBack?: CheckBack;
}

export interface DeskKeyRecord {
  readonly id: DeskKeyId;
  readonly deskId: DeskId;
  readonly publicKey: Uint8Array;
  /** The desk secret key sealed to the recovery key. */
  readonly recoveryGrant: Uint8Array;
  readonly createdAt: number;
  readonly retiredAt: number | null;
}

export interface ReviewerRecord {
  readonly id: ReviewerId;
  readonly name: string;
  readonly role: ReviewerRole;
  readonly publicKey: Uint8Array;
  readonly wrappedSecretKey: Uint8Array;
  readonly kdfSalt: Uint8Array;
  readonly kdfParams: KdfParams;
  readonly verifier: Uint8Array;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface ReviewerCredentials {
  readonly publicKey: Uint8Array;
  readonly wrappedSecretKey: Uint8Array;
  readonly kdfSalt: Uint8Array;
  readonly kdfParams: KdfParams;
  readonly verifier: Uint8Array;
}

export interface GrantRecord {
  readonly deskKeyId: DeskKeyId;
  readonly reviewerId: ReviewerId;
  readonly sealedDeskKey: Uint8Array;
  readonly createdAt: number;
}

/** A stored tip: a few plaintext workflow columns, everything else inside `envelope`. */
export interface TipRecord {
  readonly id: TipId;
  readonly deskId: DeskId;
  readonly deskKeyId: DeskKeyId;
  readonly channel: Channel;
  readonly status: TipStatus;
  readonly assigneeId: ReviewerId | null;
  /** Receipt time rounded down to the hour. */
  readonly receivedAt: number;
  readonly envelope: Uint8Array;
  /** Labels and priority sealed to the desk key; null until a reviewer triages the tip. */
  readonly triage: Uint8Array | null;
}

/**
 * A tip re-sealed to another desk (core's moveTipToDesk): every sealed part of it, in place.
 * The store applies it in one transaction only if the tip is still on `fromDeskId` and the
 * lists name exactly the tip's attachments and messages.
 */
export interface TipMove {
  readonly tipId: TipId;
  readonly fromDeskId: DeskId;
  readonly toDeskId: DeskId;
  readonly toDeskKeyId: DeskKeyId;
  readonly envelope: Uint8Array;
  readonly triage: Uint8Array | null;
  readonly attachments: readonly { readonly id: AttachmentId; readonly ciphertext: Uint8Array }[];
  readonly messages: readonly { readonly id: MessageId; readonly forDesk: Uint8Array }[];
}

/** A tip without its sealed envelope: what a scan over many tips needs to read from disk. */
export type TipHead = Omit<TipRecord, 'envelope'>;

/** A reviewer's second factor as stored: the secret sealed to the reviewer's own key. */
export interface ReviewerTotp {
  readonly sealedSecret: Uint8Array | null;
  readonly lastStep: number | null;
}

/** A WebAuthn credential (passkey) registered by a reviewer as a second factor. */
export interface PasskeyRecord {
  /** The credential id, base64url, as the authenticator gave it. */
  readonly credentialId: string;
  readonly reviewerId: ReviewerId;
  /** The credential public key (COSE). */
  readonly publicKey: Uint8Array;
  /** The authenticator's signature counter at its last accepted use. */
  readonly counter: number;
  readonly transports: readonly string[];
  /** A name the reviewer gave it ("work laptop"), shown on the account page. */
  readonly label: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

export type InvitationId = Brand<string, 'InvitationId'>;

export interface InvitationRecord {
  readonly id: InvitationId;
  /** BLAKE2b of the one-time token; the token is shown once and kept nowhere. */
  readonly tokenHash: Uint8Array;
  readonly role: ReviewerRole;
  readonly createdBy: ReviewerId;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  /** Set when accepted: the new reviewer, waiting for a desk-key grant. */
  readonly reviewerId: ReviewerId | null;
}

export interface InboxRecord {
  /** BLAKE2b of a subkey of argon2id(codename): the only trace of the codename. */
  readonly lookupId: Uint8Array;
  readonly tipId: TipId;
  readonly replyPublicKey: Uint8Array;
}

export interface AttachmentRecord {
  readonly id: AttachmentId;
  readonly tipId: TipId;
  readonly ciphertext: Uint8Array;
}

export const MESSAGE_KINDS = ['followup', 'reply', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** One entry in a case thread. `sequence` is assigned by the store, 1, 2, … per tip. */
export interface MessageRecord {
  readonly id: MessageId;
  readonly tipId: TipId;
  readonly kind: MessageKind;
  readonly authorId: ReviewerId | null;
  readonly deskKeyId: DeskKeyId;
  /** Rounded down to the hour, like tip receipt times. */
  readonly createdAt: number;
  readonly sequence: number;
  /** Sealed to the desk key (tip envelope format). */
  readonly forDesk: Uint8Array;
  /** Sealed to the codename's reply key, for what the tipster may read; null for notes. */
  readonly forTipster: Uint8Array | null;
}

/**
 * A piece of a desk's sealed search index: index documents (words, labels, language, danger,
 * country of some tips) sealed to a desk key in the tip envelope format, padded to a bucket.
 * `sequence` orders a desk's segments (1, 2, … assigned by the store); later ones win per tip.
 */
export interface SearchSegmentRecord {
  readonly id: SearchSegmentId;
  readonly deskId: DeskId;
  readonly deskKeyId: DeskKeyId;
  readonly sequence: number;
  readonly sealed: Uint8Array;
}

/** A segment without its sealed bytes: enough to see which ones a session has not read yet. */
export type SearchSegmentHead = Omit<SearchSegmentRecord, 'sealed'>;

/**
 * One version of a desk's questionnaire as stored: public, so in plaintext. `definition` is the
 * JSON text core wrote (core parses and checks it again when reading); `version` is 1, 2, … per
 * desk, assigned by the store. Rows are never changed or deleted, so old tips keep their text.
 */
export interface QuestionnaireRow {
  readonly id: QuestionnaireId;
  readonly deskId: DeskId;
  readonly version: number;
  readonly definition: string;
  readonly createdAt: number;
}

/** One audit entry as stored. `hash` = BLAKE2b(previousHash | canonical entry). */
export interface AuditRecord {
  readonly sequence: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
  readonly previousHash: Uint8Array;
  readonly hash: Uint8Array;
}

export interface TipListQuery {
  readonly limit: number;
  readonly offset?: number;
  readonly status?: TipStatus;
  readonly channel?: Channel;
  readonly deskId?: DeskId;
  /** A reviewer id, or null for tips nobody is assigned to. */
  readonly assigneeId?: ReviewerId | null;
  /**
   * Keyset cursor: only tips that come after this one in listing order (older, or as old with
   * a smaller id). Lets a scan walk every tip in index order without OFFSET's rescans.
   */
  readonly after?: TipCursor;
}

/** A position in the listing order (received_at DESC, id DESC): the last tip already read. */
export interface TipCursor {
  readonly receivedAt: number;
  readonly id: TipId;
}

export const ALERT_CHANNELS = ['email', 'telegram'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** A reviewer's alert channels; addresses sealed to the server alert key, null when off. */
export interface AlertSettingsRecord {
  readonly reviewerId: ReviewerId;
  /** A tipster locale tag: the language of the alert text. */
  readonly language: string;
  readonly emailSealed: Uint8Array | null;
  readonly telegramSealed: Uint8Array | null;
  readonly lastAlertAt: number | null;
}

/** One pending alert in the outbox: no text, no address, no tip. */
export interface AlertDueRecord {
  readonly reviewerId: ReviewerId;
  readonly channel: AlertChannel;
  readonly dueAt: number;
  readonly attempts: number;
}

export interface AlertLinkCodeRecord {
  /** BLAKE2b of the one-time code; the code is shown once and kept nowhere. */
  readonly codeHash: Uint8Array;
  readonly reviewerId: ReviewerId;
  readonly expiresAt: number;
}

/** A danger tip still `new`: its id and arrival time sealed to the server alert key. */
export interface UrgentTipRecord {
  readonly id: string;
  readonly sealed: Uint8Array;
  readonly escalated: boolean;
}

/** One row of any table as stored: column names to text, numbers, bytes or null. */
export type StoreRow = Readonly<Record<string, string | number | Uint8Array | null>>;

/** Whole-table access: the same table and column names on every implementation. */
export interface StoreTables {
  /** Every table, each after the tables its foreign keys point to. */
  names(): readonly string[];
  /** Up to `limit` rows after the first `offset`, in primary-key order. */
  readRows(table: string, offset: number, limit: number): Promise<StoreRow[]>;
  /** Inserts rows exactly as read from another store (inside the caller's transaction, if any). */
  writeRows(table: string, rows: readonly StoreRow[]): Promise<void>;
}

/**
 * The narrow repository core depends on. Asynchronous, so that a networked database
 * (PostgreSQL) implements the same port as the embedded SQLite store. A write the storage
 * cannot take now (disk full, read-only, I/O error, lock timeout) rejects with
 * `DomainError('unavailable')` and leaves nothing of itself behind; other failures reject as
 * they are.
 */
/** A shared counter's value (tokens in thousandths, or failures) and when it last changed. */
export interface SharedCounter {
  readonly value: number;
  readonly updatedAt: number;
}

export interface Store {
  /**
   * Runs `work` as one transaction: every store call made from inside it (in its async
   * context) belongs to it; other callers never see its writes before it commits (SQLite
   * makes them wait, PostgreSQL answers from the last commit), and two transactions never
   * interleave, across every instance on the same database. Commits when `work`
   * resolves, rolls back when it throws; a nested call becomes a savepoint. Keep slow work
   * (argon2, network) outside: the transaction holds the store while it runs.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;

  getMeta(key: string): Promise<Uint8Array | undefined>;
  setMeta(key: string, value: Uint8Array): Promise<void>;

  /** Every table row by row, for copying a whole store into another (`tipline migrate-store`). */
  readonly tables?: StoreTables;

  insertDesk(desk: DeskRecord): Promise<void>;
  listDesks(): Promise<DeskRecord[]>;
  getDesk(id: DeskId): Promise<DeskRecord | undefined>;
  getDeskByName(name: string): Promise<DeskRecord | undefined>;

  insertDeskKey(key: DeskKeyRecord): Promise<void>;
  getDeskKey(id: DeskKeyId): Promise<DeskKeyRecord | undefined>;
  listDeskKeys(deskId?: DeskId): Promise<DeskKeyRecord[]>;
  /** The newest desk key not retired: where new tips are sealed. */
  getActiveDeskKey(deskId: DeskId): Promise<DeskKeyRecord | undefined>;
  retireDeskKey(id: DeskKeyId, at: number): Promise<void>;

  insertReviewer(reviewer: ReviewerRecord): Promise<void>;
  getReviewer(id: ReviewerId): Promise<ReviewerRecord | undefined>;
  getReviewerByName(name: string): Promise<ReviewerRecord | undefined>;
  listReviewers(): Promise<ReviewerRecord[]>;
  countActiveReviewers(): Promise<number>;
  updateReviewerCredentials(id: ReviewerId, credentials: ReviewerCredentials): Promise<void>;
  markReviewerRevoked(id: ReviewerId, at: number): Promise<void>;
  getReviewerTotp(id: ReviewerId): Promise<ReviewerTotp | undefined>;
  /** Replaces the sealed TOTP secret (null removes it) and forgets the last step. */
  setReviewerTotp(id: ReviewerId, sealedSecret: Uint8Array | null): Promise<void>;
  /** Records an accepted TOTP step; false if `step` is not newer than the last one (a replay). */
  advanceTotpStep(id: ReviewerId, step: number): Promise<boolean>;
  insertPasskey(passkey: PasskeyRecord): Promise<void>;
  getPasskey(credentialId: string): Promise<PasskeyRecord | undefined>;
  /** A reviewer's passkeys, oldest first. */
  listPasskeys(reviewerId: ReviewerId): Promise<PasskeyRecord[]>;
  /**
   * Records an accepted use: sets the counter and lastUsedAt when `counter` is greater than the
   * stored one, or when both are 0 (an authenticator without a counter). False otherwise: a
   * replayed assertion or a cloned authenticator.
   */
  advancePasskeyCounter(credentialId: string, counter: number, at: number): Promise<boolean>;
  /** Deletes one of a reviewer's passkeys; false if the reviewer has none with that id. */
  deletePasskey(reviewerId: ReviewerId, credentialId: string): Promise<boolean>;
  /** The desk language a reviewer chose (a BCP 47 tag), or null for the default. */
  getReviewerLocale(id: ReviewerId): Promise<string | null>;
  setReviewerLocale(id: ReviewerId, locale: string | null): Promise<void>;

  insertInvitation(invitation: InvitationRecord): Promise<void>;
  getInvitationByTokenHash(tokenHash: Uint8Array): Promise<InvitationRecord | undefined>;
  listInvitations(): Promise<InvitationRecord[]>;
  /** Marks an unused invitation used by `reviewerId`; false if it was already used. */
  markInvitationUsed(id: InvitationId, reviewerId: ReviewerId, at: number): Promise<boolean>;

  putGrant(grant: GrantRecord): Promise<void>;
  listGrantsForReviewer(reviewerId: ReviewerId): Promise<GrantRecord[]>;
  deleteGrantsForReviewer(reviewerId: ReviewerId): Promise<void>;

  insertTip(
    tip: TipRecord,
    inbox: InboxRecord | undefined,
    attachments: readonly AttachmentRecord[],
  ): Promise<void>;
  getTip(id: TipId): Promise<TipRecord | undefined>;
  listTips(query: TipListQuery): Promise<TipRecord[]>;
  /** As listTips, without the envelopes (a filter scan reads only heads it has cached). */
  listTipHeads(query: TipListQuery): Promise<TipHead[]>;
  countTips(query?: Omit<TipListQuery, 'limit' | 'offset' | 'after'>): Promise<number>;
  listAttachments(tipId: TipId): Promise<AttachmentRecord[]>;
  getInbox(lookupId: Uint8Array): Promise<InboxRecord | undefined>;
  getInboxForTip(tipId: TipId): Promise<InboxRecord | undefined>;

  /** Appends to a tip's thread; the store assigns the next sequence number. */
  appendMessage(message: Omit<MessageRecord, 'sequence'>): Promise<MessageRecord>;
  listMessages(tipId: TipId): Promise<MessageRecord[]>;

  setTipStatus(id: TipId, status: TipStatus): Promise<void>;
  setTipAssignee(id: TipId, assigneeId: ReviewerId | null): Promise<void>;
  setTipTriage(id: TipId, sealedTriage: Uint8Array): Promise<void>;
  /**
   * Applies a move (see TipMove): overwrites the tip's envelope, triage, files and messages'
   * desk copies and sets its desk. False, changing nothing, if the tip is gone, no longer on
   * `fromDeskId`, or has other attachments or messages than those listed.
   */
  moveTip(move: TipMove): Promise<boolean>;
  /** Deletes tips in `statuses` received before `before`, with their files, inbox and thread. Returns the count. */
  deleteTipsBefore(before: number, statuses: readonly TipStatus[]): Promise<number>;

  setDeskCheckBack(id: DeskId, checkBack: CheckBack): Promise<void>;

  getAlertSettings(reviewerId: ReviewerId): Promise<AlertSettingsRecord | undefined>;
  listAlertSettings(): Promise<AlertSettingsRecord[]>;
  /** Creates or replaces a reviewer's channels and language; keeps lastAlertAt. */
  putAlertSettings(record: Omit<AlertSettingsRecord, 'lastAlertAt'>): Promise<void>;
  setLastAlertAt(reviewerId: ReviewerId, at: number): Promise<void>;
  /** Removes a reviewer's channels, pending alerts and link codes (alerts off, or revoked). */
  deleteAlertSettings(reviewerId: ReviewerId): Promise<void>;
  /** Queues an alert, or moves a queued one earlier: due becomes min(queued, dueAt). */
  scheduleAlert(reviewerId: ReviewerId, channel: AlertChannel, dueAt: number): Promise<void>;
  /** Outbox rows due at `now` or earlier, oldest first. */
  listDueAlerts(now: number, limit: number): Promise<AlertDueRecord[]>;
  listScheduledAlerts(): Promise<AlertDueRecord[]>;
  rescheduleAlert(
    reviewerId: ReviewerId,
    channel: AlertChannel,
    dueAt: number,
    attempts: number,
  ): Promise<void>;
  deleteScheduledAlert(reviewerId: ReviewerId, channel: AlertChannel): Promise<void>;
  /** Stores a link code, replacing the reviewer's earlier ones (one live code each). */
  putAlertLinkCode(record: AlertLinkCodeRecord): Promise<void>;
  /** Deletes and returns the code with this hash: a code works once. */
  takeAlertLinkCode(codeHash: Uint8Array): Promise<AlertLinkCodeRecord | undefined>;
  deleteExpiredAlertLinkCodes(now: number): Promise<void>;
  insertUrgentTip(record: UrgentTipRecord): Promise<void>;
  listUrgentTips(): Promise<UrgentTipRecord[]>;
  markUrgentTipEscalated(id: string): Promise<void>;
  deleteUrgentTip(id: string): Promise<void>;
  /**
   * Search index (simple on purpose, so every store implements it the same way): append a
   * segment, the store assigning the desk's next sequence number (max + 1, as appendMessage
   * does per tip); list a desk's segment heads in sequence order; read segments by id (unknown
   * ids are skipped); delete segments by id, returning how many were deleted.
   */
  appendSearchSegment(segment: Omit<SearchSegmentRecord, 'sequence'>): Promise<SearchSegmentRecord>;
  listSearchSegmentHeads(deskId: DeskId): Promise<SearchSegmentHead[]>;
  getSearchSegments(ids: readonly SearchSegmentId[]): Promise<SearchSegmentRecord[]>;
  deleteSearchSegments(ids: readonly SearchSegmentId[]): Promise<number>;

  /** Appends a version of a desk's questionnaire, the store assigning max + 1 (1 for the first). */
  appendQuestionnaire(row: Omit<QuestionnaireRow, 'version'>): Promise<QuestionnaireRow>;
  getQuestionnaire(id: QuestionnaireId): Promise<QuestionnaireRow | undefined>;
  /** The desk's highest version, or undefined if it has none yet. */
  getCurrentQuestionnaire(deskId: DeskId): Promise<QuestionnaireRow | undefined>;
  /** Every version of a desk's questionnaire, oldest first. */
  listQuestionnaires(deskId: DeskId): Promise<QuestionnaireRow[]>;

  lastAudit(): Promise<AuditRecord | undefined>;
  appendAudit(record: AuditRecord): Promise<void>;
  listAudit(afterSequence: number, limit: number): Promise<AuditRecord[]>;

  /**
   * Online backup to `path` (0600), checked before it resolves: SQLite's backup API and
   * integrity_check; on PostgreSQL a pg_dump archive read back with pg_restore --list.
   */
  backupTo(path: string): Promise<void>;
  /**
   * Whether this instance runs the work that must happen once per database, not once per
   * instance: the retention purge, alert delivery and escalation, Telegram long polling.
   * Always true on SQLite (one process); on PostgreSQL, true for the one instance holding the
   * runner lock (src/store/runner-lease.ts), which passes on when that instance dies.
   */
  isRunner(): Promise<boolean>;

  /*
   * Counters shared by every instance on this database (shared_counters), so that rate limits,
   * login throttles and Telegram update de-duplication hold across instances. Each call is one
   * atomic statement: two instances never lose each other's counts. Keys are keyed hashes,
   * never an address, account name or chat id.
   */
  /** Takes one token from a bucket of `capacity` tokens refilled evenly over an hour; false when empty. */
  takeSharedToken(scope: string, key: Uint8Array, capacity: number, now: number): Promise<boolean>;
  /** Counts one more failure, from 1 again when the last was before `forgetBefore`; the new count. */
  countSharedFailure(
    scope: string,
    key: Uint8Array,
    now: number,
    forgetBefore: number,
  ): Promise<number>;
  getSharedCounter(scope: string, key: Uint8Array): Promise<SharedCounter | undefined>;
  deleteSharedCounter(scope: string, key: Uint8Array): Promise<void>;
  /** True the first time (scope, key) is claimed on this database, false after (until swept). */
  claimOnce(scope: string, key: Uint8Array, now: number): Promise<boolean>;
  /** Deletes the counters and claims untouched since `before`; how many went. */
  sweepSharedCounters(before: number): Promise<number>;
  close(): Promise<void>;
}
