import { DomainError } from './errors.js';
import { openTip } from './reading.js';
import {
  headlineOf,
  neededKeyIds,
  openTriageBlob,
  scanKeysFor,
  type OpenedTip,
  type Priority,
  type Triage,
} from './sealed-scan.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedDesks, UnlockedReviewer } from './key-material.js';
import type { InboxScan } from './inbox-scan-types.js';
import type { SessionSearchIndex } from './search-maintenance.js';
import type { Channel, DeskId, ReviewerId, TipHead, TipId, TipRecord, TipStatus } from './ports.js';

/*
 * The one-line summaries a list row shows, decrypted once per session and cached until the
 * session ends. A single page is decrypted on the calling thread (50 rows); scans decrypt in
 * the SealedScanner (worker threads) and fill the same cache.
 */

/** The sealed parts of a tip a list row needs, decrypted once per session. */
export interface SealedSummary {
  readonly damaged: boolean;
  /** No grant for the key this tip was sealed to. */
  readonly locked: boolean;
  readonly headline: string;
  readonly language: string | undefined;
  readonly danger: boolean | undefined;
  readonly country: string | undefined;
  readonly attachments: number;
  readonly labels: readonly string[];
  readonly priority: Priority;
  /** The triage blob this was read from, to notice a change by another reviewer. */
  readonly triageSource: Uint8Array | null;
}

export interface TipSummary extends SealedSummary {
  readonly id: TipId;
  readonly receivedAt: number;
  readonly channel: Channel;
  readonly status: TipStatus;
  readonly deskId: DeskId;
  readonly assigneeId: ReviewerId | null;
}

/**
 * How many decrypted summaries one session keeps. Listing is newest first, so once the cache
 * is full new entries are simply not admitted (rather than evicting): a filter over more tips
 * than this still finds the newest ones cached, where LRU would miss on every row of a scan.
 * About 0.5 KB each, so the limit bounds a session at roughly 50 MB.
 */
export const SUMMARY_CACHE_LIMIT = 100_000;

/** A session's view: its unlocked keys and its caches. */
export interface ReviewerView {
  readonly unlocked: UnlockedReviewer;
  /** Per-session cache (DeskSession.summaries); cleared when the session ends. */
  readonly summaries: Map<TipId, unknown>;
  /** Overrides SUMMARY_CACHE_LIMIT (tests). */
  readonly summaryCacheLimit?: number;
  /** The session's decrypted search index (DeskSession.searchIndex); a call without one reads segments afresh. */
  readonly searchIndex?: SessionSearchIndex;
  /** The session's current scan, if any (DeskSession.scan). */
  scan?: InboxScan | undefined;
}

export const NEUTRAL: Omit<SealedSummary, 'damaged' | 'locked' | 'triageSource'> = {
  headline: '',
  language: undefined,
  danger: undefined,
  country: undefined,
  attachments: 0,
  labels: [],
  priority: 'normal',
};

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Opens a tip's triage blob; a missing or damaged one reads as no labels, normal priority. */
export function openTriage(deps: CoreDeps, unlocked: UnlockedDesks, tip: TipRecord): Triage {
  return openTriageBlob(deps.sodium, (id) => unlocked.deskKeys.get(id), tip.triage);
}

/** The cached summary of a tip, if it is still current (the triage blob has not changed). */
export function cachedSummary(view: ReviewerView, tip: TipHead): SealedSummary | undefined {
  const cached = view.summaries.get(tip.id) as SealedSummary | undefined;
  return cached && sameBytes(cached.triageSource, tip.triage) ? cached : undefined;
}

function admit(view: ReviewerView, id: TipId, summary: SealedSummary): void {
  // a locked tip is cheap to describe and may open later in the session (a new grant): not cached
  const limit = view.summaryCacheLimit ?? SUMMARY_CACHE_LIMIT;
  if (!summary.locked && (view.summaries.has(id) || view.summaries.size < limit))
    view.summaries.set(id, summary);
}

const lockedSummary = (head: TipHead): SealedSummary => ({
  ...NEUTRAL,
  damaged: false,
  locked: true,
  triageSource: head.triage,
});
const damagedSummary = (head: TipHead): SealedSummary => ({
  ...NEUTRAL,
  damaged: true,
  locked: false,
  triageSource: head.triage,
});

/** A scanner's answer for a tip as a summary, cached in the session. */
export function summaryFromOpened(
  view: ReviewerView,
  head: TipHead,
  opened: OpenedTip,
): SealedSummary {
  const summary =
    opened.outcome === 'ok'
      ? {
          ...opened.summary,
          labels: [...opened.summary.labels],
          damaged: false,
          locked: false,
          triageSource: head.triage,
        }
      : opened.outcome === 'locked'
        ? lockedSummary(head)
        : damagedSummary(head);
  admit(view, head.id, summary);
  return summary;
}

function sealedSummary(deps: CoreDeps, view: ReviewerView, tip: TipRecord): SealedSummary {
  const cached = cachedSummary(view, tip);
  if (cached) return cached;
  let summary: SealedSummary;
  if (!view.unlocked.deskKeys.has(tip.deskKeyId)) {
    summary = lockedSummary(tip);
  } else {
    try {
      const content = openTip(deps, view.unlocked, tip);
      const triage = openTriage(deps, view.unlocked, tip);
      summary = {
        damaged: false,
        locked: false,
        headline: headlineOf(content),
        language: content.language,
        danger: content.fields.danger,
        country: content.fields.country,
        attachments: content.attachments.length,
        labels: triage.labels,
        priority: triage.priority,
        triageSource: tip.triage,
      };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'damaged')) throw error;
      summary = damagedSummary(tip);
    }
  }
  admit(view, tip.id, summary);
  return summary;
}

export function withColumns(sealed: SealedSummary, tip: TipHead): TipSummary {
  return {
    ...sealed,
    id: tip.id,
    receivedAt: tip.receivedAt,
    channel: tip.channel,
    status: tip.status,
    deskId: tip.deskId,
    assigneeId: tip.assigneeId,
  };
}

/** One list row: the tip's plaintext columns and its sealed parts, decrypted or from the cache. */
export function summarizeTip(deps: CoreDeps, view: ReviewerView, tip: TipRecord): TipSummary {
  return withColumns(sealedSummary(deps, view, tip), tip);
}

/**
 * The rows of a page found by a scan: cached summaries, the rest opened in the scanner in one
 * task (a page is at most a few dozen tips).
 */
export async function summariesOfHeads(
  deps: CoreDeps,
  view: ReviewerView,
  heads: readonly TipHead[],
): Promise<TipSummary[]> {
  const missing: TipRecord[] = [];
  const opened = new Map<TipId, SealedSummary>();
  for (const head of heads) {
    if (cachedSummary(view, head) || !view.unlocked.deskKeys.has(head.deskKeyId)) continue;
    const tip = await deps.store.getTip(head.id);
    if (tip) missing.push(tip);
  }
  if (missing.length > 0) {
    const keys = scanKeysFor(view.unlocked.deskKeys, missing.flatMap(neededKeyIds));
    try {
      const byId = new Map(missing.map((t) => [t.id, t]));
      for (const result of await deps.scanner.openTips(keys, missing)) {
        const tip = byId.get(result.id);
        if (tip) opened.set(tip.id, summaryFromOpened(view, tip, result));
      }
    } finally {
      for (const key of keys) deps.sodium.memzero(key.pair.secretKey);
    }
  }
  return heads.map((head) => {
    const summary =
      opened.get(head.id) ??
      cachedSummary(view, head) ??
      (view.unlocked.deskKeys.has(head.deskKeyId) ? damagedSummary(head) : lockedSummary(head));
    return withColumns(summary, head);
  });
}
