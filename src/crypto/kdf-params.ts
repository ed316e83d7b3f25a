/** Cost parameters for argon2id, kept free of Node APIs so browser code can share the types. */

/** argon2id cost parameters, stored beside every salt so they can be raised later. */
export interface KdfParams {
  readonly algorithm: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * The production cost: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option).
 * Measured by `npm run bench` at roughly 0.05-0.1 s per derivation on a 2-core server.
 */
export const DEFAULT_KDF_PARAMS: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
};

export const KDF_SALT_BYTES = 16;

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
