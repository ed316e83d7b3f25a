import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CryptoFormatError,
  loadSodium,
  openFromServer,
  sealToServer,
  serverKeyPairFromSeed,
  SERVER_SEAL_BLOCK,
} from '../../src/crypto/index.js';

const sodium = await loadSodium();
const keys = serverKeyPairFromSeed(sodium, new Uint8Array(32).fill(7));
const other = serverKeyPairFromSeed(sodium, new Uint8Array(32).fill(8));
const encoder = new TextEncoder();

describe('values sealed to the server alert key', () => {
  it('open with the server key and round-trip any value up to the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), (bytes) => {
        expect(openFromServer(sodium, keys, sealToServer(sodium, keys.publicKey, bytes))).toEqual(
          bytes,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('derive the same keypair from the same seed (the key file), a different one from another', () => {
    expect(serverKeyPairFromSeed(sodium, new Uint8Array(32).fill(7)).publicKey).toEqual(
      keys.publicKey,
    );
    expect(other.publicKey).not.toEqual(keys.publicKey);
  });

  it('refuse a wrong key, a flipped byte and a truncation alike', () => {
    const sealed = sealToServer(sodium, keys.publicKey, encoder.encode('ana@ngo.example'));
    expect(() => openFromServer(sodium, other, sealed)).toThrow(CryptoFormatError);
    for (const index of [0, 6, sealed.length - 1]) {
      const tampered = new Uint8Array(sealed);
      tampered[index]! ^= 1;
      expect(() => openFromServer(sodium, keys, tampered)).toThrow(CryptoFormatError);
    }
    expect(() => openFromServer(sodium, keys, sealed.subarray(0, 40))).toThrow(CryptoFormatError);
  });

  it('hide the length of a short address: every value under one block seals to the same size', () => {
    const short = sealToServer(sodium, keys.publicKey, encoder.encode('a@b.co'));
    const long = sealToServer(
      sodium,
      keys.publicKey,
      encoder.encode(`${'x'.repeat(200)}@example.org`),
    );
    expect(short.length).toBe(long.length);
    expect(short.length).toBe(5 + 48 + SERVER_SEAL_BLOCK);
    // and two seals of one value differ (fresh ephemeral key each time)
    expect(sealToServer(sodium, keys.publicKey, encoder.encode('a@b.co'))).not.toEqual(short);
  });
});
