import {
  constantTimeEqual,
  CryptoFormatError,
  createDeskKeyPair,
  createRecoveryKey,
  createReviewerKeyPair,
  deriveReviewerSecrets,
  formatRecoveryKey,
  KDF_SALT_BYTES,
  openDeskGrant,
  parseRecoveryKey,
  sealDeskGrant,
  unwrapReviewerKey,
  wipe,
  wrapReviewerKey,
  type DeskKeyPair,
} from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { ALERT_LINK_PREFIX } from './alerts.js';
import { DomainError } from './errors.js';
import { bytesToHex, hexToBytes, newRandomId } from './ids.js';
import type { CoreDeps } from './deps.js';
import type {
  DeskRecord,
  DeskId,
  DeskKeyId,
  DeskKeyRecord,
  ReviewerCredentials,
  ReviewerId,
  ReviewerRecord,
  ReviewerRole,
} from './ports.js';

export const CODENAME_SALT_META = 'codename_salt';
export const CODENAME_KDF_META = 'codename_kdf_params';
export const DEFAULT_DESK_NAME = 'main';
/** The desk made at init: where tips go when no desk is named. */
export const DEFAULT_DESK_META = 'default_desk_id';

/** The desk tips go to when none is named: the one made at init (older stores: the first). */
export async function defaultDesk(deps: Pick<CoreDeps, 'store'>): Promise<DeskRecord | undefined> {
  const id = await deps.store.getMeta(DEFAULT_DESK_META);
  const desk = id ? await deps.store.getDesk(new TextDecoder().decode(id) as DeskId) : undefined;
  return desk ?? (await deps.store.listDesks())[0];
}
const MIN_PASSPHRASE_CHARS = 12;
const MAX_PASSPHRASE_BYTES = 1024;
const REVIEWER_NAME = /^[\p{L}\p{N}._-]{1,64}$/u;

/** Desk secret keys unlocked for a session or a command. Call wipe() when done. */
export interface UnlockedDesks {
  readonly deskKeys: ReadonlyMap<DeskKeyId, DeskKeyPair>;
  /** Takes a copy of a key made while unlocked (a new desk), so it is usable without a new login. */
  adopt(id: DeskKeyId, pair: DeskKeyPair): void;
  wipe(): void;
}

export interface UnlockedReviewer extends UnlockedDesks {
  readonly reviewer: ReviewerRecord;
}

function unlockedDesks(
  sodium: CoreDeps['sodium'],
  keys: Map<DeskKeyId, DeskKeyPair>,
): UnlockedDesks {
  return {
    deskKeys: keys,
    adopt: (id, pair) => {
      keys.set(id, { ...pair, secretKey: new Uint8Array(pair.secretKey) });
    },
    wipe: () => {
      for (const key of keys.values()) wipe(sodium, key.secretKey);
      keys.clear();
    },
  };
}

/** Who acted, for the audit log: the unlocking reviewer's id, or "recovery-key". */
export function auditActorOf(unlocked: UnlockedDesks): string {
  return 'reviewer' in unlocked ? (unlocked as UnlockedReviewer).reviewer.id : 'recovery-key';
}

/** Rejects reviewer names that are not short plain identifiers. */
export function assertReviewerName(name: string): void {
  if (!REVIEWER_NAME.test(name)) {
    throw new DomainError(
      'invalid_input',
      'reviewer names are 1-64 letters, digits, dot, dash or underscore',
      'name',
    );
  }
}

/** New passphrases: at least 12 characters, bounded so argon2 input stays small. */
export function assertNewPassphrase(passphrase: Uint8Array): void {
  const chars = [...new TextDecoder().decode(passphrase)].length;
  if (chars < MIN_PASSPHRASE_CHARS) {
    throw new DomainError(
      'invalid_input',
      `passphrases need at least ${MIN_PASSPHRASE_CHARS} characters`,
      'passphrase',
    );
  }
  if (passphrase.length > MAX_PASSPHRASE_BYTES)
    throw new DomainError('too_large', 'passphrase is too long', 'passphrase');
}

/** A fresh personal keypair wrapped under `passphrase`. The secret key is returned for granting; wipe it. */
async function createCredentials(
  deps: CoreDeps,
  reviewerId: ReviewerId,
  passphrase: Uint8Array,
): Promise<{ credentials: ReviewerCredentials; secretKey: Uint8Array }> {
  const { sodium, random, kdfParams } = deps;
  const salt = random.bytes(KDF_SALT_BYTES);
  const pair = createReviewerKeyPair(sodium);
  const secrets = await deriveReviewerSecrets(sodium, passphrase, salt, kdfParams);
  try {
    const wrappedSecretKey = wrapReviewerKey(
      sodium,
      secrets.wrappingKey,
      pair.secretKey,
      reviewerId,
    );
    return {
      credentials: {
        publicKey: pair.publicKey,
        wrappedSecretKey,
        kdfSalt: salt,
        kdfParams,
        verifier: secrets.verifier,
      },
      secretKey: pair.secretKey,
    };
  } finally {
    wipe(sodium, secrets.wrappingKey);
  }
}

function deskKeyRecord(
  deps: CoreDeps,
  deskId: DeskId,
  key: DeskKeyPair,
  recoveryPublicKey: Uint8Array,
): DeskKeyRecord {
  return {
    id: bytesToHex(key.keyId) as DeskKeyId,
    deskId,
    publicKey: key.publicKey,
    recoveryGrant: sealDeskGrant(deps.sodium, key, recoveryPublicKey),
    createdAt: deps.clock(),
    retiredAt: null,
  };
}

export interface InitialisedDesk {
  readonly deskId: DeskId;
  readonly reviewerId: ReviewerId;
  /** The printable recovery key. Show it once; it is stored nowhere. */
  readonly recoveryKey: string;
}

/**
 * First setup: the instance codename salt, the first desk with its keypair and recovery key,
 * and the first (admin) reviewer holding a grant. Refuses if any desk or reviewer exists.
 */
export async function initialiseDesk(
  deps: CoreDeps,
  input: { reviewerName: string; passphrase: Uint8Array; deskName?: string },
): Promise<InitialisedDesk> {
  const { sodium, store, random, clock } = deps;
  assertReviewerName(input.reviewerName);
  assertNewPassphrase(input.passphrase);
  if ((await store.listDesks()).length > 0 || (await store.listReviewers()).length > 0) {
    throw new DomainError('already_initialised', 'tipline is already initialised');
  }
  const deskId = newRandomId<DeskId>(random);
  const reviewerId = newRandomId<ReviewerId>(random);
  const recovery = createRecoveryKey(sodium);
  const desk = createDeskKeyPair(sodium);
  const { credentials, secretKey } = await createCredentials(deps, reviewerId, input.passphrase);
  try {
    const now = clock();
    const keyRecord = deskKeyRecord(deps, deskId, desk, recovery.publicKey);
    await store.transaction(async () => {
      if ((await store.listDesks()).length > 0)
        throw new DomainError('already_initialised', 'tipline is already initialised');
      await store.setMeta(CODENAME_SALT_META, random.bytes(KDF_SALT_BYTES));
      await store.setMeta(
        CODENAME_KDF_META,
        new TextEncoder().encode(JSON.stringify(deps.kdfParams)),
      );
      await store.setMeta(DEFAULT_DESK_META, new TextEncoder().encode(deskId));
      await store.insertDesk({
        id: deskId,
        name: input.deskName ?? DEFAULT_DESK_NAME,
        recoveryPublicKey: recovery.publicKey,
        createdAt: now,
      });
      await store.insertDeskKey(keyRecord);
      await store.insertReviewer({
        id: reviewerId,
        name: input.reviewerName,
        role: 'admin',
        createdAt: now,
        revokedAt: null,
        ...credentials,
      });
      await store.putGrant({
        deskKeyId: keyRecord.id,
        reviewerId,
        sealedDeskKey: sealDeskGrant(sodium, desk, credentials.publicKey),
        createdAt: now,
      });
      await recordAudit(deps, { actor: reviewerId, action: 'desk.init', subject: deskId });
    });
    return { deskId, reviewerId, recoveryKey: formatRecoveryKey(sodium, recovery.seed) };
  } finally {
    wipe(sodium, secretKey, desk.secretKey, recovery.seed, recovery.secretKey);
  }
}

/** Opens every grant a reviewer holds with their personal secret key. */
async function openGrants(
  deps: CoreDeps,
  reviewer: ReviewerRecord,
  secretKey: Uint8Array,
): Promise<Map<DeskKeyId, DeskKeyPair>> {
  const keys = new Map<DeskKeyId, DeskKeyPair>();
  for (const grant of await deps.store.listGrantsForReviewer(reviewer.id)) {
    const record = await deps.store.getDeskKey(grant.deskKeyId);
    if (!record) continue;
    try {
      const pair = openDeskGrant(
        deps.sodium,
        grant.sealedDeskKey,
        { publicKey: reviewer.publicKey, secretKey },
        {
          keyId: hexToBytes(record.id),
          publicKey: record.publicKey,
        },
      );
      keys.set(record.id, pair);
    } catch (error) {
      if (!(error instanceof CryptoFormatError)) throw error;
      deps.logger.warn('grant.damaged', { deskKeyId: record.id });
    }
  }
  return keys;
}

/**
 * Checks a reviewer's passphrase and unlocks their desk keys. Unknown name, revoked reviewer
 * and wrong passphrase all cost one argon2id run and fail with the same error.
 */
export async function unlockReviewer(
  deps: CoreDeps,
  name: string,
  passphrase: Uint8Array,
  /** Runs while the personal secret key is unwrapped (it is wiped right after). */
  withPersonalKey?: (reviewer: ReviewerRecord, secretKey: Uint8Array) => Promise<void> | void,
): Promise<UnlockedReviewer> {
  const { sodium, store } = deps;
  const reviewer = name.length <= 64 ? await store.getReviewerByName(name) : undefined;
  if (!reviewer || reviewer.revokedAt !== null || passphrase.length > MAX_PASSPHRASE_BYTES) {
    const decoy = await deriveReviewerSecrets(
      sodium,
      passphrase.subarray(0, MAX_PASSPHRASE_BYTES),
      deps.random.bytes(KDF_SALT_BYTES),
      deps.kdfParams,
    );
    wipe(sodium, decoy.verifier, decoy.wrappingKey);
    throw new DomainError('bad_credentials', 'wrong name or passphrase');
  }
  const secrets = await deriveReviewerSecrets(
    sodium,
    passphrase,
    reviewer.kdfSalt,
    reviewer.kdfParams,
  );
  let secretKey: Uint8Array | undefined;
  try {
    if (!constantTimeEqual(sodium, secrets.verifier, reviewer.verifier)) {
      throw new DomainError('bad_credentials', 'wrong name or passphrase');
    }
    try {
      secretKey = unwrapReviewerKey(
        sodium,
        secrets.wrappingKey,
        reviewer.wrappedSecretKey,
        reviewer.id,
      );
    } catch {
      throw new DomainError('damaged', 'the reviewer key record is damaged');
    }
    await withPersonalKey?.(reviewer, secretKey);
    const desks = unlockedDesks(sodium, await openGrants(deps, reviewer, secretKey));
    return { ...desks, reviewer };
  } finally {
    wipe(sodium, secrets.verifier, secrets.wrappingKey, secretKey);
  }
}

/** Unlocks every desk key through the recovery key; a wrong key fails with bad_credentials. */
export async function unlockWithRecoveryKey(
  deps: CoreDeps,
  recoveryKeyText: string,
): Promise<UnlockedDesks> {
  const { sodium, store } = deps;
  let recovery;
  try {
    recovery = parseRecoveryKey(sodium, recoveryKeyText);
  } catch {
    throw new DomainError('bad_credentials', 'that is not a valid recovery key');
  }
  const keys = new Map<DeskKeyId, DeskKeyPair>();
  try {
    for (const desk of await store.listDesks()) {
      if (!sodium.memcmp(desk.recoveryPublicKey, recovery.publicKey))
        throw new DomainError('bad_credentials', 'wrong recovery key');
      for (const record of await store.listDeskKeys(desk.id)) {
        const pair = openDeskGrant(sodium, record.recoveryGrant, recovery, {
          keyId: hexToBytes(record.id),
          publicKey: record.publicKey,
        });
        keys.set(record.id, pair);
      }
    }
  } catch (error) {
    for (const key of keys.values()) wipe(sodium, key.secretKey);
    if (error instanceof DomainError) throw error;
    throw new DomainError('bad_credentials', 'wrong recovery key');
  } finally {
    wipe(sodium, recovery.seed, recovery.secretKey);
  }
  if (keys.size === 0) throw new DomainError('not_initialised', 'tipline is not initialised');
  return unlockedDesks(sodium, keys);
}

async function grantAll(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
  reviewerId: ReviewerId,
  publicKey: Uint8Array,
): Promise<void> {
  const now = deps.clock();
  for (const [id, pair] of unlocked.deskKeys) {
    await deps.store.putGrant({
      deskKeyId: id,
      reviewerId,
      sealedDeskKey: sealDeskGrant(deps.sodium, pair, publicKey),
      createdAt: now,
    });
  }
}

/**
 * Creates a reviewer with fresh credentials; `inTransaction` runs with the insert (grants,
 * audit) so a name taken meanwhile leaves nothing behind.
 */
async function insertNewReviewer(
  deps: CoreDeps,
  input: { name: string; passphrase: Uint8Array; role: ReviewerRole },
  inTransaction: (record: ReviewerRecord) => Promise<void> | void = () => undefined,
): Promise<ReviewerRecord> {
  assertReviewerName(input.name);
  assertNewPassphrase(input.passphrase);
  if (await deps.store.getReviewerByName(input.name))
    throw new DomainError('conflict', 'a reviewer with that name exists', 'name');
  const id = newRandomId<ReviewerId>(deps.random);
  const { credentials, secretKey } = await createCredentials(deps, id, input.passphrase);
  wipe(deps.sodium, secretKey);
  const record: ReviewerRecord = {
    id,
    name: input.name,
    role: input.role,
    createdAt: deps.clock(),
    revokedAt: null,
    ...credentials,
  };
  await deps.store.transaction(async () => {
    if (await deps.store.getReviewerByName(input.name))
      throw new DomainError('conflict', 'a reviewer with that name exists', 'name');
    await deps.store.insertReviewer(record);
    await inTransaction(record);
  });
  return record;
}

/** Adds a reviewer and grants them every desk key the grantor has unlocked. */
export async function addReviewer(
  deps: CoreDeps,
  grantor: UnlockedDesks,
  input: { name: string; passphrase: Uint8Array; role: ReviewerRole },
): Promise<ReviewerRecord> {
  return insertNewReviewer(deps, input, async (record) => {
    await grantAll(deps, grantor, record.id, record.publicKey);
    await recordAudit(deps, {
      actor: auditActorOf(grantor),
      action: 'reviewer.add',
      subject: record.id,
      detail: input.role,
    });
  });
}

/**
 * Seals a fresh keypair for each desk to its remaining members and the recovery key, and
 * retires the old one, so tips arriving later cannot be read by anyone removed before.
 * Needs no secret: only public keys are used.
 */
export async function rotateDeskKeys(deps: CoreDeps): Promise<DeskKeyId[]> {
  const { sodium, store } = deps;
  const rotated: DeskKeyId[] = [];
  await store.transaction(async () => {
    const members = (await store.listReviewers()).filter((r) => r.revokedAt === null);
    for (const desk of await store.listDesks()) {
      const active = await store.getActiveDeskKey(desk.id);
      const fresh = createDeskKeyPair(sodium);
      try {
        const record = deskKeyRecord(deps, desk.id, fresh, desk.recoveryPublicKey);
        const deskKeyIds = new Set((await store.listDeskKeys(desk.id)).map((k) => k.id));
        await store.insertDeskKey(record);
        if (active) await store.retireDeskKey(active.id, deps.clock());
        for (const member of members) {
          const isMember = (await store.listGrantsForReviewer(member.id)).some((g) =>
            deskKeyIds.has(g.deskKeyId),
          );
          if (isMember) {
            await store.putGrant({
              deskKeyId: record.id,
              reviewerId: member.id,
              sealedDeskKey: sealDeskGrant(sodium, fresh, member.publicKey),
              createdAt: deps.clock(),
            });
          }
        }
        rotated.push(record.id);
      } finally {
        wipe(sodium, fresh.secretKey);
      }
    }
  });
  return rotated;
}

/** Revokes a reviewer: grants deleted, and by default every desk key rotated. */
export async function revokeReviewer(
  deps: CoreDeps,
  name: string,
  options: { rotate?: boolean; actor?: string } = {},
): Promise<ReviewerRecord> {
  const reviewer = await deps.store.getReviewerByName(name);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that name', 'name');
  const activeAdmins = (await deps.store.listReviewers()).filter(
    (r) => r.revokedAt === null && r.role === 'admin',
  );
  if (reviewer.role === 'admin' && activeAdmins.length === 1) {
    throw new DomainError('conflict', 'cannot revoke the last admin', 'name');
  }
  await deps.store.transaction(async () => {
    await deps.store.markReviewerRevoked(reviewer.id, deps.clock());
    await deps.store.deleteGrantsForReviewer(reviewer.id);
    // a departed reviewer's sealed address and chat id go with them
    await deps.store.deleteAlertSettings(reviewer.id);
    await recordAudit(deps, {
      actor: options.actor ?? 'cli',
      action: 'reviewer.revoke',
      subject: reviewer.id,
    });
    if (options.rotate ?? true) {
      const rotated = await rotateDeskKeys(deps);
      await recordAudit(deps, {
        actor: options.actor ?? 'cli',
        action: 'desk.rotate',
        detail: rotated.join(','),
      });
    }
  });
  return reviewer;
}

/**
 * The recovery path: with the recovery key, give `name` a new passphrase (new personal keypair)
 * and grants for every desk key. Creates the reviewer as admin if absent.
 */
export async function recoverReviewer(
  deps: CoreDeps,
  recoveryKeyText: string,
  input: { name: string; passphrase: Uint8Array },
): Promise<ReviewerRecord> {
  assertReviewerName(input.name);
  assertNewPassphrase(input.passphrase);
  const unlocked = await unlockWithRecoveryKey(deps, recoveryKeyText);
  try {
    const existing = await deps.store.getReviewerByName(input.name);
    if (existing && existing.revokedAt !== null)
      throw new DomainError('forbidden', 'that reviewer was revoked', 'name');
    if (!existing)
      return await addReviewer(deps, unlocked, {
        name: input.name,
        passphrase: input.passphrase,
        role: 'admin',
      });
    const { credentials, secretKey } = await createCredentials(deps, existing.id, input.passphrase);
    wipe(deps.sodium, secretKey);
    await deps.store.transaction(async () => {
      await deps.store.updateReviewerCredentials(existing.id, credentials);
      // the old second factor was sealed to the old key: enrol again at the next login
      await deps.store.setReviewerTotp(existing.id, null);
      await deps.store.deleteGrantsForReviewer(existing.id);
      await grantAll(deps, unlocked, existing.id, credentials.publicKey);
      await recordAudit(deps, {
        actor: 'recovery-key',
        action: 'reviewer.recover',
        subject: existing.id,
      });
    });
    return { ...existing, ...credentials };
  } finally {
    unlocked.wipe();
  }
}

/**
 * A new passphrase for a reviewer who knows the current one: the same personal keypair,
 * wrapped again under a fresh salt, so grants stay valid. Wrong current passphrase:
 * bad_credentials, nothing changes.
 */
export async function changePassphrase(
  deps: CoreDeps,
  name: string,
  current: Uint8Array,
  next: Uint8Array,
): Promise<ReviewerRecord> {
  assertNewPassphrase(next);
  const { sodium } = deps;
  let personal: Uint8Array | undefined;
  const unlocked = await unlockReviewer(deps, name, current, (_reviewer, secretKey) => {
    personal = new Uint8Array(secretKey);
  });
  unlocked.wipe();
  if (!personal) throw new DomainError('damaged', 'the reviewer key record is damaged');
  const { reviewer } = unlocked;
  const salt = deps.random.bytes(KDF_SALT_BYTES);
  const secrets = await deriveReviewerSecrets(sodium, next, salt, deps.kdfParams);
  try {
    const credentials: ReviewerCredentials = {
      publicKey: reviewer.publicKey,
      wrappedSecretKey: wrapReviewerKey(sodium, secrets.wrappingKey, personal, reviewer.id),
      kdfSalt: salt,
      kdfParams: deps.kdfParams,
      verifier: secrets.verifier,
    };
    await deps.store.transaction(async () => {
      await deps.store.updateReviewerCredentials(reviewer.id, credentials);
      await recordAudit(deps, {
        actor: reviewer.id,
        action: 'reviewer.passphrase',
        subject: reviewer.id,
      });
    });
    return { ...reviewer, ...credentials };
  } finally {
    wipe(sodium, personal, secrets.wrappingKey);
  }
}

/**
 * Creates a reviewer with credentials but no grants (an accepted invitation): they can log in
 * but open nothing until an admin with the desk key unlocked grants it.
 */
export function createUngrantedReviewer(
  deps: CoreDeps,
  input: { name: string; passphrase: Uint8Array; role: ReviewerRole },
): Promise<ReviewerRecord> {
  return insertNewReviewer(deps, input);
}

/** An admin with the desk keys unlocked grants every one of them to another reviewer. */
export async function grantDeskKeys(
  deps: CoreDeps,
  admin: UnlockedReviewer,
  reviewerId: ReviewerId,
): Promise<void> {
  if (admin.reviewer.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  const reviewer = await deps.store.getReviewer(reviewerId);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that id');
  await deps.store.transaction(async () => {
    await grantAll(deps, admin, reviewer.id, reviewer.publicKey);
    await recordAudit(deps, {
      actor: admin.reviewer.id,
      action: 'reviewer.grant',
      subject: reviewer.id,
    });
  });
}

/**
 * A further desk (a partner team, a region): its own keypair, granted to every active admin
 * (only their public keys are needed) and sealed to the instance's recovery key, so the one
 * recovery key still opens every desk. Reviewers get it through grantDeskKeys.
 */
export async function createDesk(
  deps: CoreDeps,
  admin: UnlockedReviewer,
  name: string,
): Promise<DeskId> {
  if (admin.reviewer.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  assertReviewerName(name);
  // `/start alert-…` links a reviewer's Telegram chat; a desk of that name would be ambiguous
  if (name.toLowerCase().startsWith(ALERT_LINK_PREFIX))
    throw new DomainError('invalid_input', 'desk names may not start with alert-', 'name');
  const { sodium, store } = deps;
  const first = await defaultDesk(deps);
  if (!first) throw new DomainError('not_initialised', 'tipline is not initialised');
  if (await store.getDeskByName(name))
    throw new DomainError('conflict', 'a desk with that name exists', 'name');
  const id = newRandomId<DeskId>(deps.random);
  const pair = createDeskKeyPair(sodium);
  try {
    const record = deskKeyRecord(deps, id, pair, first.recoveryPublicKey);
    await store.transaction(async () => {
      await store.insertDesk({
        id,
        name,
        recoveryPublicKey: first.recoveryPublicKey,
        createdAt: deps.clock(),
      });
      await store.insertDeskKey(record);
      for (const member of await store.listReviewers()) {
        if (member.revokedAt !== null || member.role !== 'admin') continue;
        await store.putGrant({
          deskKeyId: record.id,
          reviewerId: member.id,
          sealedDeskKey: sealDeskGrant(sodium, pair, member.publicKey),
          createdAt: deps.clock(),
        });
      }
      await recordAudit(deps, {
        actor: admin.reviewer.id,
        action: 'desk.create',
        subject: id,
        detail: name,
      });
    });
    admin.adopt(record.id, pair);
    return id;
  } finally {
    wipe(sodium, pair.secretKey);
  }
}
