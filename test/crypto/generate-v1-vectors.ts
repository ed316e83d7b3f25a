/*
 * Writes test/fixtures/crypto/v1-vectors.json once. Sealing is randomised (box_seal, nonces),
 * so sealing formats are pinned as decryption vectors: bytes made once, committed, and
 * opened by every later version. A format change means a new file, never an edited one.
 * Run: npx tsx test/crypto/generate-v1-vectors.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import {
  createDeskKeyPair,
  deriveInboxKeys,
  deriveReviewerSecrets,
  DEFAULT_KDF_PARAMS,
  encryptAttachment,
  formatRecoveryKey,
  recoveryKeyFromSeed,
  sealDeskGrant,
  sealForTipster,
  sealTipEnvelope,
  wrapReviewerKey,
  loadSodium,
  type KdfParams,
} from '../../src/crypto/index.js';

const OUT = new URL('../fixtures/crypto/v1-vectors.json', import.meta.url);
if (existsSync(OUT)) {
  console.error('refusing to overwrite committed vectors; a new format needs a new file');
  process.exit(1);
}

const sodium = await loadSodium();
const hex = (b: Uint8Array) => sodium.to_hex(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const small: KdfParams = { algorithm: 'argon2id', memoryKiB: 1024, iterations: 2, parallelism: 1 };

const desk = createDeskKeyPair(sodium);
const tipText = JSON.stringify({
  v: 1,
  channel: 'web',
  language: 'sr-Latn',
  fields: { message: 'Pasoši su oduzeti. 护照被拿走了。' },
  attachments: [],
});
const attachmentKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
const attachmentPlain = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 251);
const smallAttachment = utf8('a short voice note');

const salt = sodium.from_hex('00112233445566778899aabbccddeeff');
const passphrase = 'correct horse battery staple';
const reviewerSecret = sodium.from_hex('1f'.repeat(32));
const smallSecrets = await deriveReviewerSecrets(sodium, utf8(passphrase), salt, small);
const prodSecrets = await deriveReviewerSecrets(sodium, utf8(passphrase), salt, DEFAULT_KDF_PARAMS);

const member = sodium.crypto_box_keypair();
const seed = sodium.from_hex('a5'.repeat(32));
const recovery = recoveryKeyFromSeed(sodium, seed);
const inbox = await deriveInboxKeys(sodium, '48210937551277300164', salt, small);

const vectors = {
  note: 'v1 known-answer vectors; generated once by test/crypto/generate-v1-vectors.ts',
  tipEnvelope: {
    deskKeyId: hex(desk.keyId),
    deskPublicKey: hex(desk.publicKey),
    deskSecretKey: hex(desk.secretKey),
    plaintext: tipText,
    envelope: hex(sealTipEnvelope(sodium, desk, utf8(tipText))),
  },
  attachment: {
    key: hex(attachmentKey),
    multiChunk: {
      plaintextRule: 'byte i = (i * 7) % 251, length 70000',
      ciphertextBase64: Buffer.from(
        encryptAttachment(sodium, attachmentKey, attachmentPlain),
      ).toString('base64'),
    },
    single: {
      plaintext: 'a short voice note',
      ciphertext: hex(encryptAttachment(sodium, attachmentKey, smallAttachment)),
    },
  },
  reviewerKey: {
    passphrase,
    salt: hex(salt),
    owner: 'reviewer-0001',
    secretKey: hex(reviewerSecret),
    small: {
      params: small,
      verifier: hex(smallSecrets.verifier),
      wrappingKey: hex(smallSecrets.wrappingKey),
      wrapped: hex(
        wrapReviewerKey(sodium, smallSecrets.wrappingKey, reviewerSecret, 'reviewer-0001'),
      ),
    },
    production: {
      params: DEFAULT_KDF_PARAMS,
      verifier: hex(prodSecrets.verifier),
      wrappingKey: hex(prodSecrets.wrappingKey),
    },
  },
  deskGrant: {
    memberPublicKey: hex(member.publicKey),
    memberSecretKey: hex(member.privateKey),
    deskKeyId: hex(desk.keyId),
    deskPublicKey: hex(desk.publicKey),
    deskSecretKey: hex(desk.secretKey),
    grant: hex(sealDeskGrant(sodium, desk, member.publicKey)),
  },
  recoveryKey: {
    seed: hex(seed),
    printable: formatRecoveryKey(sodium, seed),
    publicKey: hex(recovery.publicKey),
  },
  codename: {
    normalized: '48210937551277300164',
    instanceSalt: hex(salt),
    params: small,
    lookupId: hex(inbox.lookupId),
    replyPublicKey: hex(inbox.replyPublicKey),
  },
  tipsterMessage: {
    replyPublicKey: hex(inbox.replyPublicKey),
    replySecretKey: hex(inbox.replySecretKey),
    plaintext: 'We read your report. Are you safe now?',
    sealed: hex(
      sealForTipster(sodium, inbox.replyPublicKey, utf8('We read your report. Are you safe now?')),
    ),
  },
};
writeFileSync(OUT, `${JSON.stringify(vectors, null, 2)}\n`, { flag: 'wx' });
console.log('wrote', OUT.pathname);
