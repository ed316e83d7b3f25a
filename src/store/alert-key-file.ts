import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareDataDir, StoreOpenError } from './database.js';

/*
 * The server alert key lives beside the database, not in it: a copy of tipline.db (a backup,
 * a leaked file) then holds only sealed reviewer addresses. A copy of the whole data
 * directory holds the key too, and so reveals the addresses (never a tip). See SECURITY.md.
 */

export const ALERT_KEY_FILE = 'alert.key';
const MAGIC = 'TLAK1:';
const SEED_BYTES = 32;

/**
 * Reads the alert key seed from the data directory, or writes a fresh one (mode 0600, never
 * overwriting a file that appeared meanwhile). `created` says which, for the start-up log.
 */
export function loadOrCreateAlertKeySeed(
  dataDir: string,
  freshSeed: () => Uint8Array,
): { seed: Uint8Array; created: boolean } {
  // on PostgreSQL the data directory holds nothing else, so it may not exist yet
  prepareDataDir(dataDir);
  const path = join(dataDir, ALERT_KEY_FILE);
  if (!existsSync(path)) {
    const seed = freshSeed();
    try {
      writeDurably(path, `${MAGIC}${Buffer.from(seed).toString('base64')}\n`);
      return { seed, created: true };
    } catch (error) {
      seed.fill(0);
      if ((error as { code?: string }).code !== 'EEXIST')
        throw new StoreOpenError(`alert key ${path} cannot be written`);
    }
  }
  let text: string;
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    text = readFileSync(path, 'utf8').trim();
  } catch {
    throw new StoreOpenError(`alert key ${path} cannot be read`);
  }
  const seed = text.startsWith(MAGIC)
    ? new Uint8Array(Buffer.from(text.slice(MAGIC.length), 'base64'))
    : new Uint8Array(0);
  if (seed.length !== SEED_BYTES)
    throw new StoreOpenError(`alert key ${path} is damaged; restore it from a backup or remove it`);
  return { seed, created: false };
}

/**
 * Writes a new file so that it is either whole on disk or absent, even if the machine or the
 * file system fails right after: the bytes are synced in a temporary file, which is then linked
 * into place (failing with EEXIST rather than overwriting) and the directory synced.
 */
function writeDurably(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
