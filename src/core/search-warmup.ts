import { loadSegments, openTipsInScanner } from './inbox-scan.js';
import {
  compactSearchIndex,
  indexOpenedTips,
  type SessionSearchIndex,
} from './search-maintenance.js';
import type { IndexDoc } from './search-index.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedDesks } from './key-material.js';
import type { DeskId, TipCursor, TipId } from './ports.js';

const HEAD_BATCH = 250;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface WarmupReport {
  readonly segmentsRead: number;
  readonly tipsIndexed: number;
  readonly damaged: number;
  readonly compacted: { readonly removed: number; readonly written: number };
}

/**
 * What a session does once after unlocking, in the background: reads the desk's index into
 * its cache, indexes every tip the index does not cover yet (browser-sealed tips, whose
 * plaintext the server never saw; tips from before the index), opening them in the scanner,
 * and compacts small segments. Stops between steps when `signal` aborts (logout).
 */
export async function warmSearchIndex(
  deps: CoreDeps,
  view: { readonly unlocked: UnlockedDesks; readonly searchIndex: SessionSearchIndex },
  signal?: AbortSignal,
  compactAfter?: number,
): Promise<WarmupReport> {
  const index = view.searchIndex;
  const desks = (await deps.store.listDesks()).map((d) => d.id);
  const before = index.segments.size;
  const overlay = new Map<TipId, IndexDoc>();
  let damaged = await loadSegments(deps, view.unlocked, index, overlay, desks, signal);
  const segmentsRead = index.segments.size - before;
  const existing = new Set<TipId>();
  let tipsIndexed = 0;
  for (let after: TipCursor | undefined; ;) {
    signal?.throwIfAborted();
    const query = { limit: HEAD_BATCH, ...(after ? { after } : {}) };
    const batch = await deps.store.listTipHeads(query);
    await turn();
    const last = batch[batch.length - 1];
    if (last) after = { receivedAt: last.receivedAt, id: last.id };
    const uncovered = new Set<TipId>();
    for (const head of batch) {
      existing.add(head.id);
      const doc = index.docs.get(head.id) ?? overlay.get(head.id);
      if (view.unlocked.deskKeys.has(head.deskKeyId) && doc?.contentSeq === undefined)
        uncovered.add(head.id);
    }
    if (uncovered.size > 0) {
      const records = (await deps.store.listTips(query)).filter((t) => uncovered.has(t.id));
      await turn();
      const desksOf = new Map(records.map((t) => [t.id, t.deskId]));
      const fresh: { deskId: DeskId; doc: IndexDoc }[] = [];
      for (const opened of await openTipsInScanner(deps, view.unlocked, records, signal)) {
        if (opened.outcome === 'damaged') damaged++;
        const deskId = desksOf.get(opened.id);
        if (opened.outcome === 'ok' && deskId) fresh.push({ deskId, doc: opened.doc });
      }
      tipsIndexed += await indexOpenedTips(deps, index, fresh);
    }
    if (batch.length < HEAD_BATCH) break;
  }
  let removed = 0;
  let written = 0;
  for (const deskId of desks) {
    signal?.throwIfAborted();
    const result = await compactSearchIndex(
      deps,
      index,
      deskId,
      (id) => existing.has(id),
      compactAfter,
    );
    removed += result.removed;
    written += result.written;
  }
  return { segmentsRead, tipsIndexed, damaged, compacted: { removed, written } };
}

/** Starts warmSearchIndex for a session without waiting; failures are logged by code only. */
export function warmSessionInBackground(
  deps: CoreDeps,
  session: {
    readonly unlocked: UnlockedDesks;
    readonly searchIndex: SessionSearchIndex;
    readonly background: AbortController;
  },
): void {
  warmSearchIndex(deps, session, session.background.signal).then(
    (report) =>
      deps.logger.info('search.warmed', {
        segments: report.segmentsRead,
        indexed: report.tipsIndexed,
        damaged: report.damaged,
        compacted: report.compacted.removed,
      }),
    (error: unknown) => {
      if (session.background.signal.aborted) return;
      deps.logger.warn('search.warm_failed', {
        code: error instanceof Error ? error.name : 'unknown',
      });
    },
  );
}
