/** Proof-of-work parameters and bit counting, free of Node APIs so the browser shares them. */

export const POW_PARAMS = {
  memoryKiB: 4096,
  iterations: 1,
  outputBytes: 32,
  challengeIdBytes: 16,
} as const;

/** How many leading zero bits `bytes` has. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
