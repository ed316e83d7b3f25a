import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { runCli, type InitialisedDataDir } from '../cli/run-cli.js';

export interface ExportedTip {
  readonly id: string;
  readonly status: string;
  readonly fields: { readonly message: string };
}

/** `tipline export` as ana: every tip the data directory holds, decrypted. */
export function exportTips(setup: InitialisedDataDir): ExportedTip[] {
  const result = runCli(
    ['export', '--reviewer', 'ana', '--passphrase-file', setup.passphraseFile],
    setup.env,
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ExportedTip);
}

/** PRAGMA integrity_check on the data directory's database (or a database file), no server running. */
export function integrityCheck(dataDirOrFile: string): string {
  const db = new Database(
    dataDirOrFile.endsWith('.db') ? dataDirOrFile : join(dataDirOrFile, 'tipline.db'),
    { readonly: dataDirOrFile.endsWith('.db') },
  );
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

/** The checks after every fault: the file is sound and `tipline audit verify` accepts the chain. */
export function expectSoundDataDir(setup: InitialisedDataDir): void {
  expect(integrityCheck(setup.dataDir)).toBe('ok');
  const audit = runCli(['audit', 'verify'], setup.env);
  expect(audit.stderr).toBe('');
  expect(audit.status).toBe(0);
}

/** The tip messages of an export, as a set. */
export const messagesOf = (tips: readonly ExportedTip[]): Set<string> =>
  new Set(tips.map((t) => t.fields.message));
