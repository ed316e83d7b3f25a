import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError, readMagic, utf8 } from './bytes.js';
import { deriveSubkeys, type KdfParams } from './kdf.js';
import { padToBucket, unpadFromBucket } from './padding.js';

/*
 * The tipster codename: 20 random decimal digits (66.4 bits), written in five groups of four.
 * Digits are language-neutral and can be typed on any keypad. argon2id(codename, instance salt)
 * gives two subkeys: one hashed into the inbox lookup id (the only form stored), one the seed of
 * the keypair that replies are sealed to. The server never stores the codename itself.
 */

export const CODENAME_DIGITS = 20;
const GROUP = 4;
const KDF_CONTEXT = 'tlinbox1';

/** A fresh random codename, e.g. `4821 0937 5512 7730 0164`. */
export function generateCodename(sodium: Sodium): string {
  let digits = '';
  for (let i = 0; i < CODENAME_DIGITS; i++) digits += String(sodium.randombytes_uniform(10));
  return formatCodename(digits);
}

export function formatCodename(digits: string): string {
  return (digits.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join(' ');
}

// Zero code points of the decimal digit sets a tipster's keyboard may produce.
const DIGIT_ZEROS = [0x30, 0xff10, 0x0660, 0x06f0, 0x0e50, 0x0ed0, 0x1040, 0x17e0, 0x1810, 0x0966];

/**
 * Reduces what a tipster typed to the 20 ASCII digits, accepting full-width, Thai, Lao, Khmer,
 * Myanmar, Mongolian and other common digits, and ignoring spaces and punctuation.
 * Returns undefined if it is not a codename.
 */
export function normalizeCodename(input: string): string | undefined {
  if (input.length > 200) return undefined;
  let digits = '';
  for (const char of input) {
    const code = char.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    if (zero !== undefined) digits += String(code - zero);
    else if (/[\p{L}\p{N}]/u.test(char)) return undefined;
  }
  return digits.length === CODENAME_DIGITS ? digits : undefined;
}

export interface InboxKeys {
  /** BLAKE2b of the lookup subkey: the only trace of the codename in the store. */
  readonly lookupId: Uint8Array;
  readonly replyPublicKey: Uint8Array;
  readonly replySecretKey: Uint8Array;
}

/** Derives the inbox lookup id and reply keypair from a normalized codename. */
export async function deriveInboxKeys(
  sodium: Sodium,
  normalizedCodename: string,
  instanceSalt: Uint8Array,
  params: KdfParams,
): Promise<InboxKeys> {
  const secret = utf8(normalizedCodename);
  const [lookupKey, seed] = await deriveSubkeys(
    sodium,
    secret,
    instanceSalt,
    params,
    KDF_CONTEXT,
    [1, 2],
  );
  sodium.memzero(secret);
  if (!lookupKey || !seed) throw new Error('key derivation failed');
  const lookupId = sodium.crypto_generichash(32, lookupKey, null);
  const pair = sodium.crypto_box_seed_keypair(seed);
  sodium.memzero(lookupKey);
  sodium.memzero(seed);
  return { lookupId, replyPublicKey: pair.publicKey, replySecretKey: pair.privateKey };
}

/*
 * A message to a tipster (a reviewer's reply), format v1:
 *   magic "TLTR" | version 0x01 | crypto_box_seal(pad(text)) to the codename's reply key
 */
export const TIPSTER_MESSAGE_MAGIC = new Uint8Array([0x54, 0x4c, 0x54, 0x52]); // "TLTR"

export function sealForTipster(
  sodium: Sodium,
  replyPublicKey: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const padded = padToBucket(sodium, plaintext);
  try {
    return concatBytes(
      TIPSTER_MESSAGE_MAGIC,
      Uint8Array.of(1),
      sodium.crypto_box_seal(padded, replyPublicKey),
    );
  } finally {
    sodium.memzero(padded);
  }
}

export function openForTipster(
  sodium: Sodium,
  keys: Pick<InboxKeys, 'replyPublicKey' | 'replySecretKey'>,
  sealed: Uint8Array,
): Uint8Array {
  readMagic(sealed, TIPSTER_MESSAGE_MAGIC, 'tipster message');
  if (sealed[TIPSTER_MESSAGE_MAGIC.length] !== 1)
    throw new CryptoFormatError('tipster message: unsupported version');
  let padded: Uint8Array;
  try {
    padded = sodium.crypto_box_seal_open(
      sealed.subarray(TIPSTER_MESSAGE_MAGIC.length + 1),
      keys.replyPublicKey,
      keys.replySecretKey,
    );
  } catch {
    throw new CryptoFormatError('tipster message: does not open');
  }
  try {
    return unpadFromBucket(sodium, padded);
  } finally {
    sodium.memzero(padded);
  }
}
