import { spawnSync } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { loadSodium, sealTipEnvelope } from '../../src/crypto/index.js';
import { tempDir } from '../helpers.js';
import { initialiseDataDir } from '../cli/run-cli.js';
import { mountRefusal, must, postTip, startServerChild, type ServerChild } from './server-child.js';
import { expectSoundDataDir, exportTips, messagesOf } from './stress-checks.js';

const refusal = mountRefusal();
const ext4Refusal =
  refusal ??
  (['mkfs.ext4', 'e2fsck', 'losetup'].every((tool) =>
    ['/usr/sbin', '/sbin', '/usr/bin', '/bin'].some((dir) => existsSync(join(dir, tool))),
  )
    ? undefined
    : 'e2fsprogs (mkfs.ext4, e2fsck) or losetup is missing');

const en = CATALOGS.en;
const vi = CATALOGS.vi;

/** Fills the file system holding `dir` until a write fails with ENOSPC. */
function fillUp(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 512]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

/** A browser-sealed tip, as the page's JavaScript posts it to /api/tips. */
async function postSealed(server: ServerChild, message: string): Promise<Response> {
  const sodium = await loadSodium();
  const key = (await (await fetch(`${server.base}/api/desk-key`)).json()) as {
    keyId: string;
    publicKey: string;
  };
  const content = { v: 1, channel: 'web', language: 'en', fields: { message }, attachments: [] };
  const envelope = sealTipEnvelope(
    sodium,
    { keyId: sodium.from_hex(key.keyId), publicKey: sodium.from_base64(key.publicKey) },
    new TextEncoder().encode(JSON.stringify(content)),
  );
  const body = new FormData();
  body.append('envelope', new Blob([envelope]), 'envelope');
  return fetch(`${server.base}/api/tips`, { method: 'POST', body });
}

/** Posts tips until one is refused (at most `tries`); returns the acknowledged ones. */
async function postUntilRefused(server: ServerChild, label: string, tries: number) {
  const acked: string[] = [];
  for (let i = 0; i < tries; i++) {
    const message = `${label} ${i}`;
    const result = await postTip(server.base, message);
    if (result.status === 200) {
      expect(result.codename).toBeDefined();
      acked.push(message);
      continue;
    }
    expect(result.status).toBe(503);
    expect(result.text).toContain(en['error.unavailable']);
    expect(result.codename).toBeUndefined();
    expect(result.text).not.toMatch(/SQLITE|at \w+ \(|\.ts:\d+/);
    return { acked, refused: true };
  }
  return { acked, refused: false };
}

/** What every storage fault must look like to a tipster while it lasts. */
async function expectPoliteRefusals(server: ServerChild): Promise<void> {
  const translated = await fetch(`${server.base}/tips`, {
    method: 'POST',
    body: new URLSearchParams({ message: 'in Vietnamese' }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'vi',
    },
  });
  expect(translated.status).toBe(503);
  expect(await translated.text()).toContain(vi['error.unavailable']);
  const sealed = await postSealed(server, 'sealed while the disk cannot be written');
  expect(sealed.status).toBe(503);
  expect(await sealed.json()).toEqual({ error: en['error.unavailable'] });
  // reading still works: the form and the health check do not need to write
  expect((await fetch(`${server.base}/`)).status).toBe(200);
  expect(await (await fetch(`${server.base}/healthz`)).text()).toBe('ok');
}

describe('storage faults under the real server', () => {
  it.skipIf(refusal !== undefined)(
    `answers 503 on a full disk, acknowledges only what it stored, and recovers when space returns${refusal ? ` (skipped: ${refusal})` : ''}`,
    async () => {
      // the data directory is the small file system; passphrase files stay on the real disk
      const work = tempDir('tipline-full-');
      const mountPoint = join(work, 'data');
      mkdirSync(mountPoint);
      must('mount', ['-t', 'tmpfs', '-o', 'size=12m,mode=0700', 'tmpfs', mountPoint]);
      onTestFinished(() => void must('umount', ['-l', mountPoint]));
      const setup = initialiseDataDir(work);
      const server = await startServerChild(setup.dataDir);
      onTestFinished(() => server.kill());
      const before = await postUntilRefused(server, 'before the disk filled', 3);
      expect(before.refused).toBe(false);

      const filler = fillUp(mountPoint);
      // SQLite may still reuse WAL pages it already owns; within a few tips the disk is full
      const during = await postUntilRefused(server, 'while the disk is full', 40);
      expect(during.refused).toBe(true);
      await expectPoliteRefusals(server);
      expect(server.output()).toContain('"event":"storage.unavailable","code":"SQLITE_FULL"');
      expect(server.output()).not.toContain('http.unhandled');

      rmSync(filler);
      // no restart, no operator: the next tip is stored
      const after = await postTip(server.base, 'after space returned');
      expect(after.status).toBe(200);
      const sealedAfter = await postSealed(server, 'sealed after space returned');
      expect(sealedAfter.status).toBe(200);
      await server.kill();

      const stored = exportTips(setup);
      const acked = [...before.acked, ...during.acked, 'after space returned'];
      expect([...messagesOf(stored)].sort()).toEqual(
        [...acked, 'sealed after space returned'].sort(),
      );
      expectSoundDataDir(setup);
    },
  );

  it.skipIf(ext4Refusal !== undefined)(
    `answers 503 when the file system turns read-only under it, and loses nothing it acknowledged${ext4Refusal ? ` (skipped: ${ext4Refusal})` : ''}`,
    async () => {
      const work = tempDir('tipline-ro-');
      const image = join(work, 'fs.img');
      const mountPoint = join(work, 'data');
      mkdirSync(mountPoint);
      writeFileSync(image, '');
      must('truncate', ['-s', '32M', image]);
      must('mkfs.ext4', ['-q', '-F', image]);
      // errors=remount-ro: what a production ext4 does when the disk fails under it
      must('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
      onTestFinished(() => {
        if (readFileSync('/proc/mounts', 'utf8').includes(` ${mountPoint} `))
          must('umount', ['-l', mountPoint]);
      });
      const device = must('findmnt', ['-no', 'SOURCE', mountPoint]).trim().replace('/dev/', '');
      const trigger = `/sys/fs/ext4/${device}/trigger_fs_error`;
      expect(existsSync(trigger)).toBe(true);

      const setup = initialiseDataDir(work);
      let server = await startServerChild(setup.dataDir);
      onTestFinished(() => server.kill());
      const before = await postUntilRefused(server, 'before the disk failed', 3);
      expect(before.refused).toBe(false);

      // the kernel remounts the file system read-only, as after a real I/O error
      writeFileSync(trigger, 'tipline stress test');
      const during = await postUntilRefused(server, 'while read-only', 10);
      expect(during.refused).toBe(true);
      await expectPoliteRefusals(server);
      expect(server.output()).toMatch(
        /"event":"storage.unavailable","code":"SQLITE_(IOERR|READONLY)/,
      );
      expect(server.output()).not.toContain('http.unhandled');

      // An aborted ext4 journal stays read-only until it is checked and mounted again; that
      // needs the operator (and the server stopped, since it holds the files open).
      await server.kill();
      must('umount', [mountPoint]);
      const fsck = spawnFsck(image);
      expect(fsck).toBeLessThanOrEqual(1);
      must('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
      server = await startServerChild(setup.dataDir);
      expect((await postTip(server.base, 'after the repair')).status).toBe(200);
      await server.kill();

      const stored = messagesOf(exportTips(setup));
      for (const message of [...before.acked, ...during.acked, 'after the repair'])
        expect(stored).toContain(message);
      expectSoundDataDir(setup);
      must('umount', [mountPoint]);
    },
  );
});

/** e2fsck -fy; 0 = clean, 1 = errors corrected. */
function spawnFsck(image: string): number {
  return spawnSync('e2fsck', ['-fy', image], { encoding: 'utf8' }).status ?? 99;
}
