import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, scanForBytes, tempDir } from '../helpers.js';
import { initialiseDataDir, ROOT, runCli } from '../cli/run-cli.js';
import { startSmtpSink } from '../alerts/smtp-sink.js';

const MAIN = join(ROOT, 'dist', 'main.js');
const ADDRESS = 'ana.process@ngo.example';

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { output: '' };
  child.stdout.on('data', (chunk: Buffer) => (state.output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (state.output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  onTestFinished(() => {
    child.kill('SIGKILL');
    return exited;
  });
  return { child, state, exited };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const kill9 = async (child: ChildProcess, exited: Promise<void>) => {
  child.kill('SIGKILL');
  await exited;
};

describe('the alert outbox across a crash (npm start, kill -9, npm start)', () => {
  it('keeps an undelivered alert through kill -9 and delivers it after the restart', async () => {
    const { dataDir } = initialiseDataDir(tempDir());
    // the alert key is made with the data directory, beside the database, mode 0600
    expect(statSync(join(dataDir, 'alert.key')).mode & 0o777).toBe(0o600);
    const set = runCli(['reviewer', 'alerts', 'ana', '--email', ADDRESS], {
      TIPLINE_DATA_DIR: dataDir,
    });
    expect(set.stdout).toBe('E-mail alerts for ana are on.\n');
    const bad = runCli(['reviewer', 'alerts', 'ana', '--email', 'not-an-address'], {
      TIPLINE_DATA_DIR: dataDir,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'tipline: --email must be an e-mail address (name@example.org) (see tipline --help)\n',
    );

    const smtpPort = await freePort(); // nothing listens here yet: the first try fails
    const env = {
      TIPLINE_DATA_DIR: dataDir,
      TIPLINE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      TIPLINE_ALERT_FROM: 'desk@ngo.example',
    };
    const port = await freePort();
    const first = startServer({ ...env, PORT: String(port) });
    await until(() => first.state.output.includes('server.listening'), 10_000, 'the server');
    const response = await fetch(`http://127.0.0.1:${port}/tips`, {
      method: 'POST',
      body: new URLSearchParams({ message: 'MARKER-CRASH-TIP', danger: 'yes' }),
    });
    expect(response.status).toBe(200);
    await until(() => first.state.output.includes('"event":"alert.failed"'), 20_000, 'a failure');
    await kill9(first.child, first.exited);

    const smtp = await startSmtpSink(smtpPort);
    onTestFinished(() => smtp.close());
    const port2 = await freePort();
    const second = startServer({ ...env, PORT: String(port2) });
    // the retry was due 15 s after the failure; the loop polls every 10 s
    const [mail] = await smtp.waitForMails(1, 45_000);
    expect(mail?.to).toEqual([ADDRESS]);
    expect(mail?.raw).not.toContain('MARKER-CRASH-TIP');
    await until(() => second.state.output.includes('"event":"alert.sent"'), 10_000, 'the log');
    second.child.kill('SIGTERM');
    await second.exited;

    const output = first.state.output + second.state.output;
    expect(output).not.toContain(ADDRESS);
    expect(output).not.toContain('MARKER-CRASH-TIP');
    expect(scanForBytes(dataDir, ADDRESS)).toEqual([]);
    const audit = runCli(['audit', 'list'], { TIPLINE_DATA_DIR: dataDir });
    expect(audit.stdout).toMatch(/alert\.failed/);
    expect(audit.stdout).toMatch(/alert\.sent/);
    expect(audit.stdout).not.toContain(ADDRESS);
  });

  it('refuses to start with a malformed TIPLINE_SMTP_URL, naming the variable', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        TIPLINE_DATA_DIR: tempDir(),
        TIPLINE_SMTP_URL: 'mail.example.org',
        TIPLINE_ALERT_FROM: 'desk@ngo.example',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'tipline: TIPLINE_SMTP_URL must be an smtp:// or smtps:// URL with a host\n',
    );
  });
});
