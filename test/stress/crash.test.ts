import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { BIN, initialiseDataDir, runCli, type InitialisedDataDir } from '../cli/run-cli.js';
import { startServerChild, type ServerChild } from './server-child.js';
import { startLoad, warmedUp } from './tip-load.js';
import { HttpDeskClient } from './desk-http.js';
import {
  expectSoundDataDir,
  exportTips,
  integrityCheck,
  type ExportedTip,
} from './stress-checks.js';

/**
 * Crash consistency: the real server, under load, SIGKILLed at a random moment, alone or in
 * the middle of `tipline backup`, a desk-key rotation (`reviewer revoke`), a purge, or a bulk
 * triage posted to the desk over HTTP by a logged-in reviewer. After each kill: every tip the
 * server acknowledged (a receipt page with a codename) and every acknowledged triage change is
 * in `tipline export`, integrity_check is ok and `tipline audit verify` accepts the chain.
 * TIPLINE_STRESS_SEED replays a run; the seed is in every failure message.
 */
const SEED = Number(process.env.TIPLINE_STRESS_SEED ?? Math.floor(Math.random() * 2 ** 31));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const between = (min: number, max: number) => Math.floor(min + random() * (max - min));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A `tipline` command running in its own process, so it can be killed mid-way too. */
function startCli(args: readonly string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    exited,
    output: () => ({ stdout, stderr }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

interface Ledger {
  /** Every acknowledged tip message. */
  readonly acked: Set<string>;
  /** Tip id → the status a bulk triage acknowledged for it. */
  readonly triaged: Map<string, string>;
  readonly codenames: string[];
}

/** Everything acknowledged is there, the file is sound, the chain verifies. */
function checkAfterKill(
  setup: InitialisedDataDir,
  ledger: Ledger,
  round: string,
  purged = new Set<string>(),
): ExportedTip[] {
  const why = `round ${round}, TIPLINE_STRESS_SEED=${SEED}`;
  expect(integrityCheck(setup.dataDir), why).toBe('ok');
  const tips = exportTips(setup);
  const byMessage = new Map(tips.map((t) => [t.fields.message, t]));
  const missing = [...ledger.acked].filter((m) => !byMessage.has(m) && !purged.has(m));
  expect(missing, why).toEqual([]);
  const byId = new Map(tips.map((t) => [t.id, t]));
  for (const [id, status] of ledger.triaged) {
    const tip = byId.get(id);
    if (tip === undefined && (status === 'closed' || status === 'spam') && purged.size > 0)
      continue;
    expect(tip?.status, `${why}: tip ${id}`).toBe(status);
  }
  expectSoundDataDir(setup);
  return tips;
}

describe('crash consistency of the real server (SIGKILL at random points)', () => {
  it(`keeps every acknowledged tip and triage change through kills during load, backup, key rotation, bulk triage and purge (seed ${SEED})`, async () => {
    const work = tempDir('tipline-crash-');
    const setup = initialiseDataDir(work);
    const ledger: Ledger = { acked: new Set(), triaged: new Map(), codenames: [] };
    const bank = (load: ReturnType<typeof startLoad>) => {
      for (const { message, codename } of load.acked) {
        ledger.acked.add(message);
        ledger.codenames.push(codename);
      }
    };
    let server: ServerChild | undefined;
    onTestFinished(async () => server?.kill());

    // 1. plain load, killed at a random moment
    server = await startServerChild(setup.dataDir);
    let load = startLoad(server, 'plain');
    await warmedUp(load);
    await sleep(between(0, 1500));
    await server.kill();
    await load.stop();
    bank(load);
    expect(ledger.acked.size, `seed ${SEED}`).toBeGreaterThan(0);
    checkAfterKill(setup, ledger, 'plain');

    // 2. `tipline backup` under load; server and backup killed at the same random moment
    server = await startServerChild(setup.dataDir);
    load = startLoad(server, 'backup');
    await warmedUp(load);
    const backupFile = join(work, 'backup.db');
    const backup = startCli(['backup', '--out', backupFile], setup.env);
    await sleep(between(0, 1200));
    await server.kill();
    const backupCode = await backup.kill();
    await load.stop();
    bank(load);
    checkAfterKill(setup, ledger, 'backup');
    if (backupCode === 0) {
      // a backup that said it was done is complete and sound on its own
      expect(backup.output().stdout).toContain('verified');
      expect(integrityCheck(backupFile)).toBe('ok');
    }

    // 3. desk-key rotation (`reviewer revoke` rotates) under load, killed at random
    const beaPass = join(work, 'bea.txt');
    writeFileSync(beaPass, 'bea has a long passphrase too\n');
    const added = runCli(
      [
        'reviewer',
        'add',
        'bea',
        '--passphrase-file',
        beaPass,
        '--by',
        'ana',
        '--by-passphrase-file',
        setup.passphraseFile,
      ],
      setup.env,
    );
    expect(added.status, added.stderr).toBe(0);
    server = await startServerChild(setup.dataDir);
    load = startLoad(server, 'rotation');
    await warmedUp(load);
    const revoke = startCli(['reviewer', 'revoke', 'bea'], setup.env);
    await sleep(between(0, 1500));
    await server.kill();
    const revokeCode = await revoke.kill();
    await load.stop();
    bank(load);
    // every tip, sealed to the old key or the new one, still opens for ana (export stderr empty)
    checkAfterKill(setup, ledger, 'rotation');
    if (revokeCode === 0) {
      expect(runCli(['reviewer', 'list'], setup.env).stdout).toMatch(/bea.*revoked/);
    }

    // 4. bulk triage by a logged-in reviewer over HTTP, under load, killed at random
    server = await startServerChild(setup.dataDir);
    const desk = new HttpDeskClient(server.base);
    await desk.enrol('ana', 'ana has a long passphrase');
    const ids = desk.tipIds();
    expect(ids.length).toBeGreaterThan(4);
    load = startLoad(server, 'triage');
    const statuses = ['in_review', 'escalated', 'closed', 'spam'];
    const triage = (async () => {
      // each tip is changed at most once, so an unacknowledged change cannot hide an acknowledged one
      for (let i = 0; i + 2 <= ids.length; i += 2) {
        const batch = ids.slice(i, i + 2);
        const status = statuses[i % statuses.length]!;
        let response: Response;
        try {
          response = await desk.post('/admin/tips/bulk', [
            ...batch.map((id): [string, string] => ['tip', id]),
            ['status', status],
          ]);
        } catch {
          return; // cut by the kill: not acknowledged
        }
        expect(response.status).toBe(303);
        for (const id of batch) ledger.triaged.set(id, status);
      }
    })();
    await sleep(between(200, 1500));
    await server.kill();
    await triage;
    await load.stop();
    bank(load);
    const afterTriage = checkAfterKill(setup, ledger, 'triage');
    expect(ledger.triaged.size, `seed ${SEED}`).toBeGreaterThan(0);

    // 5. a purge of closed and spam tips under load, killed at random: all or nothing, and
    //    nothing else goes
    const purgeable = new Set(
      afterTriage
        .filter((t) => t.status === 'closed' || t.status === 'spam')
        .map((t) => t.fields.message),
    );
    server = await startServerChild(setup.dataDir);
    load = startLoad(server, 'purge');
    await warmedUp(load);
    const purge = startCli(['purge', '--older-than-days', '0'], setup.env);
    await sleep(between(0, 1500));
    await server.kill();
    const purgeCode = await purge.kill();
    await load.stop();
    bank(load);
    const afterPurge = checkAfterKill(setup, ledger, 'purge', purgeable);
    const left = afterPurge.filter((t) => purgeable.has(t.fields.message)).length;
    if (purgeCode === 0) expect(left, `seed ${SEED}`).toBe(0);
    expect([0, purgeable.size], `seed ${SEED}: a purge is one transaction`).toContain(left);

    // after all that, the server starts and a tipster's codename still opens her inbox
    server = await startServerChild(setup.dataDir);
    const codename = ledger.codenames[between(0, ledger.codenames.length)]!;
    const inbox = await fetch(`${server.base}/inbox`, {
      method: 'POST',
      body: new URLSearchParams({ codename }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(inbox.status).toBe(200);
    await server.kill();
    // which operations the kills interrupted (null = killed mid-way), for the record
    console.log(
      `crash seed ${SEED}: ${ledger.acked.size} tips acknowledged, ${ledger.triaged.size} triage changes; exit codes: backup ${backupCode}, revoke ${revokeCode}, purge ${purgeCode}`,
    );
  }, 120_000);
});
