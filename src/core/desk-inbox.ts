import { sealTipEnvelope, utf8, wipe } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { questionnaireVersion } from './questionnaires.js';
import type { QuestionnaireRecord } from './questionnaire.js';
import type { QuestionnaireId } from './ports.js';
import { hexToBytes } from './ids.js';
import { recordAudit } from './audit.js';
import { openTip } from './reading.js';
import { readThread, addNote, type ThreadEntry } from './case-thread.js';
import { normalizeText, type TipContent } from './tip-content.js';
import {
  PRIORITIES,
  MAX_LABELS,
  MAX_LABEL_CHARS,
  type Priority,
  type Triage,
} from './sealed-scan.js';
import {
  openTriage,
  summariesOfHeads,
  summarizeTip,
  type ReviewerView,
  type TipSummary,
} from './inbox-summaries.js';
import {
  scanFailure,
  sealedCriteria,
  sqlPart,
  startInboxScan,
  type InboxFilter,
  type InboxScan,
  type InboxScanOptions,
  type ScanState,
} from './inbox-scan.js';
import { appendLabelSegment } from './search-maintenance.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';
import {
  CHANNELS,
  TIP_STATUSES,
  type Channel,
  type DeskId,
  type ReviewerId,
  type TipId,
  type TipRecord,
  type TipStatus,
} from './ports.js';

/*
 * What reviewers do with tips: list and filter them, open one, triage. Status, channel, desk
 * and assignee are plaintext columns and filter in SQL; labels, priority, language and danger
 * are sealed (labels and priority in a small per-tip triage blob to the desk key). Sealed
 * filters run as a scan over the session's decrypted search index (src/core/inbox-scan.ts);
 * list rows are summaries decrypted once and cached until the session ends.
 */

export {
  PRIORITIES,
  MAX_LABELS,
  MAX_LABEL_CHARS,
  type Priority,
  type Triage,
} from './sealed-scan.js';
export {
  SUMMARY_CACHE_LIMIT,
  openTriage,
  summarizeTip,
  type ReviewerView,
  type SealedSummary,
  type TipSummary,
} from './inbox-summaries.js';
export type { InboxFilter } from './inbox-scan.js';

export interface InboxPage {
  readonly rows: readonly TipSummary[];
  /** Every match, or (while the scan runs) every match found so far. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** For a sealed filter: the scan behind this page, and whether it has finished. */
  readonly scan?: {
    readonly id: string;
    readonly state: ScanState;
    readonly scanned: number;
    readonly damaged: number;
  };
}

/**
 * One page of the inbox, newest first. Without sealed filters this reads one page from SQL and
 * decrypts only its rows; with them it runs a scan to the end (inbox-scan.ts) and pages its
 * matches. A search that is too long, has control characters or no word throws
 * DomainError for field `q`.
 */
export async function listInbox(
  deps: CoreDeps,
  view: ReviewerView,
  filter: InboxFilter,
  page: { offset: number; limit: number },
  options: InboxScanOptions = {},
): Promise<InboxPage> {
  const sql = sqlPart(filter);
  if (!sealedCriteria(filter)) {
    const tips = await deps.store.listTips({ ...sql, limit: page.limit, offset: page.offset });
    return {
      rows: tips.map((tip) => summarizeTip(deps, view, tip)),
      total: await deps.store.countTips(sql),
      offset: page.offset,
      limit: page.limit,
    };
  }
  const scan = startInboxScan(deps, view, filter, options);
  await scan.finished;
  if (scan.state === 'failed') throw scanFailure(scan);
  return inboxScanPage(deps, view, scan, page);
}

/** The page of a scan's matches found so far (all of them once it has finished). */
export async function inboxScanPage(
  deps: CoreDeps,
  view: ReviewerView,
  scan: InboxScan,
  page: { offset: number; limit: number },
): Promise<InboxPage> {
  const heads = scan.matches.slice(page.offset, page.offset + page.limit);
  return {
    rows: await summariesOfHeads(deps, view, heads),
    total: scan.matches.length,
    offset: page.offset,
    limit: page.limit,
    scan: { id: scan.id, state: scan.state, scanned: scan.scanned, damaged: scan.damaged },
  };
}

export interface TipDetail {
  readonly tip: TipRecord;
  readonly content: TipContent;
  readonly triage: Triage;
  readonly thread: readonly ThreadEntry[];
  /** The questionnaire version the tip answered, for its question texts; absent if none. */
  readonly questionnaire?: QuestionnaireRecord;
}

async function answeredVersion(deps: CoreDeps, content: TipContent) {
  const id = content.answers?.questionnaire;
  const questionnaire = id ? await questionnaireVersion(deps, id as QuestionnaireId) : undefined;
  return questionnaire ? { questionnaire } : {};
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
    ...(await answeredVersion(deps, content)),
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
  const labelChanges = new Map<DeskId, { tipId: TipId; labels: readonly string[] }[]>();
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
      if (change.kind !== 'priority') {
        const list = labelChanges.get(tip.deskId) ?? [];
        list.push({ tipId: tip.id, labels: next.labels });
        labelChanges.set(tip.deskId, list);
      }
    }
  }
  await deps.store.transaction(async () => {
    // the search index learns the new labels in the same transaction (later segments win)
    if (labelChanges.size > 0)
      for (const [deskId, changes] of labelChanges) await appendLabelSegment(deps, deskId, changes);
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
