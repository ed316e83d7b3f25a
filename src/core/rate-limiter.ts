import type { Clock } from './ports.js';

/** Token buckets keyed by an opaque string (never a raw address: callers pass a keyed hash). */
export interface RateLimiter {
  /** Takes one token for `key`; false when the key (or the global ceiling) is exhausted. */
  take(key: string): Promise<boolean>;
}

export interface RateLimiterOptions {
  /** Tokens per key per hour, also the burst size. 0 disables the limiter. */
  readonly perKeyPerHour: number;
  /** Tokens per hour across all keys. */
  readonly globalPerHour: number;
  readonly clock: Clock;
  /** Keys remembered at most; the oldest are forgotten first so memory stays bounded. */
  readonly maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const HOUR_MS = 3_600_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (options.perKeyPerHour === 0) return { take: () => Promise.resolve(true) };
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();
  const global: Bucket = { tokens: options.globalPerHour, updatedAt: options.clock() };

  const refill = (bucket: Bucket, capacity: number, now: number) => {
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.updatedAt) * capacity) / HOUR_MS,
    );
    bucket.updatedAt = now;
  };

  const takeNow = (key: string): boolean => {
    const now = options.clock();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      bucket = { tokens: options.perKeyPerHour, updatedAt: now };
      buckets.set(key, bucket);
    }
    refill(bucket, options.perKeyPerHour, now);
    refill(global, options.globalPerHour, now);
    if (bucket.tokens < 1 || global.tokens < 1) return false;
    bucket.tokens -= 1;
    global.tokens -= 1;
    return true;
  };

  return {
    take: (key) => Promise.resolve(takeNow(key)),
  };
}
