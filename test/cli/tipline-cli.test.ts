import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDeps } from '../../src/compose.js';
import { submitTip } from '../../src/core/index.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { submission, tempDir } from '../helpers.js';
import { initialiseDataDir, runCli } from './run-cli.js';

const initialise = () => initialiseDataDir(tempDir());

/** Submits tips through core in-process, as the web form and bot do. */
async function submitTips(dataDir: string, messages: readonly string[]): Promise<string[]> {
  const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
  try {
    const ids: string[] = [];
    for (const message of messages) ids.push((await submitTip(deps, submission(message))).tipId);
    return ids;
  } finally {
    await deps.store.close();
  }
}

const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          fields: { message: string };
          channel: string;
          status: string;
          receivedAt: string;
        },
    );

describe('tipline init', () => {
  it('writes the recovery key to a file only its owner can read', () => {
    const { recoveryFile } = initialise();
    expect(readFileSync(recoveryFile, 'utf8')).toMatch(/^TLRK1-[0-9A-Z-]+\n$/);
    expect(statSync(recoveryFile).mode & 0o777).toBe(0o600);
  });

  it('refuses to initialise twice', () => {
    const { env, passphraseFile } = initialise();
    const again = runCli(
      [
        'init',
        '--reviewer',
        'bo',
        '--passphrase-file',
        passphraseFile,
        '--recovery-key-out',
        join(tempDir(), 'r2'),
      ],
      env,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('tipline: tipline is already initialised\n');
  });

  it('explains a missing flag with exit code 2', () => {
    const result = runCli(['init', '--reviewer', 'ana'], { TIPLINE_DATA_DIR: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--recovery-key-out is required/);
  });
});

describe('tipline export', () => {
  it('prints every tip submitted through core as JSON Lines, decrypted', async () => {
    const { dataDir, env, passphraseFile } = initialise();
    await submitTips(dataDir, ['first tip', 'second tip with ünïcode 护照']);
    const result = runCli(
      ['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile],
      env,
    );
    expect(result.status).toBe(0);
    const lines = parseLines(result.stdout);
    expect(lines.map((l) => l.fields.message).sort()).toEqual([
      'first tip',
      'second tip with ünïcode 护照',
    ]);
    expect(lines[0]).toMatchObject({ channel: 'web', status: 'new' });
    expect(lines[0]!.receivedAt).toMatch(/T\d\d:00:00\.000Z$/);
  });

  it('prints a tip’s questionnaire answers with the question texts of the version answered', async () => {
    const { dataDir, env, passphraseFile } = initialise();
    const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
    try {
      await submitTip(
        deps,
        submission('answers', { answers: { raw: { how_known: ['saw'], papers_taken: ['yes'] } } }),
      );
    } finally {
      await deps.store.close();
    }
    const result = runCli(
      ['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile],
      env,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({
      questionnaire: { version: 1 },
      answers: [
        {
          id: 'papers_taken',
          question: 'Has someone taken the passport or identity papers of the person in trouble?',
          answer: ['yes'],
        },
        {
          id: 'how_known',
          question: 'How do you know about this?',
          answer: ['I saw or heard it myself'],
        },
      ],
    });
  });

  it('refuses a wrong passphrase with one line, exit code 2, and prints no tip', async () => {
    const { dataDir, env } = initialise();
    await submitTips(dataDir, ['private']);
    const wrong = join(tempDir(), 'wrong.txt');
    writeFileSync(wrong, 'this is not the passphrase');
    const result = runCli(['export', '--reviewer', 'ana', '--passphrase-file', wrong], env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('tipline: wrong name or passphrase\n');
  });

  it('names a damaged tip, exports the others, and exits non-zero', async () => {
    const { dataDir, env, passphraseFile } = initialise();
    const [goodId, badId] = await submitTips(dataDir, ['intact', 'to be damaged']);
    const raw = new Database(join(dataDir, 'tipline.db'));
    const row = raw.prepare('SELECT envelope FROM tips WHERE id = ?').get(badId) as {
      envelope: Buffer;
    };
    row.envelope[200]! ^= 0x01;
    raw.prepare('UPDATE tips SET envelope = ? WHERE id = ?').run(row.envelope, badId);
    raw.close();
    const result = runCli(
      ['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile],
      env,
    );
    expect(result.status).toBe(1);
    expect(parseLines(result.stdout).map((l) => l.id)).toEqual([goodId]);
    expect(result.stderr).toContain(`tip ${badId} is damaged`);
    expect(result.stderr).not.toContain('to be damaged');
  });

  it('opens every tip with the recovery key alone', async () => {
    const { dataDir, env, recoveryFile } = initialise();
    await submitTips(dataDir, ['for the recovery key']);
    const result = runCli(['export', '--recovery-key-file', recoveryFile], env);
    expect(result.status).toBe(0);
    expect(parseLines(result.stdout).map((l) => l.fields.message)).toEqual([
      'for the recovery key',
    ]);
  });
});

describe('tipline recover', () => {
  it('restores access after the only passphrase is lost, and the old one stops working', async () => {
    const { dataDir, env, passphraseFile, recoveryFile } = initialise();
    await submitTips(dataDir, ['survives a lost passphrase']);
    const newPass = join(tempDir(), 'new.txt');
    writeFileSync(newPass, 'a completely new passphrase');
    const recovered = runCli(
      [
        'recover',
        '--reviewer',
        'ana',
        '--recovery-key-file',
        recoveryFile,
        '--passphrase-file',
        newPass,
      ],
      env,
    );
    expect(recovered.status).toBe(0);
    expect(
      runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], env).status,
    ).toBe(2);
    const result = runCli(['export', '--reviewer', 'ana', '--passphrase-file', newPass], env);
    expect(parseLines(result.stdout).map((l) => l.fields.message)).toEqual([
      'survives a lost passphrase',
    ]);
  });

  it('refuses a wrong recovery key with exit code 2 and changes nothing', () => {
    const { env, passphraseFile } = initialise();
    const bogus = join(tempDir(), 'bogus.txt');
    writeFileSync(bogus, 'TLRK1-00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-00000');
    const result = runCli(
      [
        'recover',
        '--reviewer',
        'ana',
        '--recovery-key-file',
        bogus,
        '--passphrase-file',
        passphraseFile,
      ],
      env,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tipline: .*recovery key\n$/);
    expect(
      runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], env).status,
    ).toBe(0);
  });
});

describe('tipline reviewer', () => {
  it('adds a reviewer who can export, lists them, and revokes them', async () => {
    const { dataDir, env, passphraseFile } = initialise();
    await submitTips(dataDir, ['for bo']);
    const boPass = join(tempDir(), 'bo.txt');
    writeFileSync(boPass, 'bo has a long passphrase');
    const added = runCli(
      [
        'reviewer',
        'add',
        'bo',
        '--passphrase-file',
        boPass,
        '--by',
        'ana',
        '--by-passphrase-file',
        passphraseFile,
      ],
      env,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(
      parseLines(runCli(['export', '--reviewer', 'bo', '--passphrase-file', boPass], env).stdout),
    ).toHaveLength(1);
    expect(runCli(['reviewer', 'list'], env).stdout).toMatch(
      /^ana\tadmin\tactive\t.*\nbo\treviewer\tactive\t/,
    );
    expect(runCli(['reviewer', 'revoke', 'bo'], env).status).toBe(0);
    expect(runCli(['reviewer', 'list'], env).stdout).toMatch(/bo\treviewer\trevoked/);
    expect(runCli(['export', '--reviewer', 'bo', '--passphrase-file', boPass], env).status).toBe(2);
  });
});

describe('tipline backup', () => {
  it('writes a verified backup that exports every tip once restored', async () => {
    const { dataDir, env, passphraseFile } = initialise();
    await submitTips(dataDir, ['backed up one', 'backed up two']);
    const backup = join(tempDir(), 'tipline-backup.db');
    const result = runCli(['backup', '--out', backup], env);
    expect(result.status).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const restoredDir = join(tempDir(), 'restored');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(restoredDir, { mode: 0o700 });
    copyFileSync(backup, join(restoredDir, 'tipline.db'));
    expect(existsSync(join(restoredDir, 'tipline.db-wal'))).toBe(false);
    const exported = runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], {
      TIPLINE_DATA_DIR: restoredDir,
    });
    expect(exported.status).toBe(0);
    expect(
      parseLines(exported.stdout)
        .map((l) => l.fields.message)
        .sort(),
    ).toEqual(['backed up one', 'backed up two']);
  });
});

describe('tipline command line', () => {
  it('prints usage with --help and rejects an unknown command', () => {
    expect(runCli(['--help'], {}).stdout).toContain('tipline init --reviewer NAME');
    const unknown = runCli(['frobnicate'], { TIPLINE_DATA_DIR: tempDir() });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command frobnicate/);
  });

  it('refuses a data directory that cannot be written, with one line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const result = runCli(['reviewer', 'list'], { TIPLINE_DATA_DIR: join(dir, 'file') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tipline: data directory .* is not a writable directory\n$/);
  });
});

describe('tipline audit and purge', () => {
  it('verifies the audit chain, names where it breaks after tampering, and lists entries', () => {
    const { dataDir, env, passphraseFile } = initialise();
    runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], env);
    const ok = runCli(['audit', 'verify'], env);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^audit chain intact: 2 entries, head [0-9a-f]{64}\n/);
    expect(runCli(['audit', 'list'], env).stdout).toMatch(/\tdesk\.init\t[\s\S]*\ttips\.export\t/);
    const raw = new Database(join(dataDir, 'tipline.db'));
    raw.prepare("UPDATE audit_log SET detail = 'nothing to see' WHERE sequence = 2").run();
    raw.close();
    const broken = runCli(['audit', 'verify'], env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe('tipline: audit chain BROKEN at entry 2: an entry was edited\n');
  });

  it('purges by the retention setting and refuses to guess a period', () => {
    const { env } = initialise();
    expect(runCli(['purge'], env).status).toBe(2);
    const purged = runCli(['purge'], { ...env, TIPLINE_RETENTION_DAYS: '90' });
    expect(purged.status).toBe(0);
    expect(purged.stdout).toBe('Purged 0 closed or spam tip(s) received more than 90 days ago.\n');
  });
});
