import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/index.js';
import { freePort, tempDir } from '../helpers.js';
import { initialiseDataDir, ROOT, runCli } from '../cli/run-cli.js';

const MAIN = join(ROOT, 'dist', 'main.js');

describe('the server process (npm start)', () => {
  it('serves /healthz on HOST:PORT and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), TIPLINE_DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    for (let i = 0; i < 100 && !output.includes('server.listening'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await response.text()).toBe('ok');
    expect(output).toContain('setup.needed');
    expect(output).toContain('telegram.off');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start on a database from a newer tipline, with one clear line', async () => {
    const dataDir = tempDir();
    await openSqliteStore(dataDir).close();
    const raw = new Database(join(dataDir, 'tipline.db'));
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', 9_999_999_999_999);
    raw.close();
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', TIPLINE_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'tipline: the database was written by a newer version of tipline; upgrade tipline before starting it\n',
    );
  });

  it('refuses to start with an invalid PORT or an unwritable data directory', () => {
    const bad = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('tipline: PORT must be a whole number from 1 to 65535\n');
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, '');
    const unwritable = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', TIPLINE_DATA_DIR: file },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/^tipline: data directory .* is not a writable directory\n$/);
  });

  it('finishes a tip already in flight when SIGTERM arrives, then exits cleanly', async () => {
    const { dataDir, passphraseFile: pass } = initialiseDataDir(tempDir());
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), TIPLINE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    for (let i = 0; i < 100 && !output.includes('server.listening'); i++)
      await new Promise((r) => setTimeout(r, 50));
    // Stream the body: the request is provably under way (half its body sent) when SIGTERM
    // arrives, and can only complete if the server drains instead of dropping it.
    const encoder = new TextEncoder();
    let sendRest: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('message=in+flight+'));
        sendRest = () => {
          controller.enqueue(encoder.encode('during+shutdown'));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`http://127.0.0.1:${port}/tips`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    sendRest();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="receipt"');
    expect(await exited).toBe(0);
    const exported = runCli(['export', '--reviewer', 'ana', '--passphrase-file', pass], {
      TIPLINE_DATA_DIR: dataDir,
    });
    expect(exported.stdout).toContain('in flight during shutdown');
  });

  it('asks for proof of work as TIPLINE_POW_THRESHOLD and TIPLINE_POW_DIFFICULTY say', async () => {
    const { dataDir } = initialiseDataDir(tempDir());
    const start = async (env: Record<string, string>) => {
      const port = await freePort();
      const child = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(port),
          TIPLINE_DATA_DIR: dataDir,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      for (let i = 0; i < 200 && !output.includes('server.listening'); i++)
        await new Promise((r) => setTimeout(r, 50));
      const key = (await (await fetch(`http://127.0.0.1:${port}/api/desk-key`)).json()) as {
        pow: { difficulty: number } | null;
      };
      child.kill('SIGTERM');
      await exited;
      return key.pow;
    };
    expect(await start({ TIPLINE_POW_THRESHOLD: '0', TIPLINE_POW_DIFFICULTY: '3' })).toMatchObject({
      difficulty: 3,
    });
    // the default: 3 a minute over 10 minutes, so an idle server asks nothing
    expect(await start({})).toBeNull();
    const bad = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        TIPLINE_DATA_DIR: dataDir,
        TIPLINE_POW_DIFFICULTY: '40',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'tipline: TIPLINE_POW_DIFFICULTY must be a whole number from 1 to 16\n',
    );
  });
});
