import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { armor, Decrypter } from 'age-encryption';
import {
  CryptoFormatError,
  isPassphraseCaseFile,
  loadSodium,
  openCaseFile,
} from '../crypto/index.js';
import { DomainError } from '../core/errors.js';
import { CliUsageError } from './cli-errors.js';
import { readSecretFile, secretFromFileOrPrompt } from './secret-input.js';

/*
 * `tipline open-case FILE`: opens a case file offline, without a data directory or database.
 * The whole document is decrypted and authenticated in memory before one byte is written:
 * a wrong passphrase, a wrong key or a damaged byte prints one line and writes nothing.
 */

const MAX_CASE_FILE_BYTES = 1024 * 1024 * 1024;
const AGE_BINARY = 'age-encryption.org/v1\n';
const AGE_ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
const FAILED = 'wrong passphrase, wrong key or damaged case file; nothing was written';

export interface OpenCaseIo {
  readonly out: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function options(args: readonly string[]) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        identity: { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = parsed.positionals;
    if (file === undefined) throw new CliUsageError('open-case needs a FILE');
    if (rest.length > 0) throw new CliUsageError('too many arguments');
    return { file, ...parsed.values };
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

function readCaseFile(path: string): Uint8Array {
  try {
    if (statSync(path).size > MAX_CASE_FILE_BYTES) throw new CliUsageError(`${path} is too large`);
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`cannot read ${path}`);
  }
}

/** The AGE-SECRET-KEY-1… lines of an age identity file (comments and blank lines skipped). */
function readIdentities(path: string): string[] {
  const secret = readSecretFile(path);
  const text = new TextDecoder().decode(secret);
  secret.fill(0);
  const keys = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (keys.length === 0 || !keys.every((k) => /^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/.test(k)))
    throw new CliUsageError(`${path} is not an age identity file (AGE-SECRET-KEY-1…)`);
  return keys;
}

async function decryptAge(bytes: Uint8Array, identityFile: string): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  try {
    for (const key of readIdentities(identityFile)) decrypter.addIdentity(key);
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`${identityFile} is not an age identity file (AGE-SECRET-KEY-1…)`);
  }
  try {
    return await decrypter.decrypt(bytes);
  } catch {
    throw new DomainError('damaged', FAILED);
  }
}

async function decryptPassphrase(
  bytes: Uint8Array,
  passphraseFile: string | undefined,
  env: OpenCaseIo['env'],
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const fromEnv = env.TIPLINE_CASE_PASSPHRASE;
  const passphrase =
    passphraseFile === undefined && fromEnv !== undefined && fromEnv !== ''
      ? new TextEncoder().encode(fromEnv)
      : await secretFromFileOrPrompt(passphraseFile, 'Case file passphrase: ');
  try {
    return await openCaseFile(sodium, passphrase, bytes);
  } catch (error) {
    if (error instanceof CryptoFormatError) throw new DomainError('damaged', FAILED);
    throw error;
  } finally {
    sodium.memzero(passphrase);
  }
}

/** Writes `bytes` to a fresh temporary file beside `path`, then links it into place (never overwriting). */
function writeNew(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch {
    throw new CliUsageError(`cannot write beside ${path}`);
  }
  try {
    for (let offset = 0; offset < bytes.length;)
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    try {
      linkSync(temp, path);
    } catch {
      throw new CliUsageError(`${path} exists or cannot be written; nothing was written`);
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
}

export async function openCaseCommand(args: readonly string[], io: OpenCaseIo): Promise<number> {
  const opts = options(args);
  const bytes = readCaseFile(opts.file);
  const head = new TextDecoder().decode(bytes.subarray(0, 40));
  let document: Uint8Array;
  if (head.startsWith(AGE_BINARY) || head.startsWith(AGE_ARMOR)) {
    if (opts.identity === undefined)
      throw new CliUsageError('this case file is sealed to an age key: pass --identity FILE');
    document = await decryptAge(head.startsWith(AGE_ARMOR) ? dearmor(bytes) : bytes, opts.identity);
  } else if (isPassphraseCaseFile(bytes)) {
    document = await decryptPassphrase(bytes, opts['passphrase-file'], io.env);
  } else {
    throw new DomainError('damaged', 'not a tipline case file; nothing was written');
  }
  try {
    if (opts.out === undefined) io.out(new TextDecoder().decode(document));
    else writeNew(opts.out, document);
  } finally {
    document.fill(0);
  }
  return 0;
}

function dearmor(bytes: Uint8Array): Uint8Array {
  try {
    return armor.decode(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError('damaged', FAILED);
  }
}
