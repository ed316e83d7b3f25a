import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic, wipe } from './bytes.js';
import { paddingBucket, padToBucket, unpadFromBucket } from './padding.js';

/*
 * Attachment ciphertext, format v1:
 *
 *   magic "TLTA" | version 0x01 | secretstream header (24) | chunk* (each ≤ 64 KiB + 17 bytes)
 *
 * Each file has its own random key, carried only inside the tip envelope. The plaintext is
 * padded to a bucket first so the stored size leaks only the bucket. The last chunk carries
 * the FINAL tag, so a truncated file fails to open instead of opening short.
 */

export const ATTACHMENT_MAGIC = new Uint8Array([0x54, 0x4c, 0x54, 0x41]); // "TLTA"
export const ATTACHMENT_VERSION = 1;
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
const STREAM_HEADER_BYTES = 24;
const STREAM_ABYTES = 17;
const PREFIX_BYTES = ATTACHMENT_MAGIC.length + 1;

/** A fresh random key for one attachment. */
export function createAttachmentKey(sodium: Sodium): Uint8Array {
  return sodium.crypto_secretstream_xchacha20poly1305_keygen();
}

/** Encrypts one file's bytes with its own key, in authenticated chunks. */
export function encryptAttachment(
  sodium: Sodium,
  key: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const padded = padToBucket(sodium, plaintext);
  try {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const parts: Uint8Array[] = [ATTACHMENT_MAGIC, Uint8Array.of(ATTACHMENT_VERSION), header];
    for (let offset = 0; offset < padded.length; offset += ATTACHMENT_CHUNK_BYTES) {
      const end = Math.min(offset + ATTACHMENT_CHUNK_BYTES, padded.length);
      const tag =
        end === padded.length
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      parts.push(
        sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          padded.subarray(offset, end),
          null,
          tag,
        ),
      );
    }
    return concatBytes(...parts);
  } finally {
    wipe(sodium, padded);
  }
}

/** Decrypts an attachment; throws CryptoFormatError on a wrong key, tampering or truncation. */
export function decryptAttachment(
  sodium: Sodium,
  key: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  readMagic(ciphertext, ATTACHMENT_MAGIC, 'attachment');
  if (ciphertext[ATTACHMENT_MAGIC.length] !== ATTACHMENT_VERSION)
    throw new CryptoFormatError('attachment: unsupported version');
  if (ciphertext.length < PREFIX_BYTES + STREAM_HEADER_BYTES + STREAM_ABYTES)
    throw new CryptoFormatError('attachment: too short');
  const header = ciphertext.subarray(PREFIX_BYTES, PREFIX_BYTES + STREAM_HEADER_BYTES);
  let state;
  try {
    state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  } catch {
    throw new CryptoFormatError('attachment: bad header');
  }
  const parts: Uint8Array[] = [];
  let offset = PREFIX_BYTES + STREAM_HEADER_BYTES;
  let finished = false;
  try {
    while (offset < ciphertext.length) {
      if (finished) throw new CryptoFormatError('attachment: data after the final chunk');
      const end = Math.min(offset + ATTACHMENT_CHUNK_BYTES + STREAM_ABYTES, ciphertext.length);
      const result = sodium.crypto_secretstream_xchacha20poly1305_pull(
        state,
        ciphertext.subarray(offset, end),
        null,
      );
      // libsodium-wrappers returns false (not an exception) when a chunk does not authenticate
      if (!result) throw new CryptoFormatError('attachment: does not authenticate');
      parts.push(result.message);
      finished = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      offset = end;
    }
    if (!finished) throw new CryptoFormatError('attachment: truncated');
    const padded = concatBytes(...parts);
    try {
      return unpadFromBucket(sodium, padded);
    } finally {
      wipe(sodium, padded);
    }
  } catch (error) {
    if (error instanceof CryptoFormatError) throw error;
    throw new CryptoFormatError('attachment: does not authenticate');
  } finally {
    wipe(sodium, ...parts);
  }
}

/**
 * Checks an attachment's shape without its key: magic, version, and a length that is exactly
 * a padding bucket plus the stream overhead. Returns the padded plaintext size, or undefined.
 */
export function readAttachmentPaddedSize(ciphertext: Uint8Array): number | undefined {
  if (ciphertext.length < PREFIX_BYTES + STREAM_HEADER_BYTES) return undefined;
  if (
    !ATTACHMENT_MAGIC.every((byte, i) => ciphertext[i] === byte) ||
    ciphertext[ATTACHMENT_MAGIC.length] !== ATTACHMENT_VERSION
  ) {
    return undefined;
  }
  const body = ciphertext.length - PREFIX_BYTES - STREAM_HEADER_BYTES;
  for (let chunks = 1; chunks * ATTACHMENT_CHUNK_BYTES < body + ATTACHMENT_CHUNK_BYTES; chunks++) {
    const padded = body - chunks * STREAM_ABYTES;
    if (padded > 0 && Math.ceil(padded / ATTACHMENT_CHUNK_BYTES) === chunks) {
      return paddingBucket(padded - 1) === padded ? padded : undefined;
    }
  }
  return undefined;
}
