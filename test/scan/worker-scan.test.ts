import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  createDeskSessions,
  initialiseDesk,
  listInbox,
  newRandomId,
  roundDownToHour,
  startInboxScan,
  unlockReviewer,
  type CoreDeps,
  type ReviewerView,
  type SealedScanner,
  type TipId,
} from '../../src/core/index.js';
import { hexToBytes } from '../../src/core/ids.js';
import { sealTipEnvelope, utf8 } from '../../src/crypto/index.js';
import { createPiscinaScanner } from '../../src/scan/piscina-scanner.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';

/**
 * `count` tips straight into the store, fast: 20 distinct envelopes sealed once and stored
 * under fresh ids (opening each still costs a full decryption), no index segments, so a
 * search has to open every tip.
 */
async function seed(deps: CoreDeps, count: number): Promise<void> {
  const desk = (await deps.store.listDesks())[0]!;
  const key = (await deps.store.getActiveDeskKey(desk.id))!;
  const sealTo = { keyId: hexToBytes(key.id), publicKey: key.publicKey };
  const envelopes = Array.from({ length: 20 }, (_, i) =>
    sealTipEnvelope(
      deps.sodium,
      sealTo,
      utf8(
        JSON.stringify({
          v: 1,
          channel: 'web',
          language: i % 2 ? 'ru' : 'en',
          fields: { message: `seeded ${i} they keep our passports ${i === 7 ? 'needle' : ''}` },
          attachments: [],
        }),
      ),
    ),
  );
  const start = Date.UTC(2025, 0, 1);
  await deps.store.transaction(async () => {
    for (let i = 0; i < count; i++)
      await deps.store.insertTip(
        {
          id: newRandomId<TipId>(deps.random),
          deskId: desk.id,
          deskKeyId: key.id,
          channel: 'web',
          status: 'new',
          assigneeId: null,
          receivedAt: roundDownToHour(start + i * 60_000),
          envelope: envelopes[i % envelopes.length]!,
          triage: null,
        },
        undefined,
        [],
      );
  });
}

async function deskWith(scanner: SealedScanner, tips: number) {
  const ctx = await createTestDeps({ scanner });
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  await seed(ctx.deps, tips);
  const unlocked = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, view: { unlocked, summaries: new Map() } as ReviewerView };
}

/** Runs `work` while sampling the event loop's delay; returns its p99 and max in ms. */
async function delayDuring(work: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

describe('scans in worker threads', () => {
  it('keeps the event loop responsive (< 50 ms delay) while a search opens 20,000 tips', async () => {
    const scanner = createPiscinaScanner({ threads: 2 });
    const { deps, view } = await deskWith(scanner, 20_000);
    // warm the pool first: starting a thread under tsx is not what is measured
    await Promise.all([scanner.openTips([], []), scanner.openTips([], [])]);
    let page: Awaited<ReturnType<typeof listInbox>> | undefined;
    const delay = await delayDuring(async () => {
      page = await listInbox(
        deps,
        view,
        { search: 'needle' },
        { offset: 0, limit: 50 },
        { mode: 'full' },
      );
    });
    expect(page?.total).toBe(1_000);
    expect(page?.rows[0]?.headline).toContain('needle');
    // p99, not max: on a shared 2-core machine an idle Node process alone sees ~40 ms spikes
    // from the OS scheduler; the main-thread scan below is measured the same way
    console.log(
      `event-loop delay during a 20,000-tip worker scan: p99 ${delay.p99.toFixed(1)} ms, max ${delay.max.toFixed(1)} ms`,
    );
    expect(delay.p99).toBeLessThan(50);
    expect(scanner.heldKeyBytes()).toBe(0);
  });

  it('sees a stall of the main thread as more than 50 ms (the measure can fail)', async () => {
    // A fixed synchronous block rather than a main-thread scan: how long one batch of a scan
    // blocks depends on the machine and its load (about 40 ms here when idle), a block does not.
    const delay = await delayDuring(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const end = performance.now() + 120;
      while (performance.now() < end);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(delay.max).toBeGreaterThan(50);
  });

  it('reports a damaged tip inside a scan and carries on', async () => {
    const scanner = createPiscinaScanner({ threads: 1 });
    const { deps, dataDir, view } = await deskWith(scanner, 300);
    const db = new Database(join(dataDir, 'tipline.db'));
    // the first three inserted (seeded 0, 1, 2: no needle); without ORDER BY, SQLite reads
    // rowids from an index ordered by random tip id and sometimes damages a needle tip
    db.prepare(
      "UPDATE tips SET envelope = X'00112233' WHERE rowid IN (SELECT rowid FROM tips ORDER BY rowid LIMIT 3)",
    ).run();
    db.close();
    const scan = startInboxScan(deps, view, { search: 'needle' }, { mode: 'full' });
    await scan.finished;
    expect(scan.state).toBe('done');
    expect(scan.damaged).toBe(3);
    expect(scan.scanned).toBe(300);
    expect(scan.matches.length).toBe(15);
  });

  it('leaves no key bytes in any worker after a scan, a cancelled scan, a timed-out scan and a logout', async () => {
    const scanner = createPiscinaScanner({ threads: 2 });
    const { deps, view } = await deskWith(scanner, 6_000);
    // while a scan runs, the hook does see keys in the workers
    const running = startInboxScan(deps, view, { search: 'needle' }, { mode: 'full' });
    let seen = 0;
    while (running.state === 'running') {
      seen = Math.max(seen, scanner.heldKeyBytes());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await running.finished;
    expect(seen).toBeGreaterThan(0);
    expect(scanner.heldKeyBytes()).toBe(0);

    const cancelled = startInboxScan(deps, view, { search: 'passports' }, { mode: 'full' });
    await cancelled.waitFor(1, 10_000);
    cancelled.cancel();
    await cancelled.finished;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.scanned).toBeLessThan(6_000);
    expect(scanner.heldKeyBytes()).toBe(0);

    const timedOut = startInboxScan(
      deps,
      view,
      { search: 'passports' },
      { mode: 'full', timeoutMs: 30 },
    );
    await timedOut.finished;
    expect(timedOut.state).toBe('timed_out');
    expect(scanner.heldKeyBytes()).toBe(0);

    // logout: the session ends mid-scan; its scan stops and its keys are gone everywhere
    const sessions = createDeskSessions(deps);
    const { token, session } = sessions.open(
      await unlockReviewer(deps, 'ana', PASSPHRASE),
      'active',
    );
    const inSession = startInboxScan(deps, session, { search: 'passports' }, { mode: 'full' });
    await inSession.waitFor(1, 10_000);
    sessions.end(token);
    await inSession.finished;
    expect(inSession.state).toBe('cancelled');
    expect(session.unlocked.deskKeys.size).toBe(0);
    expect(scanner.heldKeyBytes()).toBe(0);
  });

  it('has a hook that does report keys a worker failed to wipe', async () => {
    const scanner = createPiscinaScanner({ threads: 1, testOnlyKeepKeys: true });
    const { deps, view } = await deskWith(scanner, 50);
    await listInbox(deps, view, { search: 'needle' }, { offset: 0, limit: 50 }, { mode: 'full' });
    expect(scanner.heldKeyBytes()).toBeGreaterThan(0);
  });
});
