import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic, utf8 } from './bytes.js';
import { deriveSubkeys, type KdfParams } from './kdf.js';

/*
 * A reviewer's personal X25519 secret key, wrapped under a key derived from the passphrase.
 * One argon2id run yields two subkeys: a login verifier (stored, compared in constant time)
 * and the wrapping key (never stored). Wrapped key format v1:
 *
 *   magic "TLWK" | version 0x01 | nonce (24) | XChaCha20-Poly1305(secret key, ad = magic|version|owner)
 */

export const WRAPPED_KEY_MAGIC = new Uint8Array([0x54, 0x4c, 0x57, 0x4b]); // "TLWK"
const WRAPPED_KEY_VERSION = 1;
const NONCE_BYTES = 24;
const KDF_CONTEXT = 'tlrevkey';

export interface ReviewerSecrets {
  /** Stored; proves knowledge of the passphrase. */
  readonly verifier: Uint8Array;
  /** Never stored; unwraps the personal secret key. */
  readonly wrappingKey: Uint8Array;
}

/** One argon2id derivation from the passphrase: verifier and wrapping key. Wipe both after use. */
export async function deriveReviewerSecrets(
  sodium: Sodium,
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
): Promise<ReviewerSecrets> {
  const [verifier, wrappingKey] = await deriveSubkeys(
    sodium,
    passphrase,
    salt,
    params,
    KDF_CONTEXT,
    [1, 2],
  );
  if (!verifier || !wrappingKey) throw new Error('key derivation failed');
  return { verifier, wrappingKey };
}

/** Wraps a secret key; `owner` (the reviewer id) is bound as associated data. */
export function wrapReviewerKey(
  sodium: Sodium,
  wrappingKey: Uint8Array,
  secretKey: Uint8Array,
  owner: string,
): Uint8Array {
  const prefix = concatBytes(WRAPPED_KEY_MAGIC, Uint8Array.of(WRAPPED_KEY_VERSION));
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const ad = concatBytes(prefix, utf8(owner));
  return concatBytes(
    prefix,
    nonce,
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(secretKey, ad, null, nonce, wrappingKey),
  );
}

/** Unwraps a reviewer's secret key; throws CryptoFormatError on a wrong key or altered bytes. */
export function unwrapReviewerKey(
  sodium: Sodium,
  wrappingKey: Uint8Array,
  wrapped: Uint8Array,
  owner: string,
): Uint8Array {
  readMagic(wrapped, WRAPPED_KEY_MAGIC, 'wrapped key');
  if (wrapped[WRAPPED_KEY_MAGIC.length] !== WRAPPED_KEY_VERSION)
    throw new CryptoFormatError('wrapped key: unsupported version');
  const prefixLength = WRAPPED_KEY_MAGIC.length + 1;
  if (wrapped.length < prefixLength + NONCE_BYTES + 16)
    throw new CryptoFormatError('wrapped key: too short');
  const ad = concatBytes(wrapped.subarray(0, prefixLength), utf8(owner));
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped.subarray(prefixLength + NONCE_BYTES),
      ad,
      wrapped.subarray(prefixLength, prefixLength + NONCE_BYTES),
      wrappingKey,
    );
  } catch {
    throw new CryptoFormatError('wrapped key: does not authenticate');
  }
}

/** A fresh personal X25519 keypair for a reviewer. */
export function createReviewerKeyPair(sodium: Sodium): {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
} {
  const pair = sodium.crypto_box_keypair();
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}
