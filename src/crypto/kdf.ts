import { hashRaw, type Algorithm } from '@node-rs/argon2';
import type { Sodium } from './sodium.js';
import { wipe } from './bytes.js';
import { assertKdfParams, KDF_SALT_BYTES, type KdfParams } from './kdf-params.js';

export * from './kdf-params.js';

const MASTER_BYTES = 32;
// Algorithm is an ambient const enum, which verbatimModuleSyntax cannot inline: Argon2id = 2.
const ARGON2ID = 2 as Algorithm;

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
