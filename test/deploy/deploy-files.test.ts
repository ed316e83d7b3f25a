import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { ROOT } from '../cli/run-cli.js';

const deploy = (path: string) => readFileSync(join(ROOT, 'deploy', path), 'utf8');
const which = (tool: string) =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
const SYSTEMD_ANALYZE = which('systemd-analyze');
const TOR = which('tor');

const HARDENING = [
  'User=tipline',
  'StateDirectory=tipline',
  'UMask=0077',
  'ProtectSystem=strict',
  'ProtectHome=yes',
  'PrivateTmp=yes',
  'PrivateDevices=yes',
  'NoNewPrivileges=yes',
  'CapabilityBoundingSet=',
  'RestrictAddressFamilies=',
  'ProtectKernelTunables=yes',
  'ProtectKernelModules=yes',
  'ProtectKernelLogs=yes',
  'LockPersonality=yes',
  'RestrictNamespaces=yes',
  'EnvironmentFile=/etc/tipline/tipline.env',
  'Restart=on-failure',
  'LimitCORE=0',
];

/** A copy of a unit whose paths point at this checkout, so verify can resolve the executables. */
function localUnit(dir: string, name: string): string {
  const text = deploy(`systemd/${name}`)
    .replaceAll('/usr/bin/node', process.execPath)
    .replaceAll('/opt/tipline', ROOT.replace(/\/$/, ''));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the systemd units', () => {
  it('carry every hardening directive the deployment promises, and no MemoryDenyWriteExecute', () => {
    const unit = deploy('systemd/tipline.service');
    const active = unit.split('\n').filter((line) => !line.startsWith('#'));
    for (const directive of HARDENING)
      expect(
        active.some((line) => line.startsWith(directive)),
        directive,
      ).toBe(true);
    expect(active.some((line) => line.startsWith('MemoryDenyWriteExecute'))).toBe(false);
  });

  it.skipIf(!SYSTEMD_ANALYZE)('pass systemd-analyze verify without a single warning', () => {
    const dir = tempDir();
    const units = ['tipline.service', 'tipline-backup.service', 'tipline-backup.timer'].map(
      (name) => localUnit(dir, name),
    );
    const result = spawnSync(SYSTEMD_ANALYZE, ['verify', ...units], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!SYSTEMD_ANALYZE)(
    'would be caught by systemd-analyze if a directive were misspelt',
    () => {
      const dir = tempDir();
      const path = localUnit(dir, 'tipline.service');
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('ProtectSystem=strict', 'ProtectSytem=strict'),
      );
      expect(spawnSync(SYSTEMD_ANALYZE, ['verify', path], { encoding: 'utf8' }).stderr).toMatch(
        /Unknown key/,
      );
    },
  );
});

describe('the Tor configuration', () => {
  function verify(torrc: string): { status: number | null; output: string } {
    const dir = tempDir();
    const data = join(dir, 'tor');
    mkdirSync(join(data, 'hs'), { recursive: true });
    chmodSync(data, 0o700);
    chmodSync(join(data, 'hs'), 0o700);
    const local = torrc
      .replace('DataDirectory /var/lib/tor', `DataDirectory ${data}`)
      .replace(/HiddenServiceDir \S+/, `HiddenServiceDir ${join(data, 'hs')}/`)
      .replace('Log notice syslog', 'Log notice stderr')
      .replace('tipline:8080', '127.0.0.1:8080');
    const path = join(dir, 'torrc');
    writeFileSync(path, local);
    const result = spawnSync(TOR, ['--verify-config', '-f', path], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('runs a v3 onion service on the local port with stream limits', () => {
    const torrc = deploy('tor/torrc');
    for (const line of [
      'HiddenServiceVersion 3',
      'HiddenServicePort 80 127.0.0.1:8080',
      'HiddenServiceMaxStreams',
      'HiddenServiceMaxStreamsCloseCircuit 1',
      'SocksPort 0',
    ]) {
      expect(torrc, line).toContain(line);
    }
  });

  it.skipIf(!TOR)('passes tor --verify-config, for the server and the container', () => {
    for (const file of ['tor/torrc', 'container/torrc']) {
      const result = verify(deploy(file));
      expect(result.output, file).toContain('Configuration was valid');
      expect(result.status, file).toBe(0);
    }
  });

  it.skipIf(!TOR)('would be caught by tor if an option were misspelt', () => {
    expect(verify(`${deploy('tor/torrc')}\nHiddenServiceMaxStreamz 3\n`).status).not.toBe(0);
  });
});

describe('the container files', () => {
  it('build with compilers, then run as a non-root user with /data as a volume and a health check', () => {
    const file = deploy('container/Containerfile');
    expect(file).toMatch(/FROM node:20-bookworm AS build/);
    expect(file).toMatch(/FROM node:20-bookworm-slim/);
    expect(file).toMatch(/^USER tipline$/m);
    expect(file).toMatch(/VOLUME \["\/data"\]/);
    expect(file).toMatch(/HEALTHCHECK .*\/healthz/);
    for (const copied of ['dist', 'bin', 'migrations', 'node_modules'])
      expect(file).toContain(`/app/${copied} ./${copied}`);
  });

  it('keep tipline off the internet and publish no port in compose', () => {
    const compose = deploy('container/compose.yaml');
    expect(compose).not.toMatch(/^\s+ports:/m);
    expect(compose).toMatch(/internal:\n\s+internal: true/);
    expect(compose).toMatch(/tipline:[\s\S]*networks: \[internal\][\s\S]*tor:/);
  });

  it('never let the reverse proxy log addresses or spool bodies to disk', () => {
    const nginx = deploy('nginx/tipline-clearnet.conf')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    for (const line of [
      'access_log off;',
      'proxy_request_buffering off;',
      'proxy_buffering off;',
      'proxy_max_temp_file_size 0;',
    ])
      expect(nginx).toContain(line);
    expect(nginx).not.toMatch(/X-Forwarded-For|X-Real-IP|\$remote_addr/);
  });
});

describe('the operator guide', () => {
  it('covers every topic an operator needs, and every file it names exists', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'OPERATING.md'), 'utf8');
    for (const topic of [
      'Debian 12',
      'onion',
      'TLS',
      'recovery key',
      'revok',
      'Backups',
      'Restore',
      'Upgrad',
      'Retention',
      'Telegram',
      'seized',
      'laptop',
      'Two instances on PostgreSQL',
      'pg_dump',
      'OnionBalance',
    ]) {
      expect(guide, topic).toContain(topic);
    }
    for (const match of guide.matchAll(/deploy\/[\w./-]+/g))
      expect(existsSync(join(ROOT, match[0])), match[0]).toBe(true);
  });
});
