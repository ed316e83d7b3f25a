import { z } from 'zod';
import {
  CryptoFormatError,
  fromUtf8,
  openTipEnvelope,
  readTipEnvelopeHeader,
  utf8,
  type DeskKeyPair,
  type Sodium,
} from '../crypto/index.js';
import { bytesToHex } from './ids.js';
import { tipContentSchema, type TipContent } from './tip-content.js';
import { docOfTip, docsOfSegment, type IndexDoc } from './search-index.js';
import type { DeskKeyId, SearchSegmentId, TipId } from './ports.js';

/*
 * Opening many sealed things at once, off the event loop. Core describes the work as plain
 * tasks (tips or search segments, with the desk keys that open them) and a `SealedScanner`
 * runs them: in worker threads in production (src/scan), in-process in unit tests. Keys travel
 * to a worker as a message copy, live there for one task, and are wiped when it ends.
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

const NO_TRIAGE: Triage = { labels: [], priority: 'normal' };

/** A desk key as a scan task carries it. */
export interface ScanKey {
  readonly keyId: DeskKeyId;
  readonly pair: DeskKeyPair;
}

type KeyLookup = (id: DeskKeyId) => DeskKeyPair | undefined;

/** Opens a triage blob; a missing, unreadable or damaged one reads as no labels, normal priority. */
export function openTriageBlob(sodium: Sodium, keyOf: KeyLookup, blob: Uint8Array | null): Triage {
  if (!blob) return NO_TRIAGE;
  try {
    const key = keyOf(bytesToHex(readTipEnvelopeHeader(blob).deskKeyId) as DeskKeyId);
    if (!key) return NO_TRIAGE;
    const plaintext = openTipEnvelope(sodium, blob, key);
    try {
      const parsed = triageSchema.safeParse(JSON.parse(fromUtf8(plaintext)));
      return parsed.success
        ? { labels: parsed.data.labels, priority: parsed.data.priority }
        : NO_TRIAGE;
    } finally {
      sodium.memzero(plaintext);
    }
  } catch (error) {
    if (error instanceof CryptoFormatError || error instanceof SyntaxError) return NO_TRIAGE;
    throw error;
  }
}

/** A list row's one line: the message, whitespace folded, cut to 120 characters. */
export function headlineOf(content: TipContent): string {
  const line = content.fields.message.replace(/\s+/g, ' ').trim();
  const short = line.length > HEADLINE_CHARS ? `${line.slice(0, HEADLINE_CHARS - 1)}…` : line;
  // A slice can be a view that keeps the whole message alive in V8; copying through bytes
  // makes a flat string, so a cache holds the headline and not the full tip text.
  return fromUtf8(utf8(short));
}

/** Opens a tip envelope and checks its content; undefined if it is damaged. */
export function openContent(
  sodium: Sodium,
  key: DeskKeyPair,
  envelope: Uint8Array,
): TipContent | undefined {
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = openTipEnvelope(sodium, envelope, key);
    const parsed = tipContentSchema.safeParse(JSON.parse(fromUtf8(plaintext)));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (
      error instanceof CryptoFormatError ||
      error instanceof SyntaxError ||
      error instanceof TypeError
    )
      return undefined;
    throw error;
  } finally {
    if (plaintext) sodium.memzero(plaintext);
  }
}

/** The parts of a tip a list row shows, as a scan returns them. */
export interface OpenedSummary {
  readonly headline: string;
  readonly language: string;
  readonly danger: boolean | undefined;
  readonly country: string | undefined;
  readonly attachments: number;
  readonly labels: readonly string[];
  readonly priority: Priority;
}

export interface TipToOpen {
  readonly id: TipId;
  readonly deskKeyId: DeskKeyId;
  readonly envelope: Uint8Array;
  readonly triage: Uint8Array | null;
}

export type OpenedTip =
  | {
      readonly id: TipId;
      readonly outcome: 'ok';
      readonly summary: OpenedSummary;
      readonly doc: IndexDoc;
    }
  | { readonly id: TipId; readonly outcome: 'damaged' | 'locked' };

export interface SegmentToOpen {
  readonly id: SearchSegmentId;
  readonly deskKeyId: DeskKeyId;
  readonly sequence: number;
  readonly sealed: Uint8Array;
}

export type OpenedSegment =
  | { readonly id: SearchSegmentId; readonly outcome: 'ok'; readonly docs: readonly IndexDoc[] }
  | { readonly id: SearchSegmentId; readonly outcome: 'damaged' | 'locked' };

export type ScanTask =
  | {
      readonly kind: 'tips';
      readonly keys: readonly ScanKey[];
      readonly tips: readonly TipToOpen[];
    }
  | {
      readonly kind: 'segments';
      readonly keys: readonly ScanKey[];
      readonly segments: readonly SegmentToOpen[];
    };

export type ScanResult =
  | { readonly kind: 'tips'; readonly tips: OpenedTip[] }
  | { readonly kind: 'segments'; readonly segments: OpenedSegment[] };

/**
 * Runs one scan task: pure, given libsodium and the keys in the task. A damaged tip or segment
 * is reported as such and the task carries on. The caller wipes the keys afterwards.
 */
export function runScanTask(sodium: Sodium, task: ScanTask): ScanResult {
  const keys = new Map(task.keys.map((k) => [k.keyId, k.pair]));
  const keyOf: KeyLookup = (id) => keys.get(id);
  if (task.kind === 'tips') {
    return {
      kind: 'tips',
      tips: task.tips.map((tip): OpenedTip => {
        const key = keyOf(tip.deskKeyId);
        if (!key) return { id: tip.id, outcome: 'locked' };
        const content = openContent(sodium, key, tip.envelope);
        if (!content) return { id: tip.id, outcome: 'damaged' };
        const triage = openTriageBlob(sodium, keyOf, tip.triage);
        return {
          id: tip.id,
          outcome: 'ok',
          summary: {
            headline: headlineOf(content),
            language: content.language,
            danger: content.fields.danger,
            country: content.fields.country,
            attachments: content.attachments.length,
            labels: triage.labels,
            priority: triage.priority,
          },
          doc: docOfTip(tip.id, content, triage.labels, 0),
        };
      }),
    };
  }
  return {
    kind: 'segments',
    segments: task.segments.map((segment): OpenedSegment => {
      const key = keyOf(segment.deskKeyId);
      if (!key) return { id: segment.id, outcome: 'locked' };
      let plaintext: Uint8Array | undefined;
      try {
        plaintext = openTipEnvelope(sodium, segment.sealed, key);
        const docs = docsOfSegment(JSON.parse(fromUtf8(plaintext)), segment.sequence);
        return docs
          ? { id: segment.id, outcome: 'ok', docs }
          : { id: segment.id, outcome: 'damaged' };
      } catch (error) {
        if (error instanceof CryptoFormatError || error instanceof SyntaxError)
          return { id: segment.id, outcome: 'damaged' };
        throw error;
      } finally {
        if (plaintext) sodium.memzero(plaintext);
      }
    }),
  };
}

/**
 * Where scans run. Each call copies the keys it is given (the caller keeps and wipes its own);
 * the copies are wiped when the call settles, whether it succeeded, failed or was cancelled.
 */
export interface SealedScanner {
  openTips(
    keys: readonly ScanKey[],
    tips: readonly TipToOpen[],
    signal?: AbortSignal,
  ): Promise<OpenedTip[]>;
  openSegments(
    keys: readonly ScanKey[],
    segments: readonly SegmentToOpen[],
    signal?: AbortSignal,
  ): Promise<OpenedSegment[]>;
  /**
   * Test hook and self-check: how many non-zero key bytes the scanner's threads still hold
   * from tasks (zero between tasks; a wipe that was skipped shows here).
   */
  heldKeyBytes(): number;
  close(): Promise<void>;
}

/**
 * Tracks the key copies a thread was handed, so it can tell how many of their bytes are not
 * yet zero. A copy is dropped from the ledger only once it reads as all zeros.
 */
export function createKeyLedger(sodium: Sodium) {
  const held = new Set<Uint8Array>();
  const nonZero = () => {
    let count = 0;
    for (const bytes of held) {
      let here = 0;
      for (const b of bytes) if (b !== 0) here++;
      if (here === 0) held.delete(bytes);
      count += here;
    }
    return count;
  };
  return {
    /** Records the secret keys of a task's keys. */
    take(keys: readonly ScanKey[]): void {
      for (const key of keys) held.add(key.pair.secretKey);
    },
    wipe(keys: readonly ScanKey[]): void {
      for (const key of keys) sodium.memzero(key.pair.secretKey);
    },
    nonZero,
  };
}

/** The key ids opening a tip needs: its envelope's, and its triage blob's (sealed later, maybe to a newer key). */
export function neededKeyIds(tip: {
  readonly deskKeyId: DeskKeyId;
  readonly triage: Uint8Array | null;
}): DeskKeyId[] {
  if (!tip.triage) return [tip.deskKeyId];
  try {
    return [tip.deskKeyId, bytesToHex(readTipEnvelopeHeader(tip.triage).deskKeyId) as DeskKeyId];
  } catch {
    return [tip.deskKeyId];
  }
}

/** Copies of the keys a task needs: only those whose ids appear in `ids`. */
export function scanKeysFor(
  deskKeys: ReadonlyMap<DeskKeyId, DeskKeyPair>,
  ids: Iterable<DeskKeyId>,
): ScanKey[] {
  const out: ScanKey[] = [];
  for (const id of new Set(ids)) {
    const pair = deskKeys.get(id);
    if (pair)
      out.push({
        keyId: id,
        pair: {
          keyId: new Uint8Array(pair.keyId),
          publicKey: new Uint8Array(pair.publicKey),
          secretKey: new Uint8Array(pair.secretKey),
        },
      });
  }
  return out;
}

/**
 * The scanner for unit tests and tools: the same tasks on the calling thread. Each call works
 * on its own copies of the keys and wipes them when it is done.
 */
export function createInProcessScanner(sodium: Sodium): SealedScanner {
  const ledger = createKeyLedger(sodium);
  const run = async <R>(
    keys: readonly ScanKey[],
    task: (keys: readonly ScanKey[]) => R,
    signal?: AbortSignal,
  ) => {
    const copies = keys.map((k) => ({
      keyId: k.keyId,
      pair: { ...k.pair, secretKey: new Uint8Array(k.pair.secretKey) },
    }));
    ledger.take(copies);
    try {
      await Promise.resolve();
      signal?.throwIfAborted();
      return task(copies);
    } finally {
      ledger.wipe(copies);
    }
  };
  return {
    openTips: (keys, tips, signal) =>
      run(
        keys,
        (k) => (runScanTask(sodium, { kind: 'tips', keys: k, tips }) as { tips: OpenedTip[] }).tips,
        signal,
      ),
    openSegments: (keys, segments, signal) =>
      run(
        keys,
        (k) =>
          (
            runScanTask(sodium, { kind: 'segments', keys: k, segments }) as {
              segments: OpenedSegment[];
            }
          ).segments,
        signal,
      ),
    heldKeyBytes: () => ledger.nonZero(),
    close: () => Promise.resolve(),
  };
}
