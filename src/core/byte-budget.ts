import { DomainError } from './errors.js';

export interface ByteBudget {
  /**
   * Waits until `bytes` fit in the budget, then holds them until `release` is called. Throws
   * DomainError('rate_limited') at once when `maxWaiting` callers are already waiting.
   */
  reserve(bytes: number): Promise<() => void>;
  /** Bytes held now (for tests and metrics). */
  inUse(): number;
}

/**
 * A bound on the request bodies being read and sealed at once. A tip's files are held in memory
 * several times over while they are parsed, sanitized and encrypted (about four copies), so 50
 * parallel 25 MiB uploads would need gigabytes; with a budget the others wait, unread, while
 * TCP holds their bytes on the sender's side. A reservation larger than the whole budget is
 * admitted alone, so a maximum upload always gets through.
 */
export function createByteBudget(totalBytes: number, maxWaiting: number): ByteBudget {
  let used = 0;
  const waiting: { bytes: number; admit: () => void }[] = [];
  const fits = (bytes: number) => used === 0 || used + bytes <= totalBytes;
  const wake = () => {
    // in arrival order, as many as fit now
    while (waiting.length > 0 && fits(waiting[0]!.bytes)) {
      const next = waiting.shift()!;
      used += next.bytes;
      next.admit();
    }
  };
  return {
    async reserve(bytes) {
      if (waiting.length === 0 && fits(bytes)) {
        used += bytes;
      } else {
        if (waiting.length >= maxWaiting)
          throw new DomainError('rate_limited', 'too many uploads waiting');
        await new Promise<void>((admit) => waiting.push({ bytes, admit }));
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used -= bytes;
        wake();
      };
    },
    inUse: () => used,
  };
}
