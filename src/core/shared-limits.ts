import type { Sodium } from '../crypto/sodium.js';
import type { CoreDeps, SharedKeys } from './deps.js';

export type { SharedKeys } from './deps.js';
import { createLoginThrottle, loginWaitMs, type LoginThrottle } from './desk-login.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

/** TIPLINE_SHARED_SECRET's bytes: at least this many, so the keys cannot be guessed. */
export const SHARED_SECRET_MIN_BYTES = 32;

export function deriveSharedKeys(sodium: Sodium, secret: Uint8Array): SharedKeys {
  const key = (purpose: string) =>
    sodium.crypto_generichash(32, `tipline shared key v1: ${purpose}`, secret);
  return {
    client: key('client'),
    proofOfWork: key('proof of work'),
    counters: key('counters'),
    telegramWebhook: key('telegram webhook'),
  };
}

/** The key a process hashes client addresses with: the shared one, or its own random one. */
export function clientHashKey(deps: Pick<CoreDeps, 'sharedKeys' | 'random'>): Uint8Array {
  return deps.sharedKeys?.client ?? deps.random.bytes(32);
}

type CounterDeps = Pick<CoreDeps, 'store' | 'sodium' | 'clock'> & { sharedKeys: SharedKeys };

/** A stored counter key: never the limiter key itself, which may be an account name or chat id. */
const counterKey = (deps: CounterDeps, scope: string, key: string) =>
  deps.sodium.crypto_generichash(16, `${scope}\u0000${key}`, deps.sharedKeys.counters);

const GLOBAL_KEY = new Uint8Array(0);

/**
 * Token buckets per key and across all keys under `scope`: in the store when the keys are
 * shared, in memory otherwise. A key's token taken when the global ceiling then refuses stays
 * spent (two statements, not one): it errs towards refusing.
 */
export function createScopedRateLimiter(
  deps: Pick<CoreDeps, 'store' | 'sodium' | 'clock' | 'sharedKeys'>,
  scope: string,
  options: { readonly perKeyPerHour: number; readonly globalPerHour: number },
): RateLimiter {
  const keys = deps.sharedKeys;
  if (keys === undefined || options.perKeyPerHour === 0)
    return createRateLimiter({ ...options, clock: deps.clock });
  const shared = { ...deps, sharedKeys: keys };
  return {
    take: async (key) => {
      const now = deps.clock();
      const store = deps.store;
      if (
        !(await store.takeSharedToken(
          scope,
          counterKey(shared, scope, key),
          options.perKeyPerHour,
          now,
        ))
      )
        return false;
      return store.takeSharedToken(`${scope}:all`, GLOBAL_KEY, options.globalPerHour, now);
    },
  };
}

const LOGIN_SCOPE = 'login';
const LOGIN_FORGET_AFTER_MS = 3_600_000;

/** The desk's login throttle: in the store when the keys are shared, in memory otherwise. */
export function createScopedLoginThrottle(
  deps: Pick<CoreDeps, 'store' | 'sodium' | 'clock' | 'sharedKeys'>,
): LoginThrottle {
  const keys = deps.sharedKeys;
  if (keys === undefined)
    return createLoginThrottle({ clock: deps.clock, forgetAfterMs: LOGIN_FORGET_AFTER_MS });
  const shared = { ...deps, sharedKeys: keys };
  const stored = (key: string) => counterKey(shared, LOGIN_SCOPE, key);
  return {
    waitFor: async (key) => {
      const counter = await deps.store.getSharedCounter(LOGIN_SCOPE, stored(key));
      const now = deps.clock();
      if (counter === undefined || now - counter.updatedAt >= LOGIN_FORGET_AFTER_MS) return 0;
      return Math.max(0, counter.updatedAt + loginWaitMs(counter.value) - now);
    },
    fail: async (key) => {
      const now = deps.clock();
      await deps.store.countSharedFailure(
        LOGIN_SCOPE,
        stored(key),
        now,
        // a failure exactly an hour old is forgiven, as in memory
        now - LOGIN_FORGET_AFTER_MS + 1,
      );
    },
    succeed: (key) => deps.store.deleteSharedCounter(LOGIN_SCOPE, stored(key)),
  };
}

/** Counters and claims untouched for a day are swept: long past any limiter's hour. */
export const SHARED_COUNTER_KEEP_MS = 24 * 3_600_000;

/** Deletes stale shared counters; the runner calls it (only when the keys are shared). */
export async function sweepSharedCounters(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'sharedKeys'>,
): Promise<number> {
  if (deps.sharedKeys === undefined) return 0;
  return deps.store.sweepSharedCounters(deps.clock() - SHARED_COUNTER_KEEP_MS);
}

/**
 * Whether this process should handle Telegram update `updateId`: always when the keys are not
 * shared (the bot's in-memory set de-duplicates), else only the first instance to claim it.
 */
export async function claimTelegramUpdate(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'sharedKeys'>,
  updateId: number,
): Promise<boolean> {
  if (deps.sharedKeys === undefined) return true;
  const key = new Uint8Array(8);
  new DataView(key.buffer).setBigInt64(0, BigInt(updateId));
  return deps.store.claimOnce('telegram-update', key, deps.clock());
}
