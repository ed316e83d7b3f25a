import { createHash } from 'node:crypto';
import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic, wipe } from './bytes.js';
import { deriveSubkeys } from './kdf.js';
import { assertKdfParams, KDF_SALT_BYTES, type KdfParams } from './kdf-params.js';
import { padToBucket, unpadFromBucket } from './padding.js';

/*
 * Case file for a partner, passphrase variant, format v1 (docs/CRYPTO.md, "Case file"):
 *
 *   "TLCF" | 0x01 | 0x02 (argon2id) | memory KiB (u32 BE) | passes (u32 BE) | lanes (u8)
 *          | salt (16) | nonce (24) | body
 *
 * key  = subkey 1 of crypto_kdf_derive_from_key(context "tlcasef1",
 *        argon2id(passphrase, salt, memory, passes, lanes) → 32 bytes)
 * body = XChaCha20-Poly1305(pad(document), key, nonce, ad = the 55 header bytes)
 *
 * The header is associated data: a changed parameter, salt or nonce fails like a wrong
 * passphrase. The document is bucket-padded like a tip envelope.
 */

export const CASE_FILE_MAGIC = new Uint8Array([0x54, 0x4c, 0x43, 0x46]); // "TLCF"
export const CASE_FILE_VERSION = 1;
const ALGORITHM_ARGON2ID = 2;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const KDF_CONTEXT = 'tlcasef1';
export const CASE_FILE_HEADER_BYTES = 4 + 1 + 1 + 4 + 4 + 1 + KDF_SALT_BYTES + NONCE_BYTES;
/** A partner's laptop must not be made to allocate more than this by a crafted file. */
const MAX_OPEN_MEMORY_KIB = 1024 * 1024;

export interface CaseFileRandomness {
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
}

async function caseKey(
  sodium: Sodium,
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  const [key] = await deriveSubkeys(sodium, passphrase, salt, params, KDF_CONTEXT, [1]);
  if (!key) throw new Error('no key derived');
  return key;
}

function header(params: KdfParams, salt: Uint8Array, nonce: Uint8Array): Uint8Array {
  const fixed = new Uint8Array(15);
  const view = new DataView(fixed.buffer);
  fixed.set(CASE_FILE_MAGIC, 0);
  fixed[4] = CASE_FILE_VERSION;
  fixed[5] = ALGORITHM_ARGON2ID;
  view.setUint32(6, params.memoryKiB);
  view.setUint32(10, params.iterations);
  fixed[14] = params.parallelism;
  return concatBytes(fixed, salt, nonce);
}

/** Encrypts `document` to a passphrase. `randomness` is for known-answer tests only. */
export async function sealCaseFile(
  sodium: Sodium,
  passphrase: Uint8Array,
  document: Uint8Array,
  params: KdfParams,
  randomness?: CaseFileRandomness,
): Promise<Uint8Array> {
  assertKdfParams(params);
  const salt = randomness?.salt ?? sodium.randombytes_buf(KDF_SALT_BYTES);
  const nonce = randomness?.nonce ?? sodium.randombytes_buf(NONCE_BYTES);
  if (salt.length !== KDF_SALT_BYTES || nonce.length !== NONCE_BYTES)
    throw new Error('bad salt or nonce length');
  const head = header(params, salt, nonce);
  const key = await caseKey(sodium, passphrase, salt, params);
  const padded = padToBucket(sodium, document);
  try {
    const body = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, head, null, nonce, key);
    return concatBytes(head, body);
  } finally {
    wipe(sodium, key, padded);
  }
}

/** True when `bytes` starts like a passphrase case file (any version). */
export function isPassphraseCaseFile(bytes: Uint8Array): boolean {
  return CASE_FILE_MAGIC.every((b, i) => bytes[i] === b);
}

/** The KDF parameters a case file names, checked before any memory is spent on them. */
export function readCaseFileParams(bytes: Uint8Array): KdfParams {
  readMagic(bytes, CASE_FILE_MAGIC, 'case file');
  if (bytes.length < CASE_FILE_HEADER_BYTES + TAG_BYTES)
    throw new CryptoFormatError('case file: too short');
  if (bytes[4] !== CASE_FILE_VERSION) throw new CryptoFormatError('case file: unknown version');
  if (bytes[5] !== ALGORITHM_ARGON2ID) throw new CryptoFormatError('case file: unknown KDF');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params: KdfParams = {
    algorithm: 'argon2id',
    memoryKiB: view.getUint32(6),
    iterations: view.getUint32(10),
    parallelism: bytes[14] ?? 0,
  };
  try {
    assertKdfParams(params);
  } catch {
    throw new CryptoFormatError('case file: unsupported parameters');
  }
  if (params.memoryKiB > MAX_OPEN_MEMORY_KIB)
    throw new CryptoFormatError('case file: unsupported parameters');
  return params;
}

/**
 * Decrypts a passphrase case file. A wrong passphrase and any changed byte give the same
 * CryptoFormatError; nothing of the document is returned unless it authenticates.
 */
export async function openCaseFile(
  sodium: Sodium,
  passphrase: Uint8Array,
  bytes: Uint8Array,
): Promise<Uint8Array> {
  const params = readCaseFileParams(bytes);
  const head = bytes.subarray(0, CASE_FILE_HEADER_BYTES);
  const salt = bytes.slice(15, 15 + KDF_SALT_BYTES);
  const nonce = bytes.slice(15 + KDF_SALT_BYTES, CASE_FILE_HEADER_BYTES);
  const key = await caseKey(sodium, passphrase, salt, params);
  let padded: Uint8Array | undefined;
  try {
    padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(CASE_FILE_HEADER_BYTES),
      head,
      nonce,
      key,
    );
  } catch {
    throw new CryptoFormatError('case file: wrong passphrase or damaged file');
  } finally {
    wipe(sodium, key);
  }
  try {
    return unpadFromBucket(sodium, padded);
  } finally {
    wipe(sodium, padded);
  }
}

/** The CSP source for an inline style or script: 'sha256-' + base64 of its SHA-256 (CSP level 2). */
export function cspHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
