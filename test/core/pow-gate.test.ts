import { describe, expect, it } from 'vitest';
import sumo from 'libsodium-wrappers-sumo';
import { createPowGate, createSodiumRandom, isDomainError } from '../../src/core/index.js';
import { leadingZeroBits, loadSodium, powHash, POW_PARAMS } from '../../src/crypto/index.js';

// Known answers computed with libsodium's crypto_pwhash (ARGON2ID13), which the browser uses.
const VECTORS = [
  ['0', '28021863a0abaa77ce04e80a9bed179a73ab208e7c2278e3aa519140265c0921'],
  ['1', '21bace3ccaa624f8cc2781d056b8e902ce7e15498ab21e4ccd45bc9e8a08754d'],
  ['42', '0eacd49ff9c6ff3359b4fcfa7e97f499de741a5615450df736aabce2379573ff'],
] as const;
const CHALLENGE_ID = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

async function gate(options: { threshold: number; difficulty?: number; now?: () => number }) {
  const sodium = await loadSodium();
  let now = 1_000_000;
  return {
    sodium,
    setNow: (ms: number) => (now = ms),
    gate: createPowGate({
      sodium,
      clock: options.now ?? (() => now),
      random: createSodiumRandom(sodium),
      threshold: options.threshold,
      windowMs: 60_000,
      difficulty: options.difficulty ?? 3,
      ttlMs: 60_000,
    }),
  };
}

async function solve(
  sodium: Awaited<ReturnType<typeof loadSodium>>,
  token: string,
  difficulty: number,
): Promise<string> {
  const id = sodium.from_base64(token).subarray(0, 16);
  for (let n = 0; ; n++)
    if (leadingZeroBits(await powHash(String(n), id)) >= difficulty) return String(n);
}

const refused = (e: unknown) => isDomainError(e, 'rate_limited');

describe('proof of work', () => {
  it('hashes exactly as libsodium crypto_pwhash does in the browser', async () => {
    await sumo.ready;
    for (const [nonce, hex] of VECTORS) {
      expect(Buffer.from(await powHash(nonce, CHALLENGE_ID)).toString('hex')).toBe(hex);
      const browser = sumo.crypto_pwhash(
        32,
        new TextEncoder().encode(nonce),
        CHALLENGE_ID,
        POW_PARAMS.iterations,
        POW_PARAMS.memoryKiB * 1024,
        sumo.crypto_pwhash_ALG_ARGON2ID13,
      );
      expect(sumo.to_hex(browser)).toBe(hex);
    }
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.of(0, 0x10, 0xff))).toBe(11);
    expect(leadingZeroBits(Uint8Array.of(0x80))).toBe(0);
    expect(leadingZeroBits(new Uint8Array(2))).toBe(16);
  });

  it('asks for no work below the threshold, then asks once load crosses it', async () => {
    const { gate: g } = await gate({ threshold: 2 });
    expect(g.challengeIfLoaded()).toBeUndefined();
    await g.admit(undefined, undefined);
    await g.admit(undefined, undefined);
    expect(g.challengeIfLoaded()).toMatchObject({ difficulty: 3 });
    await expect(g.admit(undefined, undefined)).rejects.toSatisfy(refused);
  });

  it('accepts a correct solution once, and refuses it the second time', async () => {
    const { gate: g, sodium } = await gate({ threshold: 0 });
    const challenge = g.challengeIfLoaded()!;
    const nonce = await solve(sodium, challenge.token, challenge.difficulty);
    await g.admit(challenge.token, nonce);
    await expect(g.admit(challenge.token, nonce)).rejects.toSatisfy(refused);
  });

  it('refuses a wrong nonce, an expired challenge and a forged token', async () => {
    const { gate: g, sodium, setNow } = await gate({ threshold: 0, difficulty: 8 });
    const challenge = g.challengeIfLoaded()!;
    const nonce = await solve(sodium, challenge.token, challenge.difficulty);
    const id = sodium.from_base64(challenge.token).subarray(0, 16);
    let wrong = 0;
    while (leadingZeroBits(await powHash(String(wrong), id)) >= 8) wrong++;
    await expect(g.admit(challenge.token, String(wrong))).rejects.toSatisfy(refused);
    const forged = sodium.from_base64(challenge.token);
    forged[24] = 0; // difficulty byte
    await expect(g.admit(sodium.to_base64(forged), nonce)).rejects.toSatisfy(refused);
    setNow(1_000_000 + 61_000);
    await expect(g.admit(challenge.token, nonce)).rejects.toSatisfy(refused);
  });
});
