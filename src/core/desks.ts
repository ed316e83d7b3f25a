import {
  createDeskKeyPair,
  createRecoveryKey,
  formatRecoveryKey,
  KDF_SALT_BYTES,
  sealDeskGrant,
  wipe,
} from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { ALERT_LINK_PREFIX } from './alerts.js';
import { DomainError } from './errors.js';
import { newRandomId } from './ids.js';
import type { CoreDeps } from './deps.js';
import type { DeskRecord, DeskId, ReviewerId } from './ports.js';
import {
  assertNewPassphrase,
  assertReviewerName,
  createCredentials,
  deskKeyRecord,
  type UnlockedReviewer,
} from './key-material.js';

/* Desks: the first setup, the default desk, and new desks made from the desk. */

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
