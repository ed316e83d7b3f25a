import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError } from './bytes.js';

/*
 * The recovery key: 32 random bytes shown once at `init`, never stored. It is the seed of an
 * X25519 keypair whose public half is stored; the desk secret key is also sealed to it.
 * Written as Crockford base32 of seed | 2-byte BLAKE2b checksum, in groups of five, prefixed
 * "TLRK1-", so a mistyped character is caught before any key is tried.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'TLRK1-';
const SEED_BYTES = 32;
const CHECK_BYTES = 2;

/** Crockford base32 (no padding); also the alphabet of recovery shares. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes exactly `byteLength` bytes of canonical Crockford base32; throws CryptoFormatError otherwise. */
export function base32Decode(text: string, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    // Crockford: I and L read as 1, O as 0
    const normal = char === 'I' || char === 'L' ? '1' : char === 'O' ? '0' : char;
    const digit = ALPHABET.indexOf(normal);
    if (digit < 0) throw new CryptoFormatError('recovery key: unexpected character');
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (index >= byteLength) throw new CryptoFormatError('recovery key: too long');
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if (index !== byteLength) throw new CryptoFormatError('recovery key: too short');
  // The last character carries padding bits; they must be zero, or two spellings would decode alike.
  if (bits >= 5 || (value & ((1 << bits) - 1)) !== 0)
    throw new CryptoFormatError('recovery key: not canonical');
  return out;
}

export interface RecoveryKey {
  /** The seed; shown once, never stored. */
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** A fresh recovery key. */
export function createRecoveryKey(sodium: Sodium): RecoveryKey {
  return recoveryKeyFromSeed(sodium, sodium.randombytes_buf(SEED_BYTES));
}

export function recoveryKeyFromSeed(sodium: Sodium, seed: Uint8Array): RecoveryKey {
  if (seed.length !== SEED_BYTES) throw new CryptoFormatError('recovery key: wrong length');
  const pair = sodium.crypto_box_seed_keypair(seed);
  return { seed, publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** The printable form, e.g. `TLRK1-ABCDE-…`. */
export function formatRecoveryKey(sodium: Sodium, seed: Uint8Array): string {
  const check = sodium.crypto_generichash(CHECK_BYTES, seed, null);
  const encoded = base32Encode(concatBytes(seed, check));
  return PREFIX + (encoded.match(/.{1,5}/g) ?? []).join('-');
}

/** Parses the printable form (case, spaces and dashes are forgiven); throws on a typo. */
export function parseRecoveryKey(sodium: Sodium, text: string): RecoveryKey {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('TLRK1') ? compact.slice(5) : compact;
  const bytes = base32Decode(body, SEED_BYTES + CHECK_BYTES);
  const seed = bytes.slice(0, SEED_BYTES);
  const expected = sodium.crypto_generichash(CHECK_BYTES, seed, null);
  if (!sodium.memcmp(expected, bytes.subarray(SEED_BYTES))) {
    sodium.memzero(seed);
    throw new CryptoFormatError('recovery key: checksum does not match (typo?)');
  }
  sodium.memzero(bytes);
  return recoveryKeyFromSeed(sodium, seed);
}
