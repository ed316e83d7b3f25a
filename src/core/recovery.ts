import { openDeskGrant, parseRecoveryKey, wipe, type DeskKeyPair } from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { DomainError } from './errors.js';
import { hexToBytes } from './ids.js';
import type { CoreDeps } from './deps.js';
import type { DeskKeyId, ReviewerRecord } from './ports.js';
import {
  assertNewPassphrase,
  assertReviewerName,
  createCredentials,
  unlockedDesks,
  type UnlockedDesks,
} from './key-material.js';
import { addReviewer, grantAll } from './reviewers-and-grants.js';

/* The offline recovery key: unlocking every desk with it, and setting a new passphrase. */

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
