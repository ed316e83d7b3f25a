import { hashRaw, type Algorithm } from '@node-rs/argon2';
import type { Sodium } from './sodium.js';
import { wipe } from './bytes.js';

/** argon2id cost parameters, stored beside every salt so they can be raised later. */
export interface KdfParams {
  readonly algorithm: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * The production cost: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option).
 * Measured at about 0.2 s per derivation on a 2-core server (see docs/CRYPTO.md).
 */
export const DEFAULT_KDF_PARAMS: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
};

export const KDF_SALT_BYTES = 16;
const MASTER_BYTES = 32;
// Algorithm is an ambient const enum, which verbatimModuleSyntax cannot inline: Argon2id = 2.
const ARGON2ID = 2 as Algorithm;

/** Rejects stored parameters outside sane bounds (a tampered row must not make us allocate 1 TB). */
export function assertKdfParams(params: KdfParams): void {
  const ok =
    params.algorithm === 'argon2id' &&
    Number.isInteger(params.memoryKiB) &&
    params.memoryKiB >= 8 &&
    params.memoryKiB <= 4 * 1024 * 1024 &&
    Number.isInteger(params.iterations) &&
    params.iterations >= 1 &&
    params.iterations <= 64 &&
    Number.isInteger(params.parallelism) &&
    params.parallelism >= 1 &&
    params.parallelism <= 16;
  if (!ok) throw new Error('unsupported key derivation parameters');
}

/**
 * argon2id(secret, salt) followed by libsodium's KDF to split one expensive derivation into
 * independent subkeys, one per purpose. `context` is exactly 8 characters and names the use.
 */
export async function deriveSubkeys(
  sodium: Sodium,
  secret: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
  context: string,
  subkeyIds: readonly number[],
): Promise<Uint8Array[]> {
  assertKdfParams(params);
  if (salt.length !== KDF_SALT_BYTES) throw new Error('salt must be 16 bytes');
  // @node-rs/argon2 draws a random salt unless one is passed; we always pass the stored one.
  const master = new Uint8Array(
    await hashRaw(Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength), {
      algorithm: ARGON2ID,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: MASTER_BYTES,
      salt: Buffer.from(salt),
    }),
  );
  try {
    return subkeyIds.map((id) => sodium.crypto_kdf_derive_from_key(32, id, context, master));
  } finally {
    wipe(sodium, master);
  }
}
