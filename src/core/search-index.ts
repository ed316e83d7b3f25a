import { z } from 'zod';
import { DomainError } from './errors.js';
import type { TipContent } from './tip-content.js';
import type { TipId } from './ports.js';

/*
 * The words a desk can search, and the one rule for matching them. A tip's index document is
 * built from its decrypted content and labels; it is stored only inside search segments sealed
 * to the desk key (docs/CRYPTO.md, "Search segments"), and held in plaintext only in a
 * reviewer session's memory. The full-decryption scan builds the same document from the same
 * tip and matches it with the same function, so the index finds exactly what a scan finds.
 */

/** Longest search a reviewer may type, in characters (code points). */
export const MAX_SEARCH_CHARS = 200;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** How text is folded before it is split into words: NFKC, then lowercase (locale-free). */
export function foldForSearch(text: string): string {
  return text.toWellFormed().normalize('NFKC').toLowerCase();
}

/**
 * The distinct words of `text`, folded, in first-seen order. `Intl.Segmenter` word granularity
 * uses ICU's dictionaries, so Chinese, Japanese, Thai, Khmer, Lao and Burmese text, written
 * without spaces, splits into words too. Punctuation and spaces are not words.
 */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const part of segmenter.segment(foldForSearch(text)))
    if (part.isWordLike) words.add(part.segment);
  return [...words];
}

/**
 * A reviewer's search, checked: at most 200 characters, no control characters, at least one
 * word. Throws DomainError naming the field `q`, so the desk says what is wrong instead of
 * cutting the text silently.
 */
export function parseSearchQuery(raw: string): readonly string[] {
  if ([...raw].length > MAX_SEARCH_CHARS)
    throw new DomainError('too_large', 'search is too long', 'q');
  if (/\p{Cc}/u.test(raw))
    throw new DomainError('invalid_input', 'search has control characters', 'q');
  const words = searchWords(raw);
  if (words.length === 0) throw new DomainError('invalid_input', 'search has no words', 'q');
  return words;
}

/** One tip as the index knows it. Content fields and labels carry their own sequence numbers. */
export interface IndexDoc {
  readonly tipId: TipId;
  /** Sequence of the segment the content came from; undefined if only labels are known. */
  readonly contentSeq: number | undefined;
  /** The tip's words joined by "\n" (no word contains a newline), for one substring test. */
  readonly words: string;
  readonly language: string | undefined;
  readonly danger: boolean | undefined;
  readonly country: string | undefined;
  readonly labelSeq: number | undefined;
  readonly labels: readonly string[];
  /** The labels folded and joined by "\n" (labels hold no newline). */
  readonly labelText: string;
}

/** What a sealed filter asks about a tip's sealed parts. */
export interface SealedCriteria {
  /** Folded query words: each must be a substring of some word of the tip or of a label. */
  readonly words?: readonly string[];
  /** Compared case-insensitively with each label. */
  readonly label?: string;
  readonly language?: string;
  readonly danger?: boolean;
}

/**
 * The search semantics, used by the index and by the full-decryption scan alike: every query
 * word is a substring of some indexed word of the tip or of one of its labels; a label filter
 * matches a whole label, case-insensitively; language and danger compare exactly (no answer to
 * danger counts as "no").
 */
export function matchesSealed(doc: IndexDoc, criteria: SealedCriteria): boolean {
  if (criteria.label !== undefined) {
    const label = criteria.label.toLocaleLowerCase();
    if (!doc.labels.some((l) => l.toLocaleLowerCase() === label)) return false;
  }
  if (criteria.language !== undefined && doc.language !== criteria.language) return false;
  if (criteria.danger !== undefined && (doc.danger ?? false) !== criteria.danger) return false;
  if (criteria.words)
    for (const word of criteria.words)
      if (!doc.words.includes(word) && !doc.labelText.includes(word)) return false;
  return true;
}

/**
 * The indexed words of a tip: its text fields, its country code, and its questionnaire answers,
 * each as one word `<question id>=<value>` (so "debt_grows=yes" finds the tips that answered so)
 * plus the words of free-text answers.
 */
export function contentWords(content: TipContent): string[] {
  const f = content.fields;
  const words = new Set<string>();
  for (const part of [f.message, f.place, f.when, f.contact, f.country])
    if (part !== undefined) for (const word of searchWords(part)) words.add(word);
  for (const [id, given] of Object.entries(content.answers?.values ?? {})) {
    for (const value of typeof given === 'string' ? [given] : given) {
      words.add(foldForSearch(`${id}=${value}`).replace(/\n/g, ' '));
      for (const word of searchWords(value)) words.add(word);
    }
  }
  return [...words];
}

const labelText = (labels: readonly string[]) => labels.map(foldForSearch).join('\n');

/** The index document of a tip opened now (the full-decryption path, and new segments). */
export function docOfTip(
  tipId: TipId,
  content: TipContent,
  labels: readonly string[],
  seq = 0,
): IndexDoc {
  return {
    tipId,
    contentSeq: seq,
    words: contentWords(content).join('\n'),
    language: content.language,
    danger: content.fields.danger,
    country: content.fields.country,
    labelSeq: seq,
    labels: [...labels],
    labelText: labelText(labels),
  };
}

// ---- segment plaintext, v1 (sealed as a TLTE envelope, docs/CRYPTO.md) ----

export const SEGMENT_DOCS = 1_000;
/** A segment's JSON stays under this, so it pads to at most 1 MiB and a worker message is bounded. */
export const SEGMENT_MAX_BYTES = 900 * 1024;
const MAX_WORDS = 20_000;

const segmentDocSchema = z
  .object({
    t: z.string().regex(/^[0-9a-f]{16,64}$/),
    /** sequences, only in compacted segments (else the segment's own sequence) */
    s: z.number().int().nonnegative().optional(),
    sl: z.number().int().nonnegative().optional(),
    w: z.array(z.string().max(10_000)).max(MAX_WORDS).optional(),
    g: z.string().max(35).optional(),
    d: z.boolean().optional(),
    c: z.string().max(2).optional(),
    l: z.array(z.string().max(40)).max(10).optional(),
  })
  .strict();

export const segmentSchema = z
  .object({ v: z.literal(1), docs: z.array(segmentDocSchema).max(SEGMENT_DOCS) })
  .strict();

export type SegmentDocJson = z.infer<typeof segmentDocSchema>;

/**
 * A segment's documents as JSON values. `withSeqs` keeps each document's own sequences
 * (compaction); a fresh one-tip or label segment leaves them out and takes the segment's.
 */
export function segmentJson(
  docs: readonly { doc: IndexDoc; part: 'all' | 'labels' }[],
  withSeqs: boolean,
): { v: 1; docs: SegmentDocJson[] } {
  return {
    v: 1,
    docs: docs.map(({ doc, part }) => {
      const out: SegmentDocJson = { t: doc.tipId };
      if (part === 'all' && doc.contentSeq !== undefined) {
        if (withSeqs) out.s = doc.contentSeq;
        out.w = doc.words === '' ? [] : doc.words.split('\n');
        if (doc.language !== undefined) out.g = doc.language;
        if (doc.danger !== undefined) out.d = doc.danger;
        if (doc.country !== undefined) out.c = doc.country;
      }
      if (doc.labelSeq !== undefined) {
        if (withSeqs) out.sl = doc.labelSeq;
        out.l = [...doc.labels];
      }
      return out;
    }),
  };
}

/** Reads a segment's documents, taking `sequence` where a document carries none. */
export function docsOfSegment(json: unknown, sequence: number): IndexDoc[] | undefined {
  const parsed = segmentSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return parsed.data.docs.map((d) => {
    const hasContent = d.w !== undefined;
    return {
      tipId: d.t as TipId,
      contentSeq: hasContent ? (d.s ?? sequence) : undefined,
      words: hasContent ? (d.w ?? []).join('\n') : '',
      language: d.g,
      danger: d.d,
      country: d.c,
      labelSeq: d.l !== undefined ? (d.sl ?? d.s ?? sequence) : undefined,
      labels: d.l ?? [],
      labelText: labelText(d.l ?? []),
    };
  });
}

/** Later segments win, field group by field group: content by contentSeq, labels by labelSeq. */
export function mergeDoc(older: IndexDoc | undefined, newer: IndexDoc): IndexDoc {
  if (!older) return newer;
  const content =
    newer.contentSeq !== undefined &&
    (older.contentSeq === undefined || newer.contentSeq >= older.contentSeq)
      ? newer
      : older;
  const labels =
    newer.labelSeq !== undefined &&
    (older.labelSeq === undefined || newer.labelSeq >= older.labelSeq)
      ? newer
      : older;
  if (content === older && labels === older) return older;
  return {
    tipId: newer.tipId,
    contentSeq: content.contentSeq,
    words: content.words,
    language: content.language,
    danger: content.danger,
    country: content.country,
    labelSeq: labels.labelSeq,
    labels: labels.labels,
    labelText: labels.labelText,
  };
}

/** Rough bytes a cached document holds, for the session's bound. */
export function docBytes(doc: IndexDoc): number {
  return 2 * (doc.words.length + doc.labelText.length) + 160;
}
