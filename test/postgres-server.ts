import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/*
 * A throwaway PostgreSQL server for the test run: Debian's `postgresql` package (.ci/run
 * installs it), initdb'd in a temp directory and listening on a free loopback port only.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system
 * user the package creates. Stopped and deleted by the global teardown.
 */

export interface TestPostgres {
  /** postgres://…/postgres as the superuser, for creating one database per test. */
  readonly adminUrl: string;
  /** The cluster's directory (data/, server.log), for leak scans. */
  readonly dir: string;
  stop(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

export async function startTestPostgres(
  options: { durable?: boolean } = {},
): Promise<TestPostgres | undefined> {
  const bin = binDir();
  if (!bin) return undefined;
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? uidOf('postgres') : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tipline-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o700);
  const as = (command: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  as('initdb', [
    '-D',
    data,
    '-U',
    'tipline_test',
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  const port = await freeLoopbackPort();
  as('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    // loopback only; the socket in the temp dir; durability off for tests, on for the bench
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=200${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    'start',
  ]);
  return {
    adminUrl: `postgres://tipline_test:${password}@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uidOf(user: string): { uid: number; gid: number } {
  const out = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) {
    throw new Error(
      `tests run as root need the "${user}" system user to own the test PostgreSQL cluster (apt-get install postgresql creates it)`,
    );
  }
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
