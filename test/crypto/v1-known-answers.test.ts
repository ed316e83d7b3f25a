import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  decryptAttachment,
  deriveInboxKeys,
  deriveReviewerSecrets,
  formatRecoveryKey,
  loadSodium,
  openDeskGrant,
  openForTipster,
  openTipEnvelope,
  parseRecoveryKey,
  readTipEnvelopeHeader,
  unwrapReviewerKey,
  type KdfParams,
  type Sodium,
} from '../../src/crypto/index.js';

interface Vectors {
  tipEnvelope: {
    deskKeyId: string;
    deskPublicKey: string;
    deskSecretKey: string;
    plaintext: string;
    envelope: string;
  };
  attachment: {
    key: string;
    multiChunk: { ciphertextBase64: string };
    single: { plaintext: string; ciphertext: string };
  };
  reviewerKey: {
    passphrase: string;
    salt: string;
    owner: string;
    secretKey: string;
    small: { params: KdfParams; verifier: string; wrappingKey: string; wrapped: string };
    production: { params: KdfParams; verifier: string; wrappingKey: string };
  };
  deskGrant: {
    memberPublicKey: string;
    memberSecretKey: string;
    deskKeyId: string;
    deskPublicKey: string;
    deskSecretKey: string;
    grant: string;
  };
  recoveryKey: { seed: string; printable: string; publicKey: string };
  codename: {
    normalized: string;
    instanceSalt: string;
    params: KdfParams;
    lookupId: string;
    replyPublicKey: string;
  };
  tipsterMessage: {
    replyPublicKey: string;
    replySecretKey: string;
    plaintext: string;
    sealed: string;
  };
}

const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/crypto/v1-vectors.json', import.meta.url), 'utf8'),
) as Vectors;
let sodium: Sodium;
const bytes = (hex: string) => sodium.from_hex(hex);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

beforeAll(async () => {
  sodium = await loadSodium();
});

describe('v1 known answers', () => {
  it('opens the committed tip envelope and reads its header without a key', () => {
    const v = vectors.tipEnvelope;
    const desk = {
      keyId: bytes(v.deskKeyId),
      publicKey: bytes(v.deskPublicKey),
      secretKey: bytes(v.deskSecretKey),
    };
    expect(text(openTipEnvelope(sodium, bytes(v.envelope), desk))).toBe(v.plaintext);
    const header = readTipEnvelopeHeader(bytes(v.envelope));
    expect([header.version, sodium.to_hex(header.deskKeyId), header.paddedSize]).toEqual([
      1,
      v.deskKeyId,
      512,
    ]);
  });

  it('decrypts the committed attachments, one chunk and several', () => {
    const v = vectors.attachment;
    const key = bytes(v.key);
    expect(text(decryptAttachment(sodium, key, bytes(v.single.ciphertext)))).toBe(
      v.single.plaintext,
    );
    const multi = decryptAttachment(
      sodium,
      key,
      new Uint8Array(Buffer.from(v.multiChunk.ciphertextBase64, 'base64')),
    );
    expect(multi.length).toBe(70_000);
    expect(multi.every((b, i) => b === (i * 7) % 251)).toBe(true);
  });

  it('derives the committed verifier and wrapping key, and unwraps the committed key', async () => {
    const v = vectors.reviewerKey;
    const secrets = await deriveReviewerSecrets(
      sodium,
      new TextEncoder().encode(v.passphrase),
      bytes(v.salt),
      v.small.params,
    );
    expect([sodium.to_hex(secrets.verifier), sodium.to_hex(secrets.wrappingKey)]).toEqual([
      v.small.verifier,
      v.small.wrappingKey,
    ]);
    expect(
      sodium.to_hex(
        unwrapReviewerKey(sodium, secrets.wrappingKey, bytes(v.small.wrapped), v.owner),
      ),
    ).toBe(v.secretKey);
  });

  it('pins the production argon2id parameters: 64 MiB, 3 passes, 1 lane', async () => {
    const v = vectors.reviewerKey;
    expect(v.production.params).toEqual({
      algorithm: 'argon2id',
      memoryKiB: 65_536,
      iterations: 3,
      parallelism: 1,
    });
    const secrets = await deriveReviewerSecrets(
      sodium,
      new TextEncoder().encode(v.passphrase),
      bytes(v.salt),
      v.production.params,
    );
    expect([sodium.to_hex(secrets.verifier), sodium.to_hex(secrets.wrappingKey)]).toEqual([
      v.production.verifier,
      v.production.wrappingKey,
    ]);
  });

  it('opens the committed desk grant to the full desk keypair', () => {
    const v = vectors.deskGrant;
    const desk = openDeskGrant(
      sodium,
      bytes(v.grant),
      { publicKey: bytes(v.memberPublicKey), secretKey: bytes(v.memberSecretKey) },
      {
        keyId: bytes(v.deskKeyId),
        publicKey: bytes(v.deskPublicKey),
      },
    );
    expect(sodium.to_hex(desk.secretKey)).toBe(v.deskSecretKey);
  });

  it('formats and parses the committed recovery key', () => {
    const v = vectors.recoveryKey;
    expect(formatRecoveryKey(sodium, bytes(v.seed))).toBe(v.printable);
    expect(sodium.to_hex(parseRecoveryKey(sodium, v.printable).publicKey)).toBe(v.publicKey);
  });

  it('derives the committed inbox lookup id and reply key from a codename', async () => {
    const v = vectors.codename;
    const keys = await deriveInboxKeys(sodium, v.normalized, bytes(v.instanceSalt), v.params);
    expect([sodium.to_hex(keys.lookupId), sodium.to_hex(keys.replyPublicKey)]).toEqual([
      v.lookupId,
      v.replyPublicKey,
    ]);
  });

  it('opens the committed message to a tipster', () => {
    const v = vectors.tipsterMessage;
    const opened = openForTipster(
      sodium,
      { replyPublicKey: bytes(v.replyPublicKey), replySecretKey: bytes(v.replySecretKey) },
      bytes(v.sealed),
    );
    expect(text(opened)).toBe(v.plaintext);
  });
});
