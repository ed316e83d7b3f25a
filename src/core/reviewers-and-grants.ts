import {
  constantTimeEqual,
  CryptoFormatError,
  deriveReviewerSecrets,
  KDF_SALT_BYTES,
  openDeskGrant,
  sealDeskGrant,
  unwrapReviewerKey,
  wipe,
  wrapReviewerKey,
  type DeskKeyPair,
} from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { DomainError } from './errors.js';
import { hexToBytes, newRandomId } from './ids.js';
import type { CoreDeps } from './deps.js';
import type {
  DeskKeyId,
  ReviewerCredentials,
  ReviewerId,
  ReviewerRecord,
  ReviewerRole,
} from './ports.js';
import {
  MAX_PASSPHRASE_BYTES,
  auditActorOf,
  assertNewPassphrase,
  assertReviewerName,
  createCredentials,
  unlockedDesks,
  type UnlockedDesks,
  type UnlockedReviewer,
} from './key-material.js';

/* Reviewers and their grants: unlocking with a passphrase, adding, granting, new passphrases. */

export async function openGrants(
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

export async function grantAll(
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
export async function insertNewReviewer(
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
