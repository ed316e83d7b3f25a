import { concatBytes, CryptoFormatError, readMagic } from './bytes.js';
import type { Sodium } from './sodium.js';

/*
 * The server alert key: an X25519 keypair the running server holds, kept in the data
 * directory (mode 0600), never in the database. Reviewer alert addresses, Telegram chat ids
 * and the ids of pending urgent tips are sealed to it (crypto_box_seal), so the database
 * alone (a backup, a copied tipline.db) shows none of them. Format v1:
 *   "TLSS1" | crypto_box_seal(ISO/IEC 7816-4 pad(plaintext, 256-byte blocks))
 * Padding hides the length of an address within its 256-byte block.
 */

export const SERVER_SEAL_MAGIC: Uint8Array = new TextEncoder().encode('TLSS1');
/** Every sealed value is padded to a multiple of this, so short and long addresses look alike. */
export const SERVER_SEAL_BLOCK = 256;
/** The largest plaintext accepted: an e-mail address is at most 254 bytes. */
export const SERVER_SEAL_MAX_BYTES = 1024;
export const SERVER_KEY_SEED_BYTES = 32;

export interface ServerKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** The server alert keypair from its 32-byte seed (the file in the data directory). */
export function serverKeyPairFromSeed(sodium: Sodium, seed: Uint8Array): ServerKeyPair {
  if (seed.length !== SERVER_KEY_SEED_BYTES) throw new CryptoFormatError('server key: bad seed');
  const pair = sodium.crypto_box_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** Seals `plaintext` to the server alert public key. Anyone may seal; only the server opens. */
export function sealToServer(
  sodium: Sodium,
  publicKey: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  if (plaintext.length > SERVER_SEAL_MAX_BYTES)
    throw new CryptoFormatError('server seal: plaintext too long');
  const padded = sodium.pad(plaintext, SERVER_SEAL_BLOCK);
  try {
    return concatBytes(SERVER_SEAL_MAGIC, sodium.crypto_box_seal(padded, publicKey));
  } finally {
    sodium.memzero(padded);
  }
}

/** Opens a value sealed by sealToServer; throws CryptoFormatError if it was altered or is not ours. */
export function openFromServer(
  sodium: Sodium,
  keys: ServerKeyPair,
  sealed: Uint8Array,
): Uint8Array {
  readMagic(sealed, SERVER_SEAL_MAGIC, 'server seal');
  let padded: Uint8Array;
  try {
    padded = sodium.crypto_box_seal_open(
      sealed.subarray(SERVER_SEAL_MAGIC.length),
      keys.publicKey,
      keys.secretKey,
    );
  } catch {
    throw new CryptoFormatError('server seal: cannot open');
  }
  try {
    return sodium.unpad(padded, SERVER_SEAL_BLOCK);
  } catch {
    throw new CryptoFormatError('server seal: bad padding');
  } finally {
    sodium.memzero(padded);
  }
}
