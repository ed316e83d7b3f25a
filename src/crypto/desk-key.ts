import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic } from './bytes.js';
import { DESK_KEY_ID_BYTES, type DeskKeyPair } from './tip-envelope.js';

/*
 * A desk keypair is shared by its members through grants: the desk secret key sealed
 * (crypto_box_seal) to each member's personal public key, and to the recovery key.
 * Grant plaintext, format v1:  magic "TLDG" | version 0x01 | desk key id (16) | desk secret key (32)
 * The id inside the seal stops a grant for one desk key being passed off as another's.
 */

export const DESK_GRANT_MAGIC = new Uint8Array([0x54, 0x4c, 0x44, 0x47]); // "TLDG"
const DESK_GRANT_VERSION = 1;
const SECRET_KEY_BYTES = 32;

/** A fresh desk keypair with a random 16-byte id. */
export function createDeskKeyPair(sodium: Sodium): DeskKeyPair {
  const pair = sodium.crypto_box_keypair();
  return {
    keyId: sodium.randombytes_buf(DESK_KEY_ID_BYTES),
    publicKey: pair.publicKey,
    secretKey: pair.privateKey,
  };
}

/** Seals a desk secret key to a member (or the recovery key). */
export function sealDeskGrant(
  sodium: Sodium,
  desk: DeskKeyPair,
  recipientPublicKey: Uint8Array,
): Uint8Array {
  const plaintext = concatBytes(
    DESK_GRANT_MAGIC,
    Uint8Array.of(DESK_GRANT_VERSION),
    desk.keyId,
    desk.secretKey,
  );
  try {
    return sodium.crypto_box_seal(plaintext, recipientPublicKey);
  } finally {
    sodium.memzero(plaintext);
  }
}

/**
 * Opens a grant and checks that it holds the secret key for `expected` (id and public key),
 * returning the full unlocked desk keypair.
 */
export function openDeskGrant(
  sodium: Sodium,
  grant: Uint8Array,
  recipient: { publicKey: Uint8Array; secretKey: Uint8Array },
  expected: { keyId: Uint8Array; publicKey: Uint8Array },
): DeskKeyPair {
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.crypto_box_seal_open(grant, recipient.publicKey, recipient.secretKey);
  } catch {
    throw new CryptoFormatError('desk grant: does not open with this key');
  }
  try {
    readMagic(plaintext, DESK_GRANT_MAGIC, 'desk grant');
    const prefix = DESK_GRANT_MAGIC.length + 1;
    if (
      plaintext[DESK_GRANT_MAGIC.length] !== DESK_GRANT_VERSION ||
      plaintext.length !== prefix + DESK_KEY_ID_BYTES + SECRET_KEY_BYTES
    ) {
      throw new CryptoFormatError('desk grant: unsupported format');
    }
    const keyId = plaintext.slice(prefix, prefix + DESK_KEY_ID_BYTES);
    const secretKey = plaintext.slice(prefix + DESK_KEY_ID_BYTES);
    const publicKey = sodium.crypto_scalarmult_base(secretKey);
    if (!sodium.memcmp(keyId, expected.keyId) || !sodium.memcmp(publicKey, expected.publicKey)) {
      sodium.memzero(secretKey);
      throw new CryptoFormatError('desk grant: for another desk key');
    }
    return { keyId, publicKey, secretKey };
  } finally {
    sodium.memzero(plaintext);
  }
}
