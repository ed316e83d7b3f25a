import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDeps } from '../../src/compose.js';
import { submitTip } from '../../src/core/index.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { freePort, submission, tempDir } from '../helpers.js';
import { freshPostgresUrl, postgresAdminUrl } from '../pg-stores.js';
import { BIN, initialiseDataDir, runCli } from './run-cli.js';

async function submitTips(dataDir: string, messages: readonly string[]): Promise<void> {
  const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
  try {
    for (const message of messages) await submitTip(deps, submission(message));
  } finally {
    await deps.store.close();
  }
}

const exported = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { fields: { message: string } }).fields.message)
    .sort();

describe.skipIf(!postgresAdminUrl)('tipline on PostgreSQL', () => {
  const password = () => decodeURIComponent(new URL(postgresAdminUrl).password);

  it('migrate-store copies a SQLite instance into PostgreSQL, verifies it, and export reads the copy', async () => {
    const { dataDir, env, passphraseFile } = initialiseDataDir(tempDir());
    await submitTips(dataDir, ['first tip', 'second tip 护照']);
    const url = await freshPostgresUrl();
    const migrated = runCli(['migrate-store', '--to', url], env);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/^ok\ttips\t2 rows -> 2 rows\t[0-9a-f]{16}$/m);
    expect(migrated.stdout).toMatch(/^ok\treviewers\t1 rows -> 1 rows/m);
    expect(migrated.stdout).not.toMatch(/DIFFERS/);
    expect(migrated.stdout).toMatch(/Copied and verified \d+ rows in \d+ tables/);
    expect(migrated.stdout + migrated.stderr).not.toContain(password());

    const onPostgres = { TIPLINE_DATABASE_URL: url, TIPLINE_DATA_DIR: tempDir() };
    const result = runCli(
      ['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile],
      onPostgres,
    );
    expect(result.stderr).toBe('');
    expect(exported(result.stdout)).toEqual(['first tip', 'second tip 护照']);
    const audit = runCli(['audit', 'verify'], onPostgres);
    expect(audit.status).toBe(0);
    expect(runCli(['audit', 'list'], onPostgres).stdout).toMatch(/\tstore\.migrate\t/);

    // a second run refuses: the target is no longer empty
    const again = runCli(['migrate-store', '--to', url], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^tipline: the target already holds data/);
  });

  it('backup on PostgreSQL writes a pg_dump archive only its owner can read', async () => {
    const { env } = initialiseDataDir(tempDir());
    const url = await freshPostgresUrl();
    expect(runCli(['migrate-store', '--to', url], env).status).toBe(0);
    const dir = tempDir();
    const out = join(dir, 'tipline.dump');
    const backup = runCli(['backup', '--out', out], {
      TIPLINE_DATABASE_URL: url,
      TIPLINE_DATA_DIR: tempDir(),
    });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/written to .* by pg_dump/);
    expect(readdirSync(dir)).toEqual(['tipline.dump']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // the restore drill: into a fresh database, then the copy exports
    const restored = await freshPostgresUrl();
    const target = new URL(restored);
    execFileSync('/usr/bin/pg_restore', ['--no-owner', '--dbname', target.pathname.slice(1), out], {
      env: {
        PGHOST: target.hostname,
        PGPORT: target.port,
        PGUSER: decodeURIComponent(target.username),
        PGPASSWORD: decodeURIComponent(target.password),
      },
    });
    const fromRestore = runCli(['reviewer', 'list'], {
      TIPLINE_DATABASE_URL: restored,
      TIPLINE_DATA_DIR: tempDir(),
    });
    expect(fromRestore.stdout).toMatch(/^ana\tadmin\tactive\t/);
  });

  it('refuses to start against an unreachable server with one line and no password', async () => {
    const url = new URL(postgresAdminUrl);
    url.port = '1';
    const env = { TIPLINE_DATABASE_URL: url.href, TIPLINE_DATA_DIR: tempDir() };
    const cli = runCli(['reviewer', 'list'], env);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(
      'tipline: PostgreSQL at TIPLINE_DATABASE_URL cannot be opened: connection refused (ECONNREFUSED)\n',
    );
    const server = spawnSync(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', PORT: String(await freePort()), ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(server.status).toBe(2);
    expect(server.stderr).toBe(
      'tipline: PostgreSQL at TIPLINE_DATABASE_URL cannot be opened: connection refused (ECONNREFUSED)\n',
    );
    expect(server.stdout + server.stderr + cli.stdout).not.toContain(password());
    expect(server.stdout).toBe('');
  });

  it('refuses migrate-store when the instance already runs on PostgreSQL', async () => {
    const url = await freshPostgresUrl();
    const result = runCli(['migrate-store', '--to', url], {
      TIPLINE_DATABASE_URL: url,
      TIPLINE_DATA_DIR: tempDir(),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/migrate-store copies the SQLite store/);
  });
});
