import { scanKeysFor, neededKeyIds, type OpenedTip, type TipToOpen } from './sealed-scan.js';
import {
  matchesSealed,
  parseSearchQuery,
  type IndexDoc,
  type SealedCriteria,
} from './search-index.js';
import {
  createSessionSearchIndex,
  indexOpenedTips,
  mergeInto,
  remember,
  type SessionSearchIndex,
} from './search-maintenance.js';
import { summaryFromOpened, type ReviewerView } from './inbox-summaries.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedDesks } from './key-material.js';
import type { DeskId, TipCursor, TipHead, TipId, TipListQuery } from './ports.js';
import type { InboxFilter, InboxScan, InboxScanOptions, ScanState } from './inbox-scan-types.js';

/*
 * Sealed filters (label, language, danger, text) as a background scan per session. The scan
 * reads the session's decrypted search index (segments opened once, in the SealedScanner) and
 * walks the SQL-filtered tips newest first; a tip the index does not cover (sealed in the
 * browser, or from before the index) is opened in the scanner, matched with the same
 * function, and indexed afterwards. Matches accumulate in listing order, so the first page is
 * ready as soon as it is found. Nothing here runs long on the event loop: database batches
 * are followed by a turn of the loop, and decryption happens in the scanner's threads.
 */

export type { InboxFilter, InboxScan, InboxScanOptions, ScanState } from './inbox-scan-types.js';

export const SCAN_TIMEOUT_MS = 120_000;
const HEAD_BATCH = 250;
const TIPS_PER_TASK = 125;
const SEGMENTS_PER_TASK = 4;
const TASKS_IN_FLIGHT = 2;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The SQL part of a filter (plaintext columns). */
export function sqlPart(filter: InboxFilter): Omit<TipListQuery, 'limit' | 'offset'> {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.deskId ? { deskId: filter.deskId } : {}),
    ...(filter.assigneeId !== undefined ? { assigneeId: filter.assigneeId } : {}),
  };
}

/** The sealed part of a filter, checked (a bad search throws DomainError for field `q`); undefined if none. */
export function sealedCriteria(filter: InboxFilter): SealedCriteria | undefined {
  const words =
    filter.search !== undefined && filter.search.trim() !== ''
      ? parseSearchQuery(filter.search)
      : undefined;
  if (
    words === undefined &&
    filter.label === undefined &&
    filter.language === undefined &&
    filter.danger === undefined
  )
    return undefined;
  return {
    ...(words ? { words } : {}),
    ...(filter.label !== undefined ? { label: filter.label } : {}),
    ...(filter.language !== undefined ? { language: filter.language } : {}),
    ...(filter.danger !== undefined ? { danger: filter.danger } : {}),
  };
}

export const filterKeyOf = (filter: InboxFilter): string =>
  JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));

/** Runs `work` over items with at most `limit` at once; waits for every one, then rethrows the first failure. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
        next = items.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Opens tips in the scanner, a few tasks at once, each with copies of only the keys it needs. */
export async function openTipsInScanner(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
  tips: readonly TipToOpen[],
  signal?: AbortSignal,
): Promise<OpenedTip[]> {
  const out: OpenedTip[] = [];
  await inParallel(chunks(tips, TIPS_PER_TASK), TASKS_IN_FLIGHT, async (chunk) => {
    signal?.throwIfAborted();
    const keys = scanKeysFor(unlocked.deskKeys, chunk.flatMap(neededKeyIds));
    try {
      out.push(...(await deps.scanner.openTips(keys, chunk)));
    } finally {
      for (const key of keys) deps.sodium.memzero(key.pair.secretKey);
    }
  });
  return out;
}

/**
 * Reads every segment of `deskIds` this session has not read yet (and can open) into its
 * index; past the session's bound, into `overlay` (this scan only). Returns damaged segments.
 */
export async function loadSegments(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
  index: SessionSearchIndex,
  overlay: Map<TipId, IndexDoc>,
  deskIds: readonly DeskId[],
  signal?: AbortSignal,
): Promise<number> {
  let damaged = 0;
  for (const deskId of deskIds) {
    const heads = await deps.store.listSearchSegmentHeads(deskId);
    const unseen = heads.filter(
      (h) => !index.segments.has(h.id) && unlocked.deskKeys.has(h.deskKeyId),
    );
    await inParallel(chunks(unseen, SEGMENTS_PER_TASK), TASKS_IN_FLIGHT, async (group) => {
      signal?.throwIfAborted();
      const records = await deps.store.getSearchSegments(group.map((h) => h.id));
      await turn();
      const keys = scanKeysFor(
        unlocked.deskKeys,
        records.map((r) => r.deskKeyId),
      );
      let opened;
      try {
        opened = await deps.scanner.openSegments(keys, records);
      } finally {
        for (const key of keys) deps.sodium.memzero(key.pair.secretKey);
      }
      for (const segment of opened) {
        if (segment.outcome === 'ok') {
          if (index.bytes < index.limitBytes) remember(index, segment.id, deskId, segment.docs);
          else mergeInto(overlay, segment.docs);
        } else if (segment.outcome === 'damaged') {
          damaged++;
          index.segments.set(segment.id, { deskId, tips: [] });
        }
      }
    });
  }
  return damaged;
}

/** A tip's document from the session's index and this scan's overlay, if it covers content and labels. */
function coveredDoc(
  index: SessionSearchIndex,
  overlay: Map<TipId, IndexDoc>,
  id: TipId,
): IndexDoc | undefined {
  const a = index.docs.get(id);
  const b = overlay.get(id);
  let doc = a;
  if (b) {
    const merged = new Map(a ? [[id, a]] : []);
    mergeInto(merged, [b]);
    doc = merged.get(id);
  }
  return doc && doc.contentSeq !== undefined && doc.labelSeq !== undefined ? doc : undefined;
}

/**
 * Starts a scan for `filter` in the session (`view.scan`), cancelling the one it had.
 * The filter must have a sealed part (sealedCriteria); a bad search throws before anything starts.
 */
export function startInboxScan(
  deps: CoreDeps,
  view: ReviewerView,
  filter: InboxFilter,
  options: InboxScanOptions = {},
): InboxScan {
  const criteria = sealedCriteria(filter);
  if (!criteria) throw new Error('startInboxScan needs a sealed filter');
  view.scan?.cancel();
  const controller = new AbortController();
  const matches: TipHead[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of waiters) wake();
  };
  let state: ScanState = 'running';
  let scanned = 0;
  let damaged = 0;
  const timer = setTimeout(
    () => controller.abort(new ScanStop('timed_out')),
    options.timeoutMs ?? SCAN_TIMEOUT_MS,
  );
  timer.unref?.();

  const run = async () => {
    const signal = controller.signal;
    const mode = options.mode ?? 'index';
    const index = view.searchIndex ?? createSessionSearchIndex();
    const overlay = new Map<TipId, IndexDoc>();
    const keys = view.unlocked.deskKeys;
    if (mode === 'index') {
      const deskIds = filter.deskId
        ? [filter.deskId]
        : (await deps.store.listDesks()).map((d) => d.id);
      damaged += await loadSegments(deps, view.unlocked, index, overlay, deskIds, signal);
    }
    const fresh: { deskId: DeskId; doc: IndexDoc }[] = [];
    const sql = sqlPart(filter);
    for (let after: TipCursor | undefined; ;) {
      signal.throwIfAborted();
      const query: TipListQuery = { ...sql, limit: HEAD_BATCH, ...(after ? { after } : {}) };
      const batch = await deps.store.listTipHeads(query);
      await turn();
      const last = batch[batch.length - 1];
      if (last) after = { receivedAt: last.receivedAt, id: last.id };
      const docs = new Map<TipId, IndexDoc>();
      const uncovered = new Set<TipId>();
      for (const head of batch) {
        if (!keys.has(head.deskKeyId)) continue; // locked: never matches a sealed filter
        const doc = mode === 'index' ? coveredDoc(index, overlay, head.id) : undefined;
        if (doc) docs.set(head.id, doc);
        else uncovered.add(head.id);
      }
      if (uncovered.size > 0) {
        const records = (await deps.store.listTips(query)).filter((t) => uncovered.has(t.id));
        await turn();
        const heads = new Map(batch.map((h) => [h.id, h]));
        for (const opened of await openTipsInScanner(deps, view.unlocked, records, signal)) {
          const head = heads.get(opened.id);
          if (!head) continue;
          summaryFromOpened(view, head, opened);
          if (opened.outcome === 'damaged') damaged++;
          if (opened.outcome !== 'ok') continue;
          docs.set(opened.id, opened.doc);
          if (mode === 'index') fresh.push({ deskId: head.deskId, doc: opened.doc });
        }
      }
      for (const head of batch) {
        const doc = docs.get(head.id);
        if (doc && matchesSealed(doc, criteria)) matches.push(head);
      }
      scanned += batch.length;
      notify();
      if (batch.length < HEAD_BATCH) break;
    }
    // the tips this scan had to open are indexed now, so the next search finds them in the index
    if (fresh.length > 0) await indexOpenedTips(deps, view.searchIndex, fresh);
  };

  const finished = run().then(
    () => {
      state = 'done';
    },
    (error: unknown) => {
      const reason = controller.signal.aborted ? (controller.signal.reason as unknown) : error;
      if (reason instanceof ScanStop) state = reason.state;
      else {
        state = 'failed';
        failure = error;
      }
    },
  );
  let failure: unknown;
  const scan: InboxScan & { failure(): unknown } = {
    id: deps.sodium.to_hex(deps.random.bytes(12)),
    filterKey: filterKeyOf(filter),
    get state() {
      return state;
    },
    matches,
    get scanned() {
      return scanned;
    },
    get damaged() {
      return damaged;
    },
    finished: finished.finally(() => {
      clearTimeout(timer);
      notify();
    }),
    cancel: () => controller.abort(new ScanStop('cancelled')),
    waitFor: (count, ms) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (matches.length >= count || state !== 'running') done();
        };
        const done = () => {
          waiters.delete(check);
          clearTimeout(wait);
          resolve();
        };
        const wait = setTimeout(done, ms);
        waiters.add(check);
        check();
      }),
    failure: () => failure,
  };
  view.scan = scan;
  return scan;
}

/** Why a scan stopped early. */
class ScanStop extends Error {
  constructor(readonly state: 'cancelled' | 'timed_out') {
    super(state);
  }
}

/** The error a failed scan met (rethrown by listInbox). */
export function scanFailure(scan: InboxScan): unknown {
  return (scan as InboxScan & { failure?: () => unknown }).failure?.();
}
