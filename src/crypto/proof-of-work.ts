import { hashRaw, type Algorithm } from '@node-rs/argon2';

/*
 * Proof of work for the in-browser path under load: find a nonce such that
 * argon2id(nonce, challenge id) starts with `difficulty` zero bits. argon2id (memory-hard)
 * rather than a plain hash, so a GPU buys an attacker little. The browser computes the same
 * function with libsodium's crypto_pwhash (ARGON2ID13, opslimit = iterations,
 * memlimit = memoryKiB × 1024); the test vectors pin that both agree.
 */

import { POW_PARAMS } from './pow-params.js';

export * from './pow-params.js';
const ARGON2ID = 2 as Algorithm;

/** The argon2id output for one nonce attempt. */
export async function powHash(nonce: string, challengeId: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await hashRaw(Buffer.from(nonce, 'utf8'), {
      algorithm: ARGON2ID,
      memoryCost: POW_PARAMS.memoryKiB,
      timeCost: POW_PARAMS.iterations,
      parallelism: 1,
      outputLen: POW_PARAMS.outputBytes,
      salt: Buffer.from(challengeId),
    }),
  );
}
