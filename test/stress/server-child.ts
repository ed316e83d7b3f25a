import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.js';
import { freePort } from '../helpers.js';

export const MAIN = join(ROOT, 'dist', 'main.js');
export const LOOPBACK = '127.0.0.1';

/** The real server (`npm start`'s dist/main.js) as a child process on loopback. */
export interface ServerChild {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly base: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  readonly exited: Promise<number | null>;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts the server with its data in `dataDir`. Tip rate limiting is off (TIPLINE_RATE_LIMIT=0):
 * load and fault tests send many tips from 127.0.0.1, and only ever to 127.0.0.1.
 */
export async function startServerChild(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: LOOPBACK,
      PORT: String(port),
      TIPLINE_DATA_DIR: dataDir,
      TIPLINE_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!output.includes('server.listening')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    child,
    pid: child.pid!,
    port,
    base: `http://${LOOPBACK}:${port}`,
    output: () => output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resident set size now and its peak (VmHWM), in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** A form post of one tip; the codename when the server acknowledged it with a receipt. */
export async function postTip(
  base: string,
  message: string,
  signal?: AbortSignal,
): Promise<{ status: number; codename?: string; text: string }> {
  const response = await fetch(`${base}/tips`, {
    method: 'POST',
    body: new URLSearchParams({ message }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  const codename = /id="receipt"[^>]*>\s*([\d ]+?)\s*</.exec(text)?.[1];
  return { status: response.status, text, ...(codename ? { codename } : {}) };
}

/** Whether this process may mount file systems (root with CAP_SYS_ADMIN); the reason if not. */
export function mountRefusal(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: mounting a small file system needs root';
  const probe = spawnSync(
    'sh',
    [
      '-c',
      'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; r=$?; rmdir "$d"; exit $r',
    ],
    {
      encoding: 'utf8',
    },
  );
  return probe.status === 0 ? undefined : `mount is not permitted here: ${probe.stderr.trim()}`;
}

/** Runs a command that must succeed (mount, umount, mkfs), with its stderr in the error. */
export function must(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`,
    );
  return result.stdout;
}
