import type { Channel, DeskId, ReviewerId, TipHead, TipStatus } from './ports.js';

/* The shapes of inbox filters and scans, apart from the code that runs them (no import circle). */

export interface InboxFilter {
  readonly status?: TipStatus;
  readonly channel?: Channel;
  readonly deskId?: DeskId;
  /** A reviewer id, or null for unassigned tips. */
  readonly assigneeId?: ReviewerId | null;
  readonly label?: string;
  readonly language?: string;
  readonly danger?: boolean;
  /** Words searched in the decrypted tip and its labels (see matchesSealed). */
  readonly search?: string;
}

export type ScanState = 'running' | 'done' | 'cancelled' | 'timed_out' | 'failed';

export interface InboxScanOptions {
  /** 'index' (default) reads the sealed index; 'full' decrypts every tip (tests, fallback). */
  readonly mode?: 'index' | 'full';
  /** A scan still running after this long is stopped (default two minutes). */
  readonly timeoutMs?: number;
}

/** One session's running (or finished) scan. */
export interface InboxScan {
  /** Random, so a refreshed page can find its scan again (`?scan=`). */
  readonly id: string;
  readonly filterKey: string;
  readonly state: ScanState;
  /** Matching tips so far, newest first. */
  readonly matches: readonly TipHead[];
  readonly scanned: number;
  readonly damaged: number;
  /** Resolves when the scan has ended and no task of it is still running anywhere. */
  readonly finished: Promise<void>;
  cancel(): void;
  /** Resolves once `count` matches are found, the scan ends, or `ms` pass. */
  waitFor(count: number, ms: number): Promise<void>;
}
