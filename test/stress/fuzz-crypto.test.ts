import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createAttachmentKey,
  createDeskKeyPair,
  CryptoFormatError,
  decryptAttachment,
  encryptAttachment,
  loadSodium,
  normalizeCodename,
  openForTipster,
  openTipEnvelope,
  readAttachmentPaddedSize,
  readTipEnvelopeHeader,
  sealTipEnvelope,
} from '../../src/crypto/index.js';

const sodium = await loadSodium();
const desk = createDeskKeyPair(sodium);
const validEnvelope = sealTipEnvelope(sodium, desk, new TextEncoder().encode('{"v":1}'));
const attachmentKey = createAttachmentKey(sodium);
const validAttachment = encryptAttachment(sodium, attachmentKey, new Uint8Array(70_000).fill(7));

/** Random bytes, or a valid object mutated: bytes overwritten, cut, repeated or spliced. */
const mutated = (valid: Uint8Array) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc
      .tuple(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat({ max: valid.length }),
        fc.nat({ max: valid.length }),
        fc.constantFrom('overwrite', 'truncate', 'repeat', 'splice'),
      )
      .map(([writes, a, b, how]) => {
        const copy = valid.slice();
        for (const [at, byte] of writes) copy[at % copy.length] = byte;
        if (how === 'truncate') return copy.subarray(0, a);
        if (how === 'repeat')
          return new Uint8Array([...copy, ...copy.subarray(Math.min(a, b), Math.max(a, b))]);
        if (how === 'splice')
          return new Uint8Array([
            ...copy.subarray(0, Math.min(a, b)),
            ...copy.subarray(Math.max(a, b)),
          ]);
        return copy;
      }),
  );

/** Runs `parse`; it may return or throw CryptoFormatError, nothing else, and quickly. */
function onlyFormatErrors(parse: () => unknown): void {
  const start = performance.now();
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoFormatError);
  }
  expect(performance.now() - start).toBeLessThan(1_000);
}

describe('the crypto parsers under random and mutated input', () => {
  it('read or refuse any tip envelope bytes with a format error, never anything else', () => {
    fc.assert(
      fc.property(mutated(validEnvelope), (bytes) => {
        onlyFormatErrors(() => readTipEnvelopeHeader(bytes));
        onlyFormatErrors(() => openTipEnvelope(sodium, bytes, desk));
      }),
      { numRuns: 400 },
    );
  });

  it('decrypt or refuse any attachment bytes with a format error, and size-check them without throwing', () => {
    fc.assert(
      fc.property(mutated(validAttachment), (bytes) => {
        onlyFormatErrors(() => decryptAttachment(sodium, attachmentKey, bytes));
        const size = readAttachmentPaddedSize(bytes);
        expect(size === undefined || Number.isSafeInteger(size)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('open or refuse any tipster-sealed bytes with a format error', () => {
    const keys = sodium.crypto_box_keypair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        onlyFormatErrors(() =>
          openForTipster(
            sodium,
            { replyPublicKey: keys.publicKey, replySecretKey: keys.privateKey },
            bytes,
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('normalise any typed text to a codename or to nothing, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const result = normalizeCodename(text);
        expect(result === undefined || /^\d{20}$/.test(result)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
