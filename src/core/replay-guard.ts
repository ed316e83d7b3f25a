import type { Sodium } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { submitSealedTip, type SealedSubmission } from './sealed-intake.js';
import type { CoreDeps } from './deps.js';
import type { Random } from './ports.js';
import type { TipReceipt } from './intake.js';

/**
 * Remembers the envelopes already taken, so that the same bytes posted again are stored once.
 * The browser seals every attempt afresh (a new content key), so identical envelopes only come
 * from a replay. In memory and bounded: the oldest are forgotten first, and a restart forgets
 * all, which the rate limit and the proof of work then cover.
 */
export interface EnvelopeReplayGuard {
  /** Records `envelope`; false if the same bytes were recorded before and not released. */
  claim(envelope: Uint8Array): boolean;
  /** Forgets `envelope` again, for a submission that was refused after its claim. */
  release(envelope: Uint8Array): void;
}

export interface EnvelopeReplayGuardOptions {
  readonly sodium: Sodium;
  readonly random: Random;
  /** How many envelopes to remember; each costs about 100 bytes. */
  readonly maxEntries: number;
}

export const DEFAULT_REPLAY_MEMORY = 50_000;

const DIGEST_BYTES = 16;

/** Keeps a keyed BLAKE2b digest of each envelope (key in memory only), never the envelope. */
export function createEnvelopeReplayGuard(
  options: EnvelopeReplayGuardOptions,
): EnvelopeReplayGuard {
  const key = options.random.bytes(32);
  // a Set iterates in insertion order, so its first entry is the oldest
  const seen = new Set<string>();
  const digest = (envelope: Uint8Array) =>
    options.sodium.to_hex(options.sodium.crypto_generichash(DIGEST_BYTES, envelope, key));
  return {
    claim: (envelope) => {
      const id = digest(envelope);
      if (seen.has(id)) return false;
      seen.add(id);
      while (seen.size > options.maxEntries) {
        const oldest = seen.values().next();
        if (oldest.done) break;
        seen.delete(oldest.value);
      }
      return true;
    },
    release: (envelope) => {
      seen.delete(digest(envelope));
    },
  };
}

/**
 * submitSealedTip, once per envelope: the same envelope again is refused with
 * DomainError('conflict') and nothing is stored. A submission refused for another reason is
 * forgotten, so it can be judged again on its own merits.
 */
export async function submitSealedTipOnce(
  deps: CoreDeps,
  guard: EnvelopeReplayGuard,
  submission: SealedSubmission,
): Promise<TipReceipt> {
  if (!guard.claim(submission.envelope))
    throw new DomainError('conflict', 'envelope already received', 'envelope');
  try {
    return await submitSealedTip(deps, submission);
  } catch (error) {
    guard.release(submission.envelope);
    throw error;
  }
}
