import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic, wipe } from './bytes.js';
import { paddingBucket, padToBucket, unpadFromBucket } from './padding.js';

/*
 * Tip envelope, format v1 (all integers are single bytes):
 *
 *   magic "TLTE" | version 0x01 | desk key id (16) | sealed content key (80) | nonce (24) | body
 *
 * body = XChaCha20-Poly1305(pad(content), key = content key, nonce, ad = everything before body).
 * The content key is random per tip and sealed (crypto_box_seal) to the desk public key, so the
 * server can write an envelope it can never read back. Binding the whole header as associated
 * data means a header swapped onto another body, or a changed key id, fails to open.
 */

export const TIP_ENVELOPE_MAGIC = new Uint8Array([0x54, 0x4c, 0x54, 0x45]); // "TLTE"
export const TIP_ENVELOPE_VERSION = 1;
export const DESK_KEY_ID_BYTES = 16;
const CONTENT_KEY_BYTES = 32;
const SEALED_KEY_BYTES = CONTENT_KEY_BYTES + 48; // crypto_box_SEALBYTES
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const TIP_ENVELOPE_HEADER_BYTES =
  TIP_ENVELOPE_MAGIC.length + 1 + DESK_KEY_ID_BYTES + SEALED_KEY_BYTES + NONCE_BYTES;

/** A desk public key and its id, enough to seal a tip to that desk. */
export interface DeskPublicKey {
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** An unlocked desk keypair, enough to open tips sealed to it. */
export interface DeskKeyPair extends DeskPublicKey {
  readonly secretKey: Uint8Array;
}

/** What can be learnt from an envelope without any key. */
export interface TipEnvelopeHeader {
  readonly version: number;
  readonly deskKeyId: Uint8Array;
  /** Size of the padded plaintext: the bucket, which is all the length reveals. */
  readonly paddedSize: number;
}

/** Seals `content` to a desk: fresh content key, bucket padding, header bound as associated data. */
export function sealTipEnvelope(
  sodium: Sodium,
  desk: DeskPublicKey,
  content: Uint8Array,
): Uint8Array {
  if (desk.keyId.length !== DESK_KEY_ID_BYTES) throw new Error('desk key id must be 16 bytes');
  const contentKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const padded = padToBucket(sodium, content);
  try {
    const sealedKey = sodium.crypto_box_seal(contentKey, desk.publicKey);
    const nonce = sodium.randombytes_buf(NONCE_BYTES);
    const header = concatBytes(
      TIP_ENVELOPE_MAGIC,
      Uint8Array.of(TIP_ENVELOPE_VERSION),
      desk.keyId,
      sealedKey,
      nonce,
    );
    const body = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      padded,
      header,
      null,
      nonce,
      contentKey,
    );
    return concatBytes(header, body);
  } finally {
    wipe(sodium, contentKey, padded);
  }
}

/**
 * Checks an envelope's structure without opening it: magic, version, and a body whose size is
 * exactly a padding bucket plus the tag. Used where the server must accept envelopes sealed in
 * the browser that it cannot read.
 */
export function readTipEnvelopeHeader(envelope: Uint8Array): TipEnvelopeHeader {
  readMagic(envelope, TIP_ENVELOPE_MAGIC, 'tip envelope');
  if (envelope.length < TIP_ENVELOPE_HEADER_BYTES + TAG_BYTES)
    throw new CryptoFormatError('tip envelope: too short');
  const version = envelope[TIP_ENVELOPE_MAGIC.length];
  if (version !== TIP_ENVELOPE_VERSION)
    throw new CryptoFormatError('tip envelope: unsupported version');
  const paddedSize = envelope.length - TIP_ENVELOPE_HEADER_BYTES - TAG_BYTES;
  if (paddedSize < 1 || paddingBucket(paddedSize - 1) !== paddedSize) {
    throw new CryptoFormatError('tip envelope: body is not a padding bucket');
  }
  const idStart = TIP_ENVELOPE_MAGIC.length + 1;
  return { version, deskKeyId: envelope.slice(idStart, idStart + DESK_KEY_ID_BYTES), paddedSize };
}

/** Opens an envelope with the desk keypair it was sealed to; throws CryptoFormatError otherwise. */
export function openTipEnvelope(
  sodium: Sodium,
  envelope: Uint8Array,
  desk: DeskKeyPair,
): Uint8Array {
  const header = readTipEnvelopeHeader(envelope);
  if (!sodium.memcmp(header.deskKeyId, desk.keyId))
    throw new CryptoFormatError('tip envelope: sealed to another desk key');
  const keyStart = TIP_ENVELOPE_MAGIC.length + 1 + DESK_KEY_ID_BYTES;
  const sealedKey = envelope.subarray(keyStart, keyStart + SEALED_KEY_BYTES);
  const nonce = envelope.subarray(keyStart + SEALED_KEY_BYTES, TIP_ENVELOPE_HEADER_BYTES);
  let contentKey: Uint8Array | undefined;
  let padded: Uint8Array | undefined;
  try {
    contentKey = sodium.crypto_box_seal_open(sealedKey, desk.publicKey, desk.secretKey);
    padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      envelope.subarray(TIP_ENVELOPE_HEADER_BYTES),
      envelope.subarray(0, TIP_ENVELOPE_HEADER_BYTES),
      nonce,
      contentKey,
    );
  } catch {
    throw new CryptoFormatError('tip envelope: does not authenticate');
  } finally {
    wipe(sodium, contentKey);
  }
  try {
    return unpadFromBucket(sodium, padded);
  } finally {
    wipe(sodium, padded);
  }
}
