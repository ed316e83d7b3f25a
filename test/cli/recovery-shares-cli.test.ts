import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

/** `tipline init --shares 3-of-5` in a fresh data dir; the share blocks, one file per share. */
function initialiseWithShares() {
  const work = tempDir();
  const env = { TIPLINE_DATA_DIR: join(work, 'data') };
  const passphraseFile = join(work, 'pass.txt');
  const sharesFile = join(work, 'shares.txt');
  writeFileSync(passphraseFile, 'ana has a long passphrase\n');
  const init = runCli(
    [
      'init',
      ...['--reviewer', 'ana', '--passphrase-file', passphraseFile],
      ...['--recovery-key-out', sharesFile, '--shares', '3-of-5'],
    ],
    env,
  );
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const blocks = readFileSync(sharesFile, 'utf8').trim().split('\n\n');
  const files = blocks.map((block, i) => {
    const file = join(work, `share-${i + 1}.txt`);
    writeFileSync(file, `${block}\n`);
    return file;
  });
  const newPass = join(work, 'new.txt');
  writeFileSync(newPass, 'a completely new passphrase');
  return { env, passphraseFile, sharesFile, blocks, files, newPass, init };
}

const recover = (env: Record<string, string>, files: readonly string[], pass: string) =>
  runCli(
    [
      'recover',
      '--reviewer',
      'ana',
      ...files.flatMap((f) => ['--share-file', f]),
      '--passphrase-file',
      pass,
    ],
    env,
  );

describe('tipline init --shares and recover with shares', () => {
  it('writes five numbered shares of one split, and no recovery key, to a file only its owner can read', () => {
    const { sharesFile, blocks, init } = initialiseWithShares();
    expect(statSync(sharesFile).mode & 0o777).toBe(0o600);
    expect(blocks).toHaveLength(5);
    blocks.forEach((block, i) =>
      expect(block).toMatch(
        new RegExp(
          `^Recovery share ${i + 1} of 5 \\(any 3 restore the key\\), split [0-9A-F]{8}\\nTLRS1-[0-9A-Z-]+$`,
        ),
      ),
    );
    expect(new Set(blocks.map((b) => /split (\w+)/.exec(b)?.[1])).size).toBe(1);
    expect(readFileSync(sharesFile, 'utf8')).not.toMatch(/TLRK1/);
    expect(init.stdout).toMatch(/5 recovery shares \(any 3 restore the key\)/);
  });

  it('recovers a reviewer with three of the five shares', () => {
    const { env, files, newPass, passphraseFile } = initialiseWithShares();
    const result = recover(env, [files[4]!, files[0]!, files[2]!], newPass);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(runCli(['export', '--reviewer', 'ana', '--passphrase-file', newPass], env).status).toBe(
      0,
    );
    expect(
      runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], env).status,
    ).toBe(2);
  });

  it('refuses two shares with a clear line and exit code 2, and changes nothing', () => {
    const { env, files, newPass, passphraseFile } = initialiseWithShares();
    const result = recover(env, [files[0]!, files[1]!], newPass);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tipline: not enough shares.*nothing was unlocked\n$/);
    expect(
      runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], env).status,
    ).toBe(0);
  });

  it('refuses a repeated share and shares of another split by their position', () => {
    const { env, files, newPass } = initialiseWithShares();
    const other = initialiseWithShares();
    expect(recover(env, [files[0]!, files[1]!, files[0]!], newPass).stderr).toMatch(
      /share 3 was given twice/,
    );
    expect(recover(env, [files[0]!, files[1]!, other.files[2]!], newPass).stderr).toMatch(
      /share 3 is from a different split/,
    );
  });

  it('refuses an --shares value that is not M-of-N with 2 <= M <= N <= 16', () => {
    const work = tempDir();
    const pass = join(work, 'pass.txt');
    writeFileSync(pass, 'ana has a long passphrase\n');
    const result = runCli(
      [
        'init',
        '--reviewer',
        'ana',
        '--passphrase-file',
        pass,
        '--recovery-key-out',
        join(work, 'k'),
        '--shares',
        '1-of-3',
      ],
      { TIPLINE_DATA_DIR: join(work, 'data') },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--shares must be M-of-N/);
  });
});
