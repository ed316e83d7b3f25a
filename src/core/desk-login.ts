import { DomainError, isDomainError } from './errors.js';
import { recordAudit } from './audit.js';
import { unlockReviewer } from './reviewers-and-grants.js';
import { type UnlockedReviewer } from './key-material.js';
import { matchTotp, openTotpSecret } from './totp.js';
import { passkeysRequired } from './passkeys.js';
import type { CoreDeps } from './deps.js';

/*
 * Reviewer login: name + passphrase + TOTP code in one step (or, for passkeys, a passphrase
 * step and then passkey-login.ts). Unknown name, wrong passphrase and
 * wrong code fail with the same error after the same argon2id work, and every attempt takes at
 * least `minimumMs`, so neither the answer nor its timing says which part was wrong.
 */

/** Failures per key (an account name or a client's keyed hash) make later attempts wait. */
export interface LoginThrottle {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitFor(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  succeed(key: string): Promise<void>;
}

const FREE_FAILURES = 3;
const MAX_WAIT_MS = 15 * 60_000;

/** The wait after `failures` failures: none for the first three, then 1 s, 2 s, 4 s … up to `maxWaitMs`. */
export function loginWaitMs(
  failures: number,
  free = FREE_FAILURES,
  maxWaitMs = MAX_WAIT_MS,
): number {
  const over = failures - free;
  return over > 0 ? Math.min(maxWaitMs, 1000 * 2 ** (over - 1)) : 0;
}

export function createLoginThrottle(options: {
  clock: () => number;
  /** Failures allowed before waiting starts. */
  freeFailures?: number;
  maxWaitMs?: number;
  maxKeys?: number;
  /** A quiet hour forgives earlier failures. */
  forgetAfterMs?: number;
}): LoginThrottle {
  const free = options.freeFailures ?? FREE_FAILURES;
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  const maxKeys = options.maxKeys ?? 100_000;
  const forgetAfter = options.forgetAfterMs ?? 3_600_000;
  const entries = new Map<string, { failures: number; until: number; lastAt: number }>();
  return {
    waitFor: (key) => {
      const entry = entries.get(key);
      return Promise.resolve(entry ? Math.max(0, entry.until - options.clock()) : 0);
    },
    fail: (key) => {
      const now = options.clock();
      const entry = entries.get(key) ?? { failures: 0, until: 0, lastAt: now };
      if (now - entry.lastAt >= forgetAfter) entry.failures = 0;
      entry.lastAt = now;
      entry.failures += 1;
      const wait = loginWaitMs(entry.failures, free, maxWait);
      entry.until = wait > 0 ? now + wait : 0;
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxKeys) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return Promise.resolve();
    },
    succeed: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}

/** Bounds how many argon2id derivations (64 MiB each) run at once, with a short queue. */
export interface ConcurrencyGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createConcurrencyGate(limit: number, maxQueued: number): ConcurrencyGate {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async run(work) {
      if (running >= limit) {
        if (queue.length >= maxQueued)
          throw new DomainError('rate_limited', 'too many logins at once');
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running++;
      }
      try {
        return await work();
      } finally {
        const next = queue.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

export interface LoginGuard {
  readonly throttle: LoginThrottle;
  readonly gate: ConcurrencyGate;
  /** Every attempt, failed or not, takes at least this long. */
  readonly minimumMs: number;
  /** Wall-clock time and sleep for the padding (fakes in tests). */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export type LoginResult =
  | { readonly kind: 'unlocked'; readonly unlocked: UnlockedReviewer }
  /** Right passphrase, but no second factor yet: enrol before anything else. */
  | { readonly kind: 'enrol'; readonly unlocked: UnlockedReviewer }
  /** Right passphrase; the second factor is one of the reviewer's passkeys (passkey-login.ts). */
  | { readonly kind: 'passkey'; readonly unlocked: UnlockedReviewer }
  /** Logged in with TOTP, but the desk requires a passkey: register one before anything else. */
  | { readonly kind: 'register-passkey'; readonly unlocked: UnlockedReviewer };

const MAX_NAME_CHARS = 64;
/** The one message of every refused login, whichever part was wrong (passkey step included). */
export const LOGIN_FAILED = 'wrong name, passphrase or code';

/** The throttle keys of an attempt: the account name and the client's keyed hash. */
export function throttleKeys(name: string, clientKey: string): { account: string; client: string } {
  return {
    account: `account:${name.slice(0, MAX_NAME_CHARS).toLowerCase()}`,
    client: `client:${clientKey}`,
  };
}

/** Waits out the rest of the attempt's minimum duration. */
export async function padFrom(guard: LoginGuard, started: number): Promise<void> {
  const left = started + guard.minimumMs - guard.now();
  if (left > 0) await guard.sleep(left);
}

/**
 * Logs a reviewer in. Throws DomainError('bad_credentials') for any wrong part and
 * DomainError('rate_limited') while the account or the client must wait. With `passkeys` on
 * (the server has a relying party), a reviewer who has passkeys and leaves the code empty, who
 * has no TOTP, or whose desk requires passkeys goes on to the passkey step; one who logs in
 * with TOTP while the desk requires passkeys and has none must register one first.
 */
export async function logIn(
  deps: CoreDeps,
  guard: LoginGuard,
  input: {
    name: string;
    passphrase: Uint8Array;
    code: string;
    clientKey: string;
    passkeys?: boolean;
  },
): Promise<LoginResult> {
  const started = guard.now();
  const keys = throttleKeys(input.name, input.clientKey);
  try {
    if (
      (await guard.throttle.waitFor(keys.account)) > 0 ||
      (await guard.throttle.waitFor(keys.client)) > 0
    )
      throw new DomainError('rate_limited', 'wait before trying again');
    let totpSecret: string | undefined;
    let damaged = false;
    const unlocked = await guard.gate
      .run(() =>
        unlockReviewer(deps, input.name, input.passphrase, async (reviewer, secretKey) => {
          const stored = await deps.store.getReviewerTotp(reviewer.id);
          if (!stored?.sealedSecret) return;
          try {
            totpSecret = openTotpSecret(deps, reviewer, secretKey, stored.sealedSecret);
          } catch {
            damaged = true;
          }
        }),
      )
      .catch(async (error: unknown) => {
        if (isDomainError(error, 'bad_credentials')) {
          const known = await deps.store.getReviewerByName(input.name.slice(0, MAX_NAME_CHARS));
          await failedLogin(deps, guard, keys, known?.id ?? 'unknown');
        }
        throw error;
      });
    const reviewerId = unlocked.reviewer.id;
    const hasTotp = totpSecret !== undefined || damaged;
    const passkeyCount = input.passkeys ? (await deps.store.listPasskeys(reviewerId)).length : 0;
    const required = input.passkeys === true && (await passkeysRequired(deps));
    if (!hasTotp && passkeyCount === 0) {
      await recordAudit(deps, { actor: reviewerId, action: 'login', detail: 'enrolment pending' });
      return { kind: 'enrol', unlocked };
    }
    if (passkeyCount > 0 && (!hasTotp || required || input.code.trim() === ''))
      return { kind: 'passkey', unlocked };
    const step =
      totpSecret === undefined ? undefined : matchTotp(totpSecret, input.code, deps.clock());
    if (step === undefined || !(await deps.store.advanceTotpStep(reviewerId, step))) {
      unlocked.wipe();
      await failedLogin(deps, guard, keys, reviewerId);
      throw new DomainError('bad_credentials', LOGIN_FAILED);
    }
    await guard.throttle.succeed(keys.account);
    await guard.throttle.succeed(keys.client);
    if (required) {
      await recordAudit(deps, { actor: reviewerId, action: 'login', detail: 'passkey pending' });
      return { kind: 'register-passkey', unlocked };
    }
    await recordAudit(deps, { actor: reviewerId, action: 'login' });
    return { kind: 'unlocked', unlocked };
  } finally {
    await padFrom(guard, started);
  }
}

/** A failed login: both throttles (the account's when known), an audit entry, a log line. */
export async function failedLogin(
  deps: CoreDeps,
  guard: LoginGuard,
  keys: { account: string | undefined; client: string },
  actor: string,
): Promise<void> {
  if (keys.account !== undefined) await guard.throttle.fail(keys.account);
  await guard.throttle.fail(keys.client);
  // never an address: the actor is the reviewer id when the name exists, else "unknown"
  await recordAudit(deps, { actor, action: 'login.failed' });
  deps.logger.warn('login.failed', {});
}
