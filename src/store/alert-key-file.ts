import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
      writeFileSync(path, `${MAGIC}${Buffer.from(seed).toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
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
