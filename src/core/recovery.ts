import {
  combineRecoveryShares,
  formatRecoveryShare,
  splitRecoverySeed,
  validShareCounts,
  openDeskGrant,
  parseRecoveryKey,
  recoveryKeyFromSeed,
  RecoveryShareError,
  shareLines,
  wipe,
  type DeskKeyPair,
  type RecoveryKey,
  type ShareProblem,
} from '../crypto/index.js';
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
  const recovery = await recoveryKeyOf(deps, recoveryKeyText);
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

const SHARE_PROBLEMS: Record<ShareProblem, string> = {
  malformed: 'share # is not a recovery share (TLRS1-…); nothing was unlocked',
  checksum: 'share # does not match its checksum (a typo?); nothing was unlocked',
  mixed_splits: 'share # is from a different split than the first; nothing was unlocked',
  repeated: 'share # was given twice; nothing was unlocked',
  too_few: 'not enough shares: this split needs more of them; nothing was unlocked',
};

/**
 * Recovery shares refused before anything was tried: which problem, and the 1-based position
 * of the offending share in the input where there is one (never any share's content). An
 * invalid_input DomainError with field `shares-<problem>`, so adapters that only map codes
 * still answer 400.
 */
export class RecoverySharesRefused extends DomainError {
  constructor(
    readonly problem: ShareProblem,
    readonly shareNumber: number | undefined,
  ) {
    super(
      'invalid_input',
      SHARE_PROBLEMS[problem].replace('#', String(shareNumber ?? '')),
      `shares-${problem}`,
    );
  }
}

/**
 * The recovery key from what an operator typed: the single key (`TLRK1-…`), or M shares of a
 * split (`TLRS1-…`, one per line). Bad shares throw RecoverySharesRefused (malformed,
 * checksum, mixed_splits, repeated, too_few, and which share); nothing is tried.
 */
export async function recoveryKeyOf(deps: CoreDeps, text: string): Promise<RecoveryKey> {
  const shares = shareLines(text);
  if (shares.length === 0) {
    try {
      return parseRecoveryKey(deps.sodium, text);
    } catch {
      throw new DomainError('bad_credentials', 'that is not a valid recovery key');
    }
  }
  let seed;
  try {
    seed = await combineRecoveryShares(deps.sodium, shares);
  } catch (error) {
    if (error instanceof RecoveryShareError)
      throw new RecoverySharesRefused(error.problem, error.position);
    throw error;
  }
  return recoveryKeyFromSeed(deps.sodium, seed);
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

/**
 * Splits the recovery key into `total` shares, any `threshold` of which restore it. The key
 * (or M shares of an earlier split) must be the desk's: it is checked against every desk's
 * recovery public key first. Audited (who, and M/N, never a share). Returns the printable
 * blocks, one per share; the caller shows them once.
 */
export async function splitRecoveryKey(
  deps: CoreDeps,
  recoveryKeyText: string,
  counts: { threshold: number; total: number },
  actor: string,
): Promise<string[]> {
  if (!validShareCounts(counts.threshold, counts.total))
    throw new DomainError('invalid_input', 'need 2 <= M <= N <= 16', 'shares-counts');
  const recovery = await recoveryKeyOf(deps, recoveryKeyText);
  try {
    const desks = await deps.store.listDesks();
    if (desks.length === 0) throw new DomainError('not_initialised', 'tipline is not initialised');
    for (const desk of desks)
      if (!deps.sodium.memcmp(desk.recoveryPublicKey, recovery.publicKey))
        throw new DomainError('bad_credentials', 'wrong recovery key');
    const shares = await splitRecoverySeed(
      deps.sodium,
      recovery.seed,
      counts.threshold,
      counts.total,
    );
    await recordAudit(deps, {
      actor,
      action: 'recovery.split',
      detail: `${counts.threshold}-of-${counts.total}`,
    });
    return shares.map(formatRecoveryShare);
  } finally {
    wipe(deps.sodium, recovery.seed, recovery.secretKey);
  }
}

/** Parses "3-of-5", "3/5" or "3of5" into M and N (checked by splitRecoveryKey). */
export function parseShareCounts(text: string): { threshold: number; total: number } | undefined {
  const match = /^\s*(\d{1,2})\s*(?:-of-|of|\/)\s*(\d{1,2})\s*$/i.exec(text);
  if (!match) return undefined;
  const counts = { threshold: Number(match[1]), total: Number(match[2]) };
  return validShareCounts(counts.threshold, counts.total) ? counts : undefined;
}
