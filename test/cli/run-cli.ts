import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/tipline.mjs`;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `tipline` command in a child process, as an operator would. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  input?: string,
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    input: input ?? '',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface InitialisedDataDir {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  readonly passphraseFile: string;
  readonly recoveryFile: string;
}

/**
 * Runs `tipline init` for reviewer "ana" in `work`/data, as an operator would, and checks it worked.
 * `extraEnv` adds to the environment of this and later commands (TIPLINE_DATABASE_URL for PostgreSQL).
 */
export function initialiseDataDir(
  work: string,
  extraEnv: Record<string, string> = {},
): InitialisedDataDir {
  const dataDir = join(work, 'data');
  const passphraseFile = join(work, 'pass.txt');
  const recoveryFile = join(work, 'recovery.txt');
  writeFileSync(passphraseFile, 'ana has a long passphrase\n');
  const env = { TIPLINE_DATA_DIR: dataDir, ...extraEnv };
  const result = runCli(
    [
      'init',
      '--reviewer',
      'ana',
      '--passphrase-file',
      passphraseFile,
      '--recovery-key-out',
      recoveryFile,
    ],
    env,
  );
  if (result.status !== 0 || result.stderr !== '')
    throw new Error(`tipline init failed: ${result.stderr}`);
  return { dataDir, env, passphraseFile, recoveryFile };
}
