import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../src/crypto/index.js';
import { createEnvelopeReplayGuard, createSodiumRandom } from '../../src/core/index.js';

async function guard(maxEntries = 10) {
  const sodium = await loadSodium();
  return {
    sodium,
    guard: createEnvelopeReplayGuard({ sodium, random: createSodiumRandom(sodium), maxEntries }),
  };
}

describe('the envelope replay guard', () => {
  it('takes an envelope once and refuses the same bytes again', async () => {
    const { guard: g } = await guard();
    const envelope = new Uint8Array([1, 2, 3, 4]);
    expect(g.claim(envelope)).toBe(true);
    expect(g.claim(new Uint8Array([1, 2, 3, 4]))).toBe(false);
    expect(g.claim(new Uint8Array([1, 2, 3, 5]))).toBe(true);
  });

  it('takes an envelope again once it was released', async () => {
    const { guard: g } = await guard();
    const envelope = new Uint8Array([9, 9]);
    g.claim(envelope);
    g.release(envelope);
    expect(g.claim(envelope)).toBe(true);
  });

  it('stays bounded, forgetting the oldest first', async () => {
    const { guard: g } = await guard(3);
    const envelopes = [1, 2, 3, 4].map((n) => new Uint8Array([n]));
    for (const e of envelopes) expect(g.claim(e)).toBe(true);
    // 1 was forgotten to make room for 4; 2, 3 and 4 are still remembered
    expect(g.claim(envelopes[1]!)).toBe(false);
    expect(g.claim(envelopes[3]!)).toBe(false);
    expect(g.claim(envelopes[0]!)).toBe(true);
  });
});
