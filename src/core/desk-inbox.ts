import {
  CryptoFormatError,
  fromUtf8,
  openTipEnvelope,
  readTipEnvelopeHeader,
  sealTipEnvelope,
  utf8,
  wipe,
} from '../crypto/index.js';
import { z } from 'zod';
import { DomainError } from './errors.js';
import { bytesToHex, hexToBytes } from './ids.js';
import { recordAudit } from './audit.js';
import { openTip } from './reading.js';
import { readThread, addNote, type ThreadEntry } from './case-thread.js';
import { normalizeText, type TipContent } from './tip-content.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedDesks, UnlockedReviewer } from './key-material.js';
import {
  CHANNELS,
  TIP_STATUSES,
  type Channel,
  type DeskId,
  type DeskKeyId,
  type ReviewerId,
  type TipId,
  type TipListQuery,
  type TipCursor,
  type TipHead,
  type TipRecord,
  type TipStatus,
} from './ports.js';

/*
 * What reviewers do with tips: list and filter them, open one, triage. Status, channel, desk
 * and assignee are plaintext columns and filter in SQL; labels, priority, language and danger
 * are sealed (labels and priority in a small per-tip triage blob to the desk key) and filter
 * within the session, over summaries decrypted once and cached until the session ends.
 */

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const MAX_LABELS = 10;
export const MAX_LABEL_CHARS = 40;
const HEADLINE_CHARS = 120;

export interface Triage {
  readonly labels: readonly string[];
  readonly priority: Priority;
}

const triageSchema = z.object({
  v: z.literal(1),
  labels: z.array(z.string().max(MAX_LABEL_CHARS)).max(MAX_LABELS),
  priority: z.enum(PRIORITIES),
});

/** The sealed parts of a tip a list row needs, decrypted once per session. */
interface SealedSummary {
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
 * About 0.5 KB each, so the limit bounds a session at roughly 50 MB; a warm filter over
 * 100,000 tips then runs in about 0.3 s, a cold one (decrypting each) in about 10 s.
 */
export const SUMMARY_CACHE_LIMIT = 100_000;

/** A session's view: its unlocked keys and its cache of decrypted summaries. */
export interface ReviewerView {
  readonly unlocked: UnlockedReviewer;
  /** Per-session cache (DeskSession.summaries); cleared when the session ends. */
  readonly summaries: Map<TipId, unknown>;
  /** Overrides SUMMARY_CACHE_LIMIT (tests). */
  readonly summaryCacheLimit?: number;
}

export interface InboxFilter {
  readonly status?: TipStatus;
  readonly channel?: Channel;
  readonly deskId?: DeskId;
  /** A reviewer id, or null for unassigned tips. */
  readonly assigneeId?: ReviewerId | null;
  readonly label?: string;
  readonly language?: string;
  readonly danger?: boolean;
  /** Case-insensitive text searched in the decrypted tip and its labels. */
  readonly search?: string;
}

export interface InboxPage {
  readonly rows: readonly TipSummary[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

const NEUTRAL: Omit<SealedSummary, 'damaged' | 'locked' | 'triageSource'> = {
  headline: '',
  language: undefined,
  danger: undefined,
  country: undefined,
  attachments: 0,
  labels: [],
  priority: 'normal',
};

const LOCKED = { damaged: false, locked: true } as const;

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Opens a tip's triage blob; a missing or damaged one reads as no labels, normal priority. */
export function openTriage(deps: CoreDeps, unlocked: UnlockedDesks, tip: TipRecord): Triage {
  if (!tip.triage) return { labels: [], priority: 'normal' };
  try {
    const keyId = bytesToHex(readTipEnvelopeHeader(tip.triage).deskKeyId) as DeskKeyId;
    const key = unlocked.deskKeys.get(keyId);
    if (!key) return { labels: [], priority: 'normal' };
    const plaintext = openTipEnvelope(deps.sodium, tip.triage, key);
    const parsed = triageSchema.safeParse(JSON.parse(fromUtf8(plaintext)));
    wipe(deps.sodium, plaintext);
    return parsed.success
      ? { labels: parsed.data.labels, priority: parsed.data.priority }
      : { labels: [], priority: 'normal' };
  } catch (error) {
    if (error instanceof CryptoFormatError || error instanceof SyntaxError)
      return { labels: [], priority: 'normal' };
    throw error;
  }
}

function headlineOf(content: TipContent): string {
  const line = content.fields.message.replace(/\s+/g, ' ').trim();
  const short = line.length > HEADLINE_CHARS ? `${line.slice(0, HEADLINE_CHARS - 1)}…` : line;
  // A slice can be a view that keeps the whole message alive in V8; copying through bytes
  // makes a flat string, so the cache holds the headline and not the full tip text.
  return fromUtf8(utf8(short));
}

/** The cached summary of a tip, if it is still current (the triage blob has not changed). */
function cachedSummary(view: ReviewerView, tip: TipHead): SealedSummary | undefined {
  const cached = view.summaries.get(tip.id) as SealedSummary | undefined;
  return cached && sameBytes(cached.triageSource, tip.triage) ? cached : undefined;
}

function sealedSummary(deps: CoreDeps, view: ReviewerView, tip: TipRecord): SealedSummary {
  const cached = cachedSummary(view, tip);
  if (cached) return cached;
  let summary: SealedSummary;
  if (!view.unlocked.deskKeys.has(tip.deskKeyId)) {
    summary = { ...NEUTRAL, ...LOCKED, triageSource: tip.triage };
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
      summary = { ...NEUTRAL, damaged: true, locked: false, triageSource: tip.triage };
    }
  }
  // a locked tip is cheap to describe and may open later in the session (a new grant): not cached
  const limit = view.summaryCacheLimit ?? SUMMARY_CACHE_LIMIT;
  if (!summary.locked && (view.summaries.has(tip.id) || view.summaries.size < limit))
    view.summaries.set(tip.id, summary);
  return summary;
}

/** One list row: the tip's plaintext columns and its sealed parts, decrypted or from the cache. */
export function summarizeTip(deps: CoreDeps, view: ReviewerView, tip: TipRecord): TipSummary {
  return withColumns(sealedSummary(deps, view, tip), tip);
}

/** The sealed parts of a head's tip: the envelope is read from the store only on a cache miss. */
async function sealedSummaryOfHead(
  deps: CoreDeps,
  view: ReviewerView,
  head: TipHead,
): Promise<SealedSummary> {
  const cached = cachedSummary(view, head);
  if (cached) return cached;
  if (!view.unlocked.deskKeys.has(head.deskKeyId))
    return { ...NEUTRAL, ...LOCKED, triageSource: head.triage };
  const tip = await deps.store.getTip(head.id);
  return tip
    ? sealedSummary(deps, view, tip)
    : { ...NEUTRAL, damaged: true, locked: false, triageSource: head.triage };
}

function withColumns(sealed: SealedSummary, tip: TipHead): TipSummary {
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

function searchable(
  deps: CoreDeps,
  view: ReviewerView,
  tip: TipRecord | undefined,
  summary: SealedSummary,
): string {
  if (summary.damaged || summary.locked || !tip) return '';
  const content = openTip(deps, view.unlocked, tip);
  const f = content.fields;
  return [f.message, f.place, f.when, f.contact, f.country, ...summary.labels]
    .filter((part): part is string => part !== undefined)
    .join('\n')
    .toLocaleLowerCase();
}

const SCAN_BATCH = 1_000;

/**
 * One page of the inbox, newest first. Without sealed filters this reads one page from SQL and
 * decrypts only its rows; with them it scans the SQL-filtered tips in batches.
 */
export async function listInbox(
  deps: CoreDeps,
  view: ReviewerView,
  filter: InboxFilter,
  page: { offset: number; limit: number },
): Promise<InboxPage> {
  const sql: Omit<TipListQuery, 'limit' | 'offset'> = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.deskId ? { deskId: filter.deskId } : {}),
    ...(filter.assigneeId !== undefined ? { assigneeId: filter.assigneeId } : {}),
  };
  const label = filter.label?.toLocaleLowerCase();
  const search = filter.search ? normalizeText(filter.search).toLocaleLowerCase() : undefined;
  const sealedFilter =
    label !== undefined ||
    filter.language !== undefined ||
    filter.danger !== undefined ||
    (search !== undefined && search !== '');
  if (!sealedFilter) {
    const tips = await deps.store.listTips({ ...sql, limit: page.limit, offset: page.offset });
    return {
      rows: tips.map((tip) => summarizeTip(deps, view, tip)),
      total: await deps.store.countTips(sql),
      offset: page.offset,
      limit: page.limit,
    };
  }
  const rows: TipSummary[] = [];
  let matched = 0;
  // Keyset batches: each one seeks in the index after the last tip read (no OFFSET rescans).
  // A batch is read without envelopes first; only when it holds tips missing from the cache
  // (or the filter searches the full text) is it read again whole, in one query.
  for (let after: TipCursor | undefined; ;) {
    const query: TipListQuery = { ...sql, limit: SCAN_BATCH, ...(after ? { after } : {}) };
    const batch = await deps.store.listTipHeads(query);
    const last = batch[batch.length - 1];
    if (last) after = { receivedAt: last.receivedAt, id: last.id };
    const full =
      search ||
      batch.some((h) => view.unlocked.deskKeys.has(h.deskKeyId) && !cachedSummary(view, h))
        ? new Map((await deps.store.listTips(query)).map((tip) => [tip.id, tip]))
        : undefined;
    for (const head of batch) {
      const tip = full?.get(head.id);
      const summary = tip
        ? sealedSummary(deps, view, tip)
        : await sealedSummaryOfHead(deps, view, head);
      if (label !== undefined && !summary.labels.some((l) => l.toLocaleLowerCase() === label))
        continue;
      if (filter.language !== undefined && summary.language !== filter.language) continue;
      if (filter.danger !== undefined && (summary.danger ?? false) !== filter.danger) continue;
      if (search && !searchable(deps, view, tip, summary).includes(search)) continue;
      if (matched >= page.offset && rows.length < page.limit) rows.push(withColumns(summary, head));
      matched++;
    }
    if (batch.length < SCAN_BATCH) break;
  }
  return { rows, total: matched, offset: page.offset, limit: page.limit };
}

export interface TipDetail {
  readonly tip: TipRecord;
  readonly content: TipContent;
  readonly triage: Triage;
  readonly thread: readonly ThreadEntry[];
}

/** Opens one tip for a reviewer, with its triage and thread. Audited as a view. */
export async function openTipDetail(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipId: TipId,
): Promise<TipDetail> {
  const tip = await deps.store.getTip(tipId);
  if (!tip) throw new DomainError('not_found', 'no such tip');
  const content = openTip(deps, unlocked, tip);
  const detail = {
    tip,
    content,
    triage: openTriage(deps, unlocked, tip),
    thread: await readThread(deps, unlocked, tipId),
  };
  await recordAudit(deps, { actor: unlocked.reviewer.id, action: 'tip.view', subject: tipId });
  return detail;
}

/** Checks and normalizes labels: trimmed, de-duplicated, bounded in number and length. */
export function cleanLabels(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of labels) {
    const label = normalizeText(raw).replace(/\s+/g, ' ');
    if (label === '') continue;
    if ([...label].length > MAX_LABEL_CHARS)
      throw new DomainError('too_large', 'label is too long', 'labels');
    if (!out.some((l) => l.toLocaleLowerCase() === label.toLocaleLowerCase())) out.push(label);
  }
  if (out.length > MAX_LABELS) throw new DomainError('too_large', 'too many labels', 'labels');
  return out;
}

async function sealTriage(deps: CoreDeps, tip: TipRecord, triage: Triage): Promise<Uint8Array> {
  const deskKey = await deps.store.getActiveDeskKey(tip.deskId);
  if (!deskKey) throw new DomainError('not_initialised', 'desk has no key');
  const plaintext = utf8(
    JSON.stringify({ v: 1, labels: triage.labels, priority: triage.priority }),
  );
  try {
    return sealTipEnvelope(
      deps.sodium,
      { keyId: hexToBytes(deskKey.id), publicKey: deskKey.publicKey },
      plaintext,
    );
  } finally {
    wipe(deps.sodium, plaintext);
  }
}

export type TriageChange =
  | { readonly kind: 'status'; readonly status: TipStatus }
  | { readonly kind: 'assign'; readonly assigneeId: ReviewerId | null }
  | { readonly kind: 'addLabel'; readonly label: string }
  | { readonly kind: 'removeLabel'; readonly label: string }
  | { readonly kind: 'labels'; readonly labels: readonly string[] }
  | { readonly kind: 'priority'; readonly priority: Priority };

/**
 * Applies one change to one or more tips, all or nothing: every id and value is checked before
 * anything is written, then the writes and their audit entries go in one transaction.
 */
export async function applyTriage(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipIds: readonly TipId[],
  change: TriageChange,
): Promise<void> {
  if (tipIds.length === 0) throw new DomainError('invalid_input', 'no tips selected', 'tips');
  if (tipIds.length > 500) throw new DomainError('too_large', 'too many tips selected', 'tips');
  const tips: TipRecord[] = [];
  for (const id of new Set(tipIds)) {
    const tip = await deps.store.getTip(id);
    if (!tip) throw new DomainError('not_found', 'no such tip', 'tips');
    tips.push(tip);
  }
  const actor = unlocked.reviewer.id;
  if (change.kind === 'status' && !TIP_STATUSES.includes(change.status))
    throw new DomainError('invalid_input', 'unknown status', 'status');
  if (change.kind === 'assign' && change.assigneeId !== null) {
    const assignee = await deps.store.getReviewer(change.assigneeId);
    if (!assignee || assignee.revokedAt !== null)
      throw new DomainError('invalid_input', 'unknown reviewer', 'assignee');
  }
  if (change.kind === 'priority' && !PRIORITIES.includes(change.priority))
    throw new DomainError('invalid_input', 'unknown priority', 'priority');
  // sealed changes: compute every new blob first, so a bad label or a locked tip changes nothing
  const sealed = new Map<TipId, Uint8Array>();
  if (change.kind !== 'status' && change.kind !== 'assign') {
    for (const tip of tips) {
      if (!unlocked.deskKeys.has(tip.deskKeyId))
        throw new DomainError('forbidden', 'no grant for this tip', 'tips');
      const current = openTriage(deps, unlocked, tip);
      const next: Triage =
        change.kind === 'priority'
          ? { labels: current.labels, priority: change.priority }
          : {
              priority: current.priority,
              labels: cleanLabels(
                change.kind === 'labels'
                  ? change.labels
                  : change.kind === 'addLabel'
                    ? [...current.labels, change.label]
                    : current.labels.filter(
                        (l) => l.toLocaleLowerCase() !== change.label.trim().toLocaleLowerCase(),
                      ),
              ),
            };
      sealed.set(tip.id, await sealTriage(deps, tip, next));
    }
  }
  await deps.store.transaction(async () => {
    for (const tip of tips) {
      if (change.kind === 'status') {
        await deps.store.setTipStatus(tip.id, change.status);
        await recordAudit(deps, {
          actor,
          action: 'tip.status',
          subject: tip.id,
          detail: change.status,
        });
      } else if (change.kind === 'assign') {
        await deps.store.setTipAssignee(tip.id, change.assigneeId);
        await recordAudit(deps, {
          actor,
          action: 'tip.assign',
          subject: tip.id,
          detail: change.assigneeId ?? 'nobody',
        });
      } else {
        const blob = sealed.get(tip.id);
        if (blob) await deps.store.setTipTriage(tip.id, blob);
        // the audit says what kind of change, never the label text (it may name a place)
        await recordAudit(deps, {
          actor,
          action: 'tip.triage',
          subject: tip.id,
          detail: change.kind,
        });
      }
    }
  });
}

/** A reviewer's note on a case, sealed to the desk key like everything else in the thread. */
export async function addReviewerNote(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipId: TipId,
  text: string,
): Promise<void> {
  await deps.store.transaction(async () => {
    await addNote(deps, unlocked, tipId, text);
    await recordAudit(deps, { actor: unlocked.reviewer.id, action: 'tip.note', subject: tipId });
  });
}

export const isStatus = (value: string): value is TipStatus =>
  (TIP_STATUSES as readonly string[]).includes(value);
export const isChannel = (value: string): value is Channel =>
  (CHANNELS as readonly string[]).includes(value);
export const isPriority = (value: string): value is Priority =>
  (PRIORITIES as readonly string[]).includes(value);
