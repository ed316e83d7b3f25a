import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combine, split } from 'shamir-secret-sharing';
import {
  combineRecoveryShares,
  createRecoveryKey,
  formatRecoveryShare,
  loadSodium,
  RecoveryShareError,
  shareLines,
  splitRecoverySeed,
  type RecoveryShare,
  type Sodium,
} from '../../src/crypto/index.js';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) =>
    subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]),
  );
}

const problemOf = async (texts: string[]) =>
  combineRecoveryShares(sodium, texts).then(
    () => 'none',
    (error: unknown) => (error instanceof RecoveryShareError ? error.problem : 'other'),
  );

/** One character of a share's base32 body changed to another letter of the alphabet. */
function mistype(text: string): string {
  const at = text.length - 10;
  const char = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + char + text.slice(at + 1);
}

describe('recovery shares (Shamir, M of N)', () => {
  let seed: Uint8Array;
  let shares: RecoveryShare[];
  beforeAll(async () => {
    seed = createRecoveryKey(sodium).seed;
    shares = await splitRecoverySeed(sodium, seed, 3, 5);
  });

  it('numbers the shares 1 to N, each carrying M/N and the same split id', () => {
    expect(shares.map((s) => [s.number, s.threshold, s.total])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [n, 3, 5]),
    );
    expect(new Set(shares.map((s) => s.splitId)).size).toBe(1);
    expect(formatRecoveryShare(shares[1]!)).toMatch(
      /^Recovery share 2 of 5 \(any 3 restore the key\), split [0-9A-F]{8}\nTLRS1-/,
    );
  });

  it('restores the seed from every one of the ten combinations of three shares of a 3-of-5 split', async () => {
    const combos = subsets(shares, 3);
    expect(combos).toHaveLength(10);
    for (const combo of combos) {
      const restored = await combineRecoveryShares(
        sodium,
        combo.map((s) => s.text),
      );
      expect(sodium.to_hex(restored)).toBe(sodium.to_hex(seed));
    }
  });

  it('restores the seed from four or five shares too, in any order', async () => {
    const restored = await combineRecoveryShares(
      sodium,
      [...shares].reverse().map((s) => s.text),
    );
    expect(sodium.to_hex(restored)).toBe(sodium.to_hex(seed));
  });

  it('refuses every pair of shares of a 3-of-5 split as too few', async () => {
    for (const pair of subsets(shares, 2))
      expect(await problemOf(pair.map((s) => s.text))).toBe('too_few');
  });

  it('refuses shares of two different splits of the same key', async () => {
    const other = await splitRecoverySeed(sodium, seed, 3, 5);
    expect(await problemOf([shares[0]!.text, shares[1]!.text, other[2]!.text])).toBe(
      'mixed_splits',
    );
  });

  it('refuses a share given twice', async () => {
    expect(await problemOf([shares[0]!.text, shares[1]!.text, shares[0]!.text])).toBe('repeated');
  });

  it('refuses a mistyped share by its checksum, naming its position', async () => {
    const error = await combineRecoveryShares(sodium, [
      shares[0]!.text,
      mistype(shares[1]!.text),
      shares[2]!.text,
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryShareError);
    expect((error as RecoveryShareError).problem).toBe('checksum');
    expect((error as RecoveryShareError).position).toBe(2);
  });

  it('refuses text that is not a share at all', async () => {
    expect(await problemOf(['TLRS1-HELLO', shares[1]!.text, shares[2]!.text])).toBe('malformed');
  });

  it('forgives case, spaces and dashes in a share', async () => {
    const restored = await combineRecoveryShares(
      sodium,
      shares.slice(0, 3).map((s) => s.text.toLowerCase().replace(/-/g, ' ')),
    );
    expect(sodium.to_hex(restored)).toBe(sodium.to_hex(seed));
  });

  it('finds the share lines of a pasted text, headers and blank lines left out', () => {
    const text = shares
      .slice(0, 3)
      .map((s) => formatRecoveryShare(s))
      .join('\n\n');
    expect(shareLines(text)).toEqual(shares.slice(0, 3).map((s) => s.text));
  });

  it('refuses M below 2, N below M and N above 16', async () => {
    for (const [m, n] of [
      [1, 3],
      [4, 3],
      [3, 17],
    ] as const)
      await expect(splitRecoverySeed(sodium, seed, m, n)).rejects.toThrow(/2 <= M <= N <= 16/);
  });
});

describe('fewer than M shares reveal nothing (property)', () => {
  /*
   * For any M-1 shares of a secret and ANY candidate secret, there is exactly one value of an
   * M-th share (at a fresh x-coordinate) that makes the M shares combine to that candidate:
   * so M-1 shares are equally consistent with every secret. Checked byte-wise through the
   * library's own combine (each byte is an independent polynomial over GF(2^8)).
   */
  it('leaves every candidate secret consistent with exactly one completion', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 2, max: 5 }),
        async (secret, candidate, threshold) => {
          const all = await split(secret, threshold + 1, threshold);
          const known = all.slice(0, threshold - 1);
          const used = new Set(known.map((s) => s[32]!));
          let x = 1;
          while (used.has(x)) x++;
          const completions = Array.from({ length: 32 }, () => [] as number[]);
          for (let y = 0; y < 256; y++) {
            const guess = new Uint8Array(33).fill(y);
            guess[32] = x;
            const out = await combine([...known, guess]);
            for (let i = 0; i < 32; i++) if (out[i] === candidate[i]) completions[i]!.push(y);
          }
          expect(completions.every((ys) => ys.length === 1)).toBe(true);
          const completion = Uint8Array.from([...completions.map((ys) => ys[0]!), x]);
          expect(Array.from(await combine([...known, completion]))).toEqual(Array.from(candidate));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never restores the secret from M-1 raw shares combined', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 3, max: 6 }),
        async (secret, threshold) => {
          const all = await split(secret, threshold, threshold);
          const out = await combine(all.slice(0, threshold - 1));
          expect(Array.from(out)).not.toEqual(Array.from(secret));
        },
      ),
      { numRuns: 50 },
    );
  });
});
