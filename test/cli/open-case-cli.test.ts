import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { loadSodium, sealCaseFile, utf8 } from '../../src/crypto/index.js';
import { TEST_KDF_PARAMS, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const PASS = 'a partner passphrase';
const DOCUMENT = '<!doctype html><title>Case</title><p>OPEN-CASE-SECRET Ruili</p>\n';

/** A passphrase case file in a fresh directory (no data directory anywhere: open-case is offline). */
async function passphraseCase() {
  const work = tempDir();
  const sodium = await loadSodium();
  const bytes = await sealCaseFile(sodium, utf8(PASS), utf8(DOCUMENT), TEST_KDF_PARAMS);
  const file = join(work, 'case.html.tlcf');
  writeFileSync(file, bytes);
  return { work, file, bytes };
}

const damaged = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};

describe('tipline open-case', () => {
  it('decrypts a passphrase case file to stdout with TIPLINE_CASE_PASSPHRASE', async () => {
    const { file } = await passphraseCase();
    const result = runCli(['open-case', file], { TIPLINE_CASE_PASSPHRASE: PASS });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(DOCUMENT);
  });

  it('decrypts a passphrase case file to --out with --passphrase-file', async () => {
    const { work, file } = await passphraseCase();
    const passFile = join(work, 'pass.txt');
    writeFileSync(passFile, `${PASS}\n`);
    const out = join(work, 'case.html');
    const result = runCli(['open-case', file, '--passphrase-file', passFile, '--out', out], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(DOCUMENT);
  });

  it('decrypts an age case file with --identity', async () => {
    const work = tempDir();
    const identity = await generateX25519Identity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    const file = join(work, 'case.html.age');
    writeFileSync(file, await encrypter.encrypt(DOCUMENT));
    const keyFile = join(work, 'partner.key');
    writeFileSync(keyFile, `# created: 2026-12-04\n# public key: …\n${identity}\n`);
    const result = runCli(['open-case', file, '--identity', keyFile], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(DOCUMENT);
  });

  it('fails a wrong passphrase with one line, no output and no --out file', async () => {
    const { work, file } = await passphraseCase();
    const out = join(work, 'case.html');
    const result = runCli(['open-case', file, '--out', out], {
      TIPLINE_CASE_PASSPHRASE: 'not the passphrase',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'tipline: wrong passphrase, wrong key or damaged case file; nothing was written\n',
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['case.html.tlcf']);
  });

  it('fails a case file with one changed byte in the header or the body, writing nothing', async () => {
    const { work, bytes } = await passphraseCase();
    for (const at of [20, 60, bytes.length - 1]) {
      const file = join(work, `damaged-${at}.tlcf`);
      writeFileSync(file, damaged(bytes, at));
      const out = join(work, `out-${at}.html`);
      const result = runCli(['open-case', file, '--out', out], { TIPLINE_CASE_PASSPHRASE: PASS });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        'tipline: wrong passphrase, wrong key or damaged case file; nothing was written',
        '',
      ]);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(work).filter((f) => f.endsWith('.html') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails an age case file with one changed byte, or opened with another identity, writing nothing', async () => {
    const work = tempDir();
    const identity = await generateX25519Identity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    const sealed = await encrypter.encrypt(DOCUMENT);
    const file = join(work, 'case.html.age');
    writeFileSync(file, damaged(sealed, sealed.length - 5));
    const keyFile = join(work, 'partner.key');
    writeFileSync(keyFile, `${identity}\n`);
    const otherKey = join(work, 'other.key');
    writeFileSync(otherKey, `${await generateX25519Identity()}\n`);
    const intact = join(work, 'intact.html.age');
    writeFileSync(intact, sealed);
    for (const [input, key] of [
      [file, keyFile],
      [intact, otherKey],
    ] as const) {
      const out = join(work, 'case.html');
      const result = runCli(['open-case', input, '--identity', key, '--out', out], {});
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'tipline: wrong passphrase, wrong key or damaged case file; nothing was written\n',
      );
      expect(existsSync(out)).toBe(false);
    }
  });

  it('does not overwrite an existing --out file', async () => {
    const { work, file } = await passphraseCase();
    const out = join(work, 'case.html');
    writeFileSync(out, 'keep me');
    const result = runCli(['open-case', file, '--out', out], { TIPLINE_CASE_PASSPHRASE: PASS });
    expect(result.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(readdirSync(work).sort()).toEqual(['case.html', 'case.html.tlcf']);
  });

  it('says a file that is not a case file is not one', () => {
    const work = tempDir();
    const file = join(work, 'notes.txt');
    writeFileSync(file, 'just some text');
    const result = runCli(['open-case', file], { TIPLINE_CASE_PASSPHRASE: PASS });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('tipline: not a tipline case file; nothing was written\n');
  });
});
