import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import sumo from 'libsodium-wrappers-sumo';
import {
  CASE_FILE_HEADER_BYTES,
  CryptoFormatError,
  fromUtf8,
  loadSodium,
  openCaseFile,
  readCaseFileParams,
  sealCaseFile,
  utf8,
  type KdfParams,
  type Sodium,
} from '../../src/crypto/index.js';

interface Vector {
  passphrase: string;
  params: KdfParams;
  salt: string;
  nonce: string;
  document: string;
  caseFile: string;
}

const vector = JSON.parse(
  readFileSync(new URL('../fixtures/crypto/case-file-v1.json', import.meta.url), 'utf8'),
) as Vector;
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const SMALL: KdfParams = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 };

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
  await sumo.ready;
});

describe('the TLCF v1 case file format', () => {
  it('seals the fixed vector to the same bytes with the same salt and nonce', async () => {
    const sealed = await sealCaseFile(
      sodium,
      utf8(vector.passphrase),
      utf8(vector.document),
      vector.params,
      { salt: hex(vector.salt), nonce: hex(vector.nonce) },
    );
    expect(Buffer.from(sealed).toString('hex')).toBe(vector.caseFile);
  });

  it('opens the fixed vector to its document', async () => {
    const opened = await openCaseFile(sodium, utf8(vector.passphrase), hex(vector.caseFile));
    expect(fromUtf8(opened)).toBe(vector.document);
  });

  it('opens the fixed vector with an independent argon2id (libsodium crypto_pwhash) as documented', () => {
    const bytes = hex(vector.caseFile);
    const header = bytes.subarray(0, CASE_FILE_HEADER_BYTES);
    expect(fromUtf8(header.subarray(0, 4))).toBe('TLCF');
    expect([...header.subarray(4, 15)]).toEqual([1, 2, 0, 0, 1, 0, 0, 0, 0, 2, 1]);
    const master = sumo.crypto_pwhash(
      32,
      vector.passphrase,
      hex(vector.salt),
      vector.params.iterations,
      vector.params.memoryKiB * 1024,
      sumo.crypto_pwhash_ALG_ARGON2ID13,
    );
    const key = sumo.crypto_kdf_derive_from_key(32, 1, 'tlcasef1', master);
    const padded = sumo.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(CASE_FILE_HEADER_BYTES),
      header,
      hex(vector.nonce),
      key,
    );
    expect(padded.length).toBe(512);
    expect(fromUtf8(sumo.unpad(padded, 512))).toBe(vector.document);
  });

  it('refuses a wrong passphrase with a format error', async () => {
    await expect(
      openCaseFile(sodium, utf8('not the passphrase'), hex(vector.caseFile)),
    ).rejects.toBeInstanceOf(CryptoFormatError);
  });

  it('refuses the file when any one byte of header or body is changed', async () => {
    const sealed = await sealCaseFile(sodium, utf8('a long passphrase'), utf8('<p>x</p>'), SMALL);
    // version, KDF id and parameters are checked before derivation; every other byte by the AEAD
    for (const at of [0, 4, 5, 9, 13, 14, 20, 45, CASE_FILE_HEADER_BYTES, sealed.length - 1]) {
      const damaged = sealed.slice();
      damaged[at] = (damaged[at] ?? 0) ^ 0x01;
      await expect(openCaseFile(sodium, utf8('a long passphrase'), damaged)).rejects.toBeInstanceOf(
        CryptoFormatError,
      );
    }
  });

  it('refuses a truncated file', async () => {
    const sealed = await sealCaseFile(sodium, utf8('a long passphrase'), utf8('<p>x</p>'), SMALL);
    await expect(
      openCaseFile(sodium, utf8('a long passphrase'), sealed.subarray(0, sealed.length - 1)),
    ).rejects.toBeInstanceOf(CryptoFormatError);
    await expect(
      openCaseFile(sodium, utf8('a long passphrase'), sealed.subarray(0, 30)),
    ).rejects.toBeInstanceOf(CryptoFormatError);
  });

  it('refuses parameters that would make the reader allocate more than 1 GiB, before deriving', () => {
    const crafted = hex(vector.caseFile);
    new DataView(crafted.buffer).setUint32(6, 2 * 1024 * 1024);
    expect(() => readCaseFileParams(crafted)).toThrow(CryptoFormatError);
  });
});
