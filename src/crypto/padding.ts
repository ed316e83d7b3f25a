import type { Sodium } from './sodium.js';
import { CryptoFormatError } from './bytes.js';

const MIN_BUCKET = 512;
const LARGE_STEP = 1024 * 1024;

/**
 * The padded size for a plaintext of `length` bytes. Sizes below 1 MiB round up to the next
 * power of two (at least 512 bytes); larger sizes round up to a whole MiB. An observer of the
 * ciphertext learns only the bucket. ISO/IEC 7816-4 padding always adds at least one byte.
 */
export function paddingBucket(length: number): number {
  const needed = length + 1;
  if (needed <= MIN_BUCKET) return MIN_BUCKET;
  if (needed <= LARGE_STEP) {
    let bucket = MIN_BUCKET;
    while (bucket < needed) bucket *= 2;
    return bucket;
  }
  return Math.ceil(needed / LARGE_STEP) * LARGE_STEP;
}

/** Pads `plaintext` to its bucket with libsodium's ISO/IEC 7816-4 padding. */
export function padToBucket(sodium: Sodium, plaintext: Uint8Array): Uint8Array {
  const bucket = paddingBucket(plaintext.length);
  const padded = sodium.pad(plaintext, bucket);
  if (padded.length !== bucket) throw new Error('padding produced an unexpected size');
  return padded;
}

/** Removes bucket padding; throws CryptoFormatError if the padding is malformed. */
export function unpadFromBucket(sodium: Sodium, padded: Uint8Array): Uint8Array {
  try {
    return sodium.unpad(padded, padded.length);
  } catch {
    throw new CryptoFormatError('bad padding');
  }
}
