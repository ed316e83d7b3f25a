/*
 * Bench-only routes of the `desk` server (bench/load-servers.ts): a reviewer's cold search and
 * the login warm-up, run by the core functions the desk's routes call, inside the server's
 * process, so they compete with intake for the same event loop and cores. A search here starts
 * from an empty session index, as the first search of a session does; nothing runs at start-up
 * (no login, so no warm-up compacts the index behind the measurement's back).
 */
import type { Hono } from 'hono';
import { performance } from 'node:perf_hooks';
import {
  createSessionSearchIndex,
  inboxScanPage,
  SCAN_TIMEOUT_MS,
  startInboxScan,
  unlockReviewer,
  warmSearchIndex,
  type CoreDeps,
  type InboxFilter,
  type ReviewerView,
} from '../src/core/index.js';

export const BENCH_PASSPHRASE = 'bench passphrase long enough';
/** The desk's page size (src/server/admin/inbox). */
const PAGE = { offset: 0, limit: 50 };

export interface SearchTiming {
  /** From the start of the scan to its first page of rows, decrypted and ready to render. */
  readonly firstPageMs: number;
  readonly endMs: number;
  readonly state: string;
  readonly matches: number;
  readonly scanned: number;
  readonly damaged: number;
  /** Index segments the search read (all of the desk's: the session index was empty). */
  readonly segments: number;
}

export interface WarmTiming {
  readonly ms: number;
  readonly segmentsRead: number;
  readonly tipsIndexed: number;
  readonly removed: number;
  readonly written: number;
}

export async function addSearchRoutes(app: Hono, core: CoreDeps, passphrase: string) {
  // one unlock (argon2id) for the run; every search gets a fresh, empty session index
  const unlocked = await unlockReviewer(core, 'bench', new TextEncoder().encode(passphrase));
  const freshView = (): ReviewerView & {
    searchIndex: ReturnType<typeof createSessionSearchIndex>;
  } => ({
    unlocked,
    summaries: new Map(),
    searchIndex: createSessionSearchIndex(),
  });

  app.post('/bench/search', async (c) => {
    const filter = await c.req.json<InboxFilter>();
    const view = freshView();
    const start = performance.now();
    const scan = startInboxScan(core, view, filter);
    await scan.waitFor(PAGE.limit, SCAN_TIMEOUT_MS);
    await inboxScanPage(core, view, scan, PAGE);
    const firstPageMs = performance.now() - start;
    await scan.finished;
    const timing: SearchTiming = {
      firstPageMs,
      endMs: performance.now() - start,
      state: scan.state,
      matches: scan.matches.length,
      scanned: scan.scanned,
      damaged: scan.damaged,
      segments: view.searchIndex.segments.size,
    };
    return c.json(timing);
  });

  // starts the scanner's thread if it is not running (it stops after 60 s without a scan)
  app.post('/bench/threads', async (c) => {
    const start = performance.now();
    await core.scanner.openTips([], []);
    return c.json({ ms: performance.now() - start });
  });

  // what a login starts in the background (warmSessionInBackground), awaited and timed
  app.post('/bench/warm', async (c) => {
    const start = performance.now();
    const report = await warmSearchIndex(core, freshView());
    const timing: WarmTiming = {
      ms: performance.now() - start,
      segmentsRead: report.segmentsRead,
      tipsIndexed: report.tipsIndexed,
      ...report.compacted,
    };
    return c.json(timing);
  });
}
