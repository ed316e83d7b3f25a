import { combine, split } from 'shamir-secret-sharing';
import type { Sodium } from './sodium.js';
import { concatBytes, CryptoFormatError } from './bytes.js';
import { base32Decode, base32Encode } from './recovery-key.js';

/*
 * M-of-N recovery shares: the 32-byte recovery seed split with Shamir secret sharing over
 * GF(2^8) (the `shamir-secret-sharing` library by Privy, audited by Cure53 and Zellic; it is
 * not reimplemented here). Any M shares give the seed back; fewer give no information about
 * it (every seed is equally consistent with M-1 shares). Each share is written as
 * "TLRS1-" + Crockford base32 of
 *   version (1) | M (1) | N (1) | share number (1) | split id (4) | library share (33) | check (4)
 * where check is BLAKE2b-32 of everything before it, so a mistyped share is caught on its own,
 * and the split id (random per split) tells shares of two different splits apart.
 * docs/CRYPTO.md, "Recovery shares".
 */

export const SHARE_PREFIX = 'TLRS1-';
const VERSION = 1;
const SEED_BYTES = 32;
const SPLIT_ID_BYTES = 4;
const CHECK_BYTES = 4;
const HEAD_BYTES = 4 + SPLIT_ID_BYTES;
const SHARE_BYTES = SEED_BYTES + 1;
const PAYLOAD_BYTES = HEAD_BYTES + SHARE_BYTES + CHECK_BYTES;
/** Most shares one split may have (the library allows 255; a desk needs a handful). */
export const MAX_SHARES = 16;

/** Why a set of shares was refused (no secret material in it). */
export type ShareProblem = 'malformed' | 'checksum' | 'mixed_splits' | 'repeated' | 'too_few';

export class RecoveryShareError extends CryptoFormatError {
  constructor(
    readonly problem: ShareProblem,
    /** The 1-based position of the offending share in the input, where there is one. */
    readonly position?: number,
  ) {
    super(`recovery shares: ${problem}`);
  }
}

export interface RecoveryShare {
  readonly threshold: number;
  readonly total: number;
  readonly number: number;
  /** Hex, 8 characters: the same for every share of one split. */
  readonly splitId: string;
  /** The printable share, `TLRS1-…`. */
  readonly text: string;
}

/** Checks an M-of-N choice: 2 ≤ M ≤ N ≤ MAX_SHARES. */
export function validShareCounts(threshold: number, total: number): boolean {
  return (
    Number.isInteger(threshold) &&
    Number.isInteger(total) &&
    threshold >= 2 &&
    total >= threshold &&
    total <= MAX_SHARES
  );
}

/** Splits a recovery seed into `total` shares, any `threshold` of which restore it. */
export async function splitRecoverySeed(
  sodium: Sodium,
  seed: Uint8Array,
  threshold: number,
  total: number,
): Promise<RecoveryShare[]> {
  if (seed.length !== SEED_BYTES) throw new CryptoFormatError('recovery key: wrong length');
  if (!validShareCounts(threshold, total))
    throw new CryptoFormatError('recovery shares: need 2 <= M <= N <= 16');
  const splitId = sodium.randombytes_buf(SPLIT_ID_BYTES);
  const shares = await split(seed, total, threshold);
  try {
    return shares.map((share, i) => {
      const body = concatBytes(Uint8Array.of(VERSION, threshold, total, i + 1), splitId, share);
      const payload = concatBytes(body, sodium.crypto_generichash(CHECK_BYTES, body, null));
      const text = SHARE_PREFIX + (base32Encode(payload).match(/.{1,5}/g) ?? []).join('-');
      sodium.memzero(body);
      sodium.memzero(payload);
      return { threshold, total, number: i + 1, splitId: sodium.to_hex(splitId), text };
    });
  } finally {
    for (const share of shares) sodium.memzero(share);
  }
}

/** The printable block of one share: a header line for the holder, then the share. */
export function formatRecoveryShare(share: RecoveryShare): string {
  return `Recovery share ${share.number} of ${share.total} (any ${share.threshold} restore the key), split ${share.splitId.toUpperCase()}\n${share.text}`;
}

interface ParsedShare {
  readonly threshold: number;
  readonly total: number;
  readonly number: number;
  readonly splitId: string;
  /** The library's share bytes (wipe after use). */
  readonly share: Uint8Array;
}

function parseShare(sodium: Sodium, text: string, position: number): ParsedShare {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith('TLRS1')) throw new RecoveryShareError('malformed', position);
  let payload: Uint8Array;
  try {
    payload = base32Decode(compact.slice(5), PAYLOAD_BYTES);
  } catch {
    throw new RecoveryShareError('malformed', position);
  }
  try {
    const body = payload.subarray(0, PAYLOAD_BYTES - CHECK_BYTES);
    const expected = sodium.crypto_generichash(CHECK_BYTES, body, null);
    if (!sodium.memcmp(expected, payload.subarray(PAYLOAD_BYTES - CHECK_BYTES)))
      throw new RecoveryShareError('checksum', position);
    const [version, threshold, total, number] = payload;
    if (
      version !== VERSION ||
      threshold === undefined ||
      total === undefined ||
      number === undefined ||
      !validShareCounts(threshold, total) ||
      number < 1 ||
      number > total
    )
      throw new RecoveryShareError('malformed', position);
    return {
      threshold,
      total,
      number,
      splitId: sodium.to_hex(payload.subarray(4, HEAD_BYTES)),
      share: payload.slice(HEAD_BYTES, HEAD_BYTES + SHARE_BYTES),
    };
  } finally {
    sodium.memzero(payload);
  }
}

/** The share lines of a text (one share per line; header lines and blank lines ignored). */
export function shareLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^TLRS1/i.test(line));
}

/**
 * The recovery seed from M or more shares of one split. Refuses, with RecoveryShareError and
 * before combining anything, a malformed or mistyped share, shares of two splits, a repeated
 * share and fewer than M shares. The caller wipes the returned seed.
 */
export async function combineRecoveryShares(
  sodium: Sodium,
  texts: readonly string[],
): Promise<Uint8Array> {
  const parsed: ParsedShare[] = [];
  try {
    for (const [i, text] of texts.entries()) parsed.push(parseShare(sodium, text, i + 1));
    const first = parsed[0];
    if (!first) throw new RecoveryShareError('too_few');
    for (const [i, share] of parsed.entries()) {
      if (
        share.splitId !== first.splitId ||
        share.threshold !== first.threshold ||
        share.total !== first.total
      )
        throw new RecoveryShareError('mixed_splits', i + 1);
      if (parsed.slice(0, i).some((s) => s.number === share.number))
        throw new RecoveryShareError('repeated', i + 1);
    }
    if (parsed.length < first.threshold) throw new RecoveryShareError('too_few');
    return await combine(parsed.map((s) => s.share));
  } finally {
    for (const share of parsed) sodium.memzero(share.share);
  }
}
