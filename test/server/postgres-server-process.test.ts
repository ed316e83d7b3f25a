import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, scanForBytes, tempDir } from '../helpers.js';
import { adminQuery, freshPostgresUrl, postgresAdminUrl, postgresDir } from '../pg-stores.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const MAIN = join(ROOT, 'dist', 'main.js');

describe.skipIf(!postgresAdminUrl)('the server process on PostgreSQL', () => {
  it('takes a tip over HTTP into PostgreSQL, where its text is on no page, WAL or log', async () => {
    const url = await freshPostgresUrl();
    const work = tempDir();
    const passphraseFile = join(work, 'pass.txt');
    writeFileSync(passphraseFile, 'zebrareviewer has a long passphrase\n');
    const env = { TIPLINE_DATABASE_URL: url, TIPLINE_DATA_DIR: join(work, 'unused') };
    const init = runCli(
      [
        'init',
        '--reviewer',
        'zebrareviewer',
        '--passphrase-file',
        passphraseFile,
        '--recovery-key-out',
        join(work, 'recovery.txt'),
      ],
      env,
    );
    expect(init.stderr).toBe('');

    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 200 && !output.includes('server.listening'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain('"store":"postgres"');
    const marker = 'PGLEAKMARKER passports taken at the Bor mine';
    const response = await fetch(`http://127.0.0.1:${port}/tips`, {
      method: 'POST',
      body: new URLSearchParams({ message: marker, place: 'PGLEAKPLACE' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/id="receipt"/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toContain(new URL(url).password);
    expect(output).not.toContain('PGLEAK');

    // the reviewer's export opens it from PostgreSQL
    const exported = runCli(
      ['export', '--reviewer', 'zebrareviewer', '--passphrase-file', passphraseFile],
      env,
    );
    expect(exported.stdout).toContain(marker);

    // everything PostgreSQL wrote: this database's pages, the WAL, the server log
    await adminQuery('CHECKPOINT');
    const [database] = await adminQuery<{ oid: number }>(
      `SELECT oid FROM pg_database WHERE datname = current_database()`,
      url,
    );
    const places = [
      join(postgresDir, 'data', 'base', String(database?.oid)),
      join(postgresDir, 'data', 'pg_wal'),
    ];
    expect(places.every((place) => existsSync(place))).toBe(true);
    const scan = (needle: string) => [
      ...places.flatMap((place) => scanForBytes(place, needle)),
      ...(readFileSync(join(postgresDir, 'server.log')).includes(needle) ? ['server.log'] : []),
    ];
    // the scan does find what is allowed in the clear: the reviewer's name
    expect(scan('zebrareviewer').length).toBeGreaterThan(0);
    expect(scan('PGLEAKMARKER')).toEqual([]);
    expect(scan('PGLEAKPLACE')).toEqual([]);
    expect(scan('passports taken')).toEqual([]);
  });
});
