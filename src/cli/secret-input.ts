import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliUsageError } from './cli-errors.js';

const MAX_SECRET_FILE_BYTES = 4096;

/** Reads a passphrase or recovery key from a file; one trailing newline is not part of it. */
export function readSecretFile(path: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new CliUsageError(`cannot read ${path}`);
  }
  if (bytes.length > MAX_SECRET_FILE_BYTES)
    throw new CliUsageError(`${path} is too large to be a passphrase or key`);
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const secret = new Uint8Array(bytes.subarray(0, end));
  bytes.fill(0);
  return secret;
}

/** Prompts on the terminal without echo. Passphrases never come from argv. */
export async function promptSecret(question: string): Promise<Uint8Array> {
  if (!process.stdin.isTTY)
    throw new CliUsageError('no terminal to ask for a passphrase: pass --passphrase-file');
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return new TextEncoder().encode(answer);
}

export async function secretFromFileOrPrompt(
  path: string | undefined,
  question: string,
): Promise<Uint8Array> {
  return path === undefined ? promptSecret(question) : readSecretFile(path);
}
