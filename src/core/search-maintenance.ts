import { sealTipEnvelope, utf8, wipe } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { hexToBytes, newRandomId } from './ids.js';
import { scanKeysFor } from './sealed-scan.js';
import {
  SEGMENT_DOCS,
  SEGMENT_MAX_BYTES,
  docBytes,
  docOfTip,
  mergeDoc,
  segmentJson,
  type IndexDoc,
} from './search-index.js';
import type { CoreDeps } from './deps.js';
import type { TipContent } from './tip-content.js';
import type { UnlockedDesks } from './key-material.js';
import type { DeskId, DeskKeyRecord, SearchSegmentId, TipId } from './ports.js';

/*
 * The sealed search index, written and read. The server appends a one-tip segment at intake
 * (it holds only the desk public key, as for the envelope); a label change appends a label
 * segment; a session reads segments once into a bounded in-memory cache, indexes tips the
 * server could not (sealed in the browser, or older than the index), and compacts small
 * segments into large ones re-sealed to the desk's active key.
 */

/** About how much decrypted index one session keeps in memory; beyond it, segments are read per search. */
export const SEARCH_CACHE_BYTES = 128 * 1024 * 1024;
/** A segment holding fewer documents than this is "small": compaction merges those. */
const SMALL_SEGMENT_DOCS = SEGMENT_DOCS / 2;
/** Compaction starts once a desk has this many small segments. */
export const COMPACT_AFTER_SEGMENTS = 16;

/** A session's decrypted index: which segments it has read, and the merged document per tip. */
export interface SessionSearchIndex {
  /** Segments read (into `docs`, or found unreadable), with how many documents each held. */
  readonly segments: Map<SearchSegmentId, { deskId: DeskId; tips: readonly TipId[] }>;
  readonly docs: Map<TipId, IndexDoc>;
  bytes: number;
  readonly limitBytes: number;
  /** Forgets everything (logout). Strings cannot be zeroed; dropping them bounds their life. */
  clear(): void;
}

export function createSessionSearchIndex(limitBytes = SEARCH_CACHE_BYTES): SessionSearchIndex {
  const index: SessionSearchIndex = {
    segments: new Map(),
    docs: new Map(),
    bytes: 0,
    limitBytes,
    clear() {
      index.segments.clear();
      index.docs.clear();
      index.bytes = 0;
    },
  };
  return index;
}

/** Merges documents into a doc map, keeping the byte count of `index` when it is the session's. */
export function mergeInto(docs: Map<TipId, IndexDoc>, incoming: readonly IndexDoc[]): number {
  let delta = 0;
  for (const doc of incoming) {
    const old = docs.get(doc.tipId);
    const merged = mergeDoc(old, doc);
    if (merged !== old) {
      delta += docBytes(merged) - (old ? docBytes(old) : 0);
      docs.set(doc.tipId, merged);
    }
  }
  return delta;
}

type SegmentPart = { doc: IndexDoc; part: 'all' | 'labels' };

function sealSegment(
  deps: CoreDeps,
  deskId: DeskId,
  key: Pick<DeskKeyRecord, 'id' | 'publicKey'>,
  docs: readonly SegmentPart[],
  seqs: 'segment' | 'own' | 'labels-zero',
) {
  const json = segmentJson(docs, seqs === 'own');
  if (seqs === 'labels-zero') for (const d of json.docs) d.sl = 0;
  const plaintext = utf8(JSON.stringify(json));
  try {
    return {
      id: newRandomId<SearchSegmentId>(deps.random),
      deskId,
      deskKeyId: key.id,
      sealed: sealTipEnvelope(
        deps.sodium,
        { keyId: hexToBytes(key.id), publicKey: key.publicKey },
        plaintext,
      ),
    };
  } finally {
    wipe(deps.sodium, plaintext);
  }
}

/**
 * Intake: a one-tip segment with the tip's words, language, danger and country, sealed to the
 * same desk key as the tip. Call inside the transaction that inserts the tip.
 */
export async function appendTipSegment(
  deps: CoreDeps,
  deskId: DeskId,
  key: Pick<DeskKeyRecord, 'id' | 'publicKey'>,
  tipId: TipId,
  content: TipContent,
): Promise<void> {
  const doc = docOfTip(tipId, content, []);
  await deps.store.appendSearchSegment(
    sealSegment(deps, deskId, key, [{ doc, part: 'all' }], 'segment'),
  );
}

/** A moved case: a one-tip segment with its words and its labels, to the target desk's key. */
export async function appendTipSegmentWithLabels(
  deps: CoreDeps,
  deskId: DeskId,
  key: Pick<DeskKeyRecord, 'id' | 'publicKey'>,
  tipId: TipId,
  content: TipContent,
  labels: readonly string[],
): Promise<void> {
  const doc = docOfTip(tipId, content, labels);
  await deps.store.appendSearchSegment(
    sealSegment(deps, deskId, key, [{ doc, part: 'all' }], 'segment'),
  );
}

/**
 * A segment of whole documents that keep their own sequences (compaction; a moved case's old
 * desk rewritten without it), sealed to `key`; the plaintext is wiped on success and on error.
 */
export function sealDocumentsSegment(
  deps: CoreDeps,
  deskId: DeskId,
  key: Pick<DeskKeyRecord, 'id' | 'publicKey'>,
  docs: readonly IndexDoc[],
) {
  return sealSegment(
    deps,
    deskId,
    key,
    docs.map((doc) => ({ doc, part: 'all' as const })),
    'own',
  );
}

/** Triage: one segment with the new labels of each changed tip (later segments win). */
export async function appendLabelSegment(
  deps: CoreDeps,
  deskId: DeskId,
  changes: readonly { tipId: TipId; labels: readonly string[] }[],
): Promise<void> {
  if (changes.length === 0) return;
  const key = await deps.store.getActiveDeskKey(deskId);
  if (!key) throw new DomainError('not_initialised', 'desk has no key');
  const parts = changes.map(({ tipId, labels }) => ({
    part: 'labels' as const,
    doc: { ...docOfTip(tipId, EMPTY_CONTENT, labels), contentSeq: undefined },
  }));
  await deps.store.appendSearchSegment(sealSegment(deps, deskId, key, parts, 'segment'));
}

const EMPTY_CONTENT: TipContent = {
  v: 1,
  channel: 'web',
  language: 'und',
  fields: { message: '' },
  attachments: [],
};

/** Splits documents into segments of at most SEGMENT_DOCS and about SEGMENT_MAX_BYTES of JSON. */
function chunkDocs(docs: readonly IndexDoc[]): IndexDoc[][] {
  const chunks: IndexDoc[][] = [];
  let current: IndexDoc[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = docBytes(doc) / 2 + 64;
    if (
      current.length > 0 &&
      (current.length >= SEGMENT_DOCS || bytes + size > SEGMENT_MAX_BYTES)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Indexes tips a session decrypted that had no index document (sealed in the browser, or from
 * before the index): segments of up to 1,000 documents to the desk's active key. Their labels
 * go in with sequence 0, so a label change appended meanwhile still wins.
 */
export async function indexOpenedTips(
  deps: CoreDeps,
  index: SessionSearchIndex | undefined,
  opened: readonly { deskId: DeskId; doc: IndexDoc }[],
): Promise<number> {
  const byDesk = new Map<DeskId, IndexDoc[]>();
  for (const { deskId, doc } of opened) {
    const list = byDesk.get(deskId) ?? [];
    list.push(doc);
    byDesk.set(deskId, list);
  }
  let written = 0;
  for (const [deskId, docs] of byDesk) {
    const key = await deps.store.getActiveDeskKey(deskId);
    if (!key) continue;
    for (const chunk of chunkDocs(docs)) {
      const parts = chunk.map((doc) => ({ doc, part: 'all' as const }));
      const record = await deps.store.appendSearchSegment(
        sealSegment(deps, deskId, key, parts, 'labels-zero'),
      );
      written += chunk.length;
      if (index)
        remember(
          index,
          record.id,
          deskId,
          chunk.map((doc) => ({ ...doc, contentSeq: record.sequence, labelSeq: 0 })),
        );
    }
  }
  return written;
}

/** Records a segment a session read (or wrote) and merges its documents into the session's index. */
export function remember(
  index: SessionSearchIndex,
  id: SearchSegmentId,
  deskId: DeskId,
  docs: readonly IndexDoc[],
): void {
  index.segments.set(id, { deskId, tips: docs.map((d) => d.tipId) });
  index.bytes += mergeInto(index.docs, docs) + 40 * docs.length;
}

/**
 * Compacts a desk's small segments (read by this session) into segments of up to 1,000
 * documents re-sealed to the desk's active key, then deletes the small ones (secure_delete is
 * on, so their pages are overwritten). Documents keep their own sequences, so order is kept;
 * documents of tips that no longer exist (`exists` says) are dropped. If another session
 * compacted the same segments first, this one changes nothing.
 */
export async function compactSearchIndex(
  deps: CoreDeps,
  index: SessionSearchIndex,
  deskId: DeskId,
  exists: (id: TipId) => boolean,
  minSegments = COMPACT_AFTER_SEGMENTS,
): Promise<{ removed: number; written: number }> {
  const small = [...index.segments].filter(
    ([, s]) => s.deskId === deskId && s.tips.length < SMALL_SEGMENT_DOCS,
  );
  if (small.length < minSegments) return { removed: 0, written: 0 };
  const key = await deps.store.getActiveDeskKey(deskId);
  if (!key) return { removed: 0, written: 0 };
  // the documents those segments touched, as merged in this session: they carry the same or
  // later sequences than anything the small segments said
  const touched = new Set<TipId>(small.flatMap(([, s]) => s.tips));
  const docs = [...touched]
    .filter(exists)
    .map((id) => index.docs.get(id))
    .filter((d): d is IndexDoc => d !== undefined);
  const chunks = chunkDocs(docs);
  const sealed = chunks.map((chunk) => sealDocumentsSegment(deps, deskId, key, chunk));
  const ids = small.map(([id]) => id);
  try {
    // Append before deleting: the store numbers a segment max + 1 over the desk's segments,
    // and the merged documents carry the small segments' sequences, so the new ones must be
    // numbered above them or a later label change would lose to an older label.
    const written = await deps.store.transaction(async () => {
      const out = [];
      for (const segment of sealed) out.push(await deps.store.appendSearchSegment(segment));
      if ((await deps.store.deleteSearchSegments(ids)) !== ids.length)
        throw new CompactionRaceError();
      return out;
    });
    for (const id of ids) index.segments.delete(id);
    for (const [i, record] of written.entries())
      index.segments.set(record.id, { deskId, tips: (chunks[i] ?? []).map((d) => d.tipId) });
    return { removed: ids.length, written: written.length };
  } catch (error) {
    if (error instanceof CompactionRaceError) return { removed: 0, written: 0 };
    throw error;
  }
}

class CompactionRaceError extends Error {}

/** Copies of the keys that open a desk's segments (all the session holds for it). */
export function segmentKeys(unlocked: UnlockedDesks, keyIds: Iterable<DeskKeyRecord['id']>) {
  return scanKeysFor(unlocked.deskKeys, keyIds);
}
