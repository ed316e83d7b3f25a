import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assertKdfParams,
  constantTimeEqual,
  createDeskKeyPair,
  createRecoveryKey,
  CryptoFormatError,
  decryptAttachment,
  encryptAttachment,
  formatRecoveryKey,
  generateCodename,
  loadSodium,
  normalizeCodename,
  openDeskGrant,
  openForTipster,
  openTipEnvelope,
  paddingBucket,
  parseRecoveryKey,
  readTipEnvelopeHeader,
  sealDeskGrant,
  sealForTipster,
  sealTipEnvelope,
  TIP_ENVELOPE_HEADER_BYTES,
  unwrapReviewerKey,
  wrapReviewerKey,
  type Sodium,
} from '../../src/crypto/index.js';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const anyBytes = (maxLength: number) => fc.uint8Array({ maxLength });
const flip = (data: Uint8Array, index: number, bit: number) => {
  const copy = data.slice();
  copy[index % copy.length]! ^= 1 << bit;
  return copy;
};
const failsToOpen = (open: () => unknown) => {
  expect(open).toThrow(CryptoFormatError);
};

describe('tip envelope properties', () => {
  it('opens to exactly what was sealed', () => {
    const desk = createDeskKeyPair(sodium);
    fc.assert(
      fc.property(anyBytes(5000), (content) => {
        expect(openTipEnvelope(sodium, sealTipEnvelope(sodium, desk, content), desk)).toEqual(
          content,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('fails to open when any bit of any byte is flipped', () => {
    const desk = createDeskKeyPair(sodium);
    const envelope = sealTipEnvelope(sodium, desk, new TextEncoder().encode('flip me'));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (index, bit) =>
        failsToOpen(() => openTipEnvelope(sodium, flip(envelope, index, bit), desk)),
      ),
      { numRuns: 300 },
    );
  });

  it('fails to open with another desk key, or the right id on another key', () => {
    const desk = createDeskKeyPair(sodium);
    const other = createDeskKeyPair(sodium);
    fc.assert(
      fc.property(anyBytes(300), (content) => {
        const envelope = sealTipEnvelope(sodium, desk, content);
        failsToOpen(() => openTipEnvelope(sodium, envelope, other));
        failsToOpen(() => openTipEnvelope(sodium, envelope, { ...other, keyId: desk.keyId }));
      }),
      { numRuns: 50 },
    );
  });

  it('fails to open when truncated anywhere', () => {
    const desk = createDeskKeyPair(sodium);
    const envelope = sealTipEnvelope(sodium, desk, new TextEncoder().encode('truncate me'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: envelope.length - 1 }), (length) =>
        failsToOpen(() => openTipEnvelope(sodium, envelope.subarray(0, length), desk)),
      ),
      { numRuns: 200 },
    );
  });

  it('leaks only the padding bucket of the content length', () => {
    const desk = createDeskKeyPair(sodium);
    fc.assert(
      fc.property(fc.nat({ max: 70_000 }), (length) => {
        const envelope = sealTipEnvelope(sodium, desk, new Uint8Array(length));
        expect(envelope.length).toBe(TIP_ENVELOPE_HEADER_BYTES + paddingBucket(length) + 16);
        expect(readTipEnvelopeHeader(envelope).paddedSize).toBe(paddingBucket(length));
      }),
      { numRuns: 60 },
    );
  });
});

describe('padding buckets', () => {
  it('are at least one byte larger, powers of two below 1 MiB and whole MiB above', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 * 1024 * 1024 }), (length) => {
        const bucket = paddingBucket(length);
        expect(bucket).toBeGreaterThan(length);
        if (bucket <= 1024 * 1024) expect(Math.log2(bucket) % 1).toBe(0);
        else expect(bucket % (1024 * 1024)).toBe(0);
        expect(bucket).toBeGreaterThanOrEqual(512);
      }),
    );
  });
});

describe('attachment properties', () => {
  it('decrypts to exactly what was encrypted, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200_000 }), fc.integer({ min: 0, max: 255 }), (length, fill) => {
        const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
        const data = new Uint8Array(length).fill(fill);
        expect(decryptAttachment(sodium, key, encryptAttachment(sodium, key, data))).toEqual(data);
      }),
      { numRuns: 20 },
    );
  });

  it('fails on a flipped bit, a wrong key, a dropped final chunk or any truncation', () => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const ciphertext = encryptAttachment(sodium, key, new Uint8Array(150_000).fill(3));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (index, bit) =>
        failsToOpen(() => decryptAttachment(sodium, key, flip(ciphertext, index, bit))),
      ),
      { numRuns: 60 },
    );
    failsToOpen(() =>
      decryptAttachment(sodium, sodium.crypto_secretstream_xchacha20poly1305_keygen(), ciphertext),
    );
    const withoutFinal = ciphertext.subarray(0, 5 + 24 + 2 * (65_536 + 17));
    failsToOpen(() => decryptAttachment(sodium, key, withoutFinal));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ciphertext.length - 1 }), (length) =>
        failsToOpen(() => decryptAttachment(sodium, key, ciphertext.subarray(0, length))),
      ),
      { numRuns: 60 },
    );
  });
});

describe('key wrapping, grants and tipster messages', () => {
  it('unwraps a wrapped key only with the same wrapping key and owner', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ maxLength: 40 }),
        (secret, owner) => {
          const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
          const wrapped = wrapReviewerKey(sodium, key, secret, owner);
          expect(unwrapReviewerKey(sodium, key, wrapped, owner)).toEqual(secret);
          failsToOpen(() => unwrapReviewerKey(sodium, key, wrapped, `${owner}x`));
          failsToOpen(() =>
            unwrapReviewerKey(
              sodium,
              sodium.crypto_aead_xchacha20poly1305_ietf_keygen(),
              wrapped,
              owner,
            ),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('opens a grant only for the member it was sealed to and the desk key it names', () => {
    const desk = createDeskKeyPair(sodium);
    const member = sodium.crypto_box_keypair();
    const grant = sealDeskGrant(sodium, desk, member.publicKey);
    const recipient = { publicKey: member.publicKey, secretKey: member.privateKey };
    expect(openDeskGrant(sodium, grant, recipient, desk).secretKey).toEqual(desk.secretKey);
    const other = createDeskKeyPair(sodium);
    failsToOpen(() => openDeskGrant(sodium, grant, recipient, other));
    const stranger = sodium.crypto_box_keypair();
    failsToOpen(() =>
      openDeskGrant(
        sodium,
        grant,
        { publicKey: stranger.publicKey, secretKey: stranger.privateKey },
        desk,
      ),
    );
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (i, bit) =>
        failsToOpen(() => openDeskGrant(sodium, flip(grant, i, bit), recipient, desk)),
      ),
      { numRuns: 100 },
    );
  });

  it('seals tipster messages that open only with the codename key, intact', () => {
    const pair = sodium.crypto_box_keypair();
    const keys = { replyPublicKey: pair.publicKey, replySecretKey: pair.privateKey };
    fc.assert(
      fc.property(anyBytes(3000), fc.nat(), (message, index) => {
        const sealed = sealForTipster(sodium, pair.publicKey, message);
        expect(openForTipster(sodium, keys, sealed)).toEqual(message);
        failsToOpen(() => openForTipster(sodium, keys, flip(sealed, index, 0)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('recovery key and codename text forms', () => {
  it('parse back what they format, forgiving case and spacing, refusing any one changed character', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'),
        (position, replacement) => {
          const recovery = createRecoveryKey(sodium);
          const printable = formatRecoveryKey(sodium, recovery.seed);
          expect(
            parseRecoveryKey(sodium, printable.toLowerCase().replace(/-/g, ' ')).publicKey,
          ).toEqual(recovery.publicKey);
          const body = printable.slice(6);
          const index = position % body.length;
          if (body[index] === '-' || body[index] === replacement) return;
          const changed = `${printable.slice(0, 6)}${body.slice(0, index)}${replacement}${body.slice(index + 1)}`;
          failsToOpen(() => parseRecoveryKey(sodium, changed));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes codenames of 20 digits in five groups that normalise to themselves', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const codename = generateCodename(sodium);
        expect(codename).toMatch(/^\d{4}( \d{4}){4}$/);
        expect(normalizeCodename(codename)).toBe(codename.replace(/ /g, ''));
      }),
      { numRuns: 50 },
    );
  });

  it('reads codenames typed with full-width, Thai, Khmer, Myanmar or Lao digits and any separators', () => {
    const digits = '48210937551277300164';
    const inScript = (zero: number) =>
      [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
    for (const zero of [0xff10, 0x0e50, 0x17e0, 0x1040, 0x0ed0])
      expect(normalizeCodename(inScript(zero))).toBe(digits);
    expect(normalizeCodename('4821-0937 5512.7730 0164')).toBe(digits);
    expect(normalizeCodename('4821 0937 5512 7730 016')).toBeUndefined();
    expect(normalizeCodename('4821 0937 5512 7730 016a')).toBeUndefined();
  });
});

describe('secret helpers', () => {
  it('compare equal bytes as equal and anything else as different', () => {
    fc.assert(
      fc.property(anyBytes(64), anyBytes(64), (a, b) => {
        expect(constantTimeEqual(sodium, a, a.slice())).toBe(true);
        expect(constantTimeEqual(sodium, a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
      }),
    );
  });

  it('refuse absurd key derivation parameters from a tampered row', () => {
    const ok = { algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
    expect(() => assertKdfParams(ok)).not.toThrow();
    expect(() => assertKdfParams({ ...ok, memoryKiB: 1024 ** 3 })).toThrow();
    expect(() => assertKdfParams({ ...ok, iterations: 0 })).toThrow();
    expect(() => assertKdfParams({ ...ok, algorithm: 'argon2i' as 'argon2id' })).toThrow();
  });
});
