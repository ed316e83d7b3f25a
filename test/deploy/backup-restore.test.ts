import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDeps } from '../../src/compose.js';
import { submitTip } from '../../src/core/index.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { submission, tempDir } from '../helpers.js';
import { BIN, initialiseDataDir, ROOT, runCli } from '../cli/run-cli.js';

function script(name: string, args: string[], env: Record<string, string>) {
  return spawnSync('bash', [join(ROOT, 'deploy', 'backup', name), ...args], {
    env: { PATH: process.env.PATH ?? '', TIPLINE_BIN: BIN, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('backups and restore, as docs/OPERATING.md describes them', () => {
  it('rotates daily backups and restores one from which every tip exports', async () => {
    const work = tempDir();
    const { dataDir, env, passphraseFile: pass } = initialiseDataDir(work);
    const backupDir = join(work, 'backups');

    const markers = ['RESTORE-MARKER-1', 'RESTORE-MARKER-2', 'RESTORE-MARKER-3'];
    const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
    for (const marker of markers) await submitTip(deps, submission(marker));

    for (let run = 0; run < 3; run++) {
      const backup = script('tipline-backup.sh', [], { ...env, BACKUP_DIR: backupDir, KEEP: '2' });
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
    }
    await deps.store.close();
    const kept = readdirSync(backupDir).sort();
    expect(kept).toHaveLength(2);
    expect(kept.every((name) => /^tipline-\d{8}T\d{6}\.\d+Z\.db$/.test(name))).toBe(true);

    const restoredDir = join(work, 'restored');
    const restore = script('tipline-restore.sh', [join(backupDir, kept[1]!), restoredDir], {});
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const exported = runCli(['export', '--reviewer', 'ana', '--passphrase-file', pass], {
      TIPLINE_DATA_DIR: restoredDir,
    });
    expect(exported.status).toBe(0);
    const messages = exported.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { fields: { message: string } }).fields.message);
    expect(messages.sort()).toEqual(markers);
  });

  it('moves the current database aside instead of deleting it', () => {
    const work = tempDir();
    const { dataDir } = initialiseDataDir(work);
    runCli(['backup', '--out', join(work, 'b.db')], { TIPLINE_DATA_DIR: dataDir });
    expect(script('tipline-restore.sh', [join(work, 'b.db'), dataDir], {}).status).toBe(0);
    expect(readdirSync(dataDir).some((name) => /^tipline\.db\.before-restore-/.test(name))).toBe(
      true,
    );
  });

  it('refuses a missing backup file and a bad KEEP value', () => {
    const work = tempDir();
    expect(
      script('tipline-restore.sh', [join(work, 'nope.db'), join(work, 'data')], {}).status,
    ).toBe(2);
    expect(
      script('tipline-backup.sh', [], { TIPLINE_DATA_DIR: work, BACKUP_DIR: work, KEEP: '0' })
        .status,
    ).toBe(2);
  });
});
