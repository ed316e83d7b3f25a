import {
  createReviewerKeyPair,
  deriveReviewerSecrets,
  KDF_SALT_BYTES,
  sealDeskGrant,
  wipe,
  wrapReviewerKey,
  type DeskKeyPair,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import { bytesToHex } from './ids.js';
import type { CoreDeps } from './deps.js';
import type {
  DeskId,
  DeskKeyId,
  DeskKeyRecord,
  ReviewerCredentials,
  ReviewerId,
  ReviewerRecord,
} from './ports.js';

/*
 * The shapes that unlocked keys take in memory, and the records made from fresh key material:
 * reviewer credentials wrapped under a passphrase, desk-key records sealed to the recovery key.
 */

const MIN_PASSPHRASE_CHARS = 12;
export const MAX_PASSPHRASE_BYTES = 1024;
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

export function unlockedDesks(
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
export async function createCredentials(
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

export function deskKeyRecord(
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
