import { constantTimeEqual } from '../crypto/index.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';
import type { ReviewerId, TipId } from './ports.js';
import type { InboxScan } from './inbox-scan-types.js';
import { createSessionSearchIndex, type SessionSearchIndex } from './search-maintenance.js';

/*
 * Reviewer sessions live only in this process: the unlocked desk keys are in memory for as long
 * as the session, and a restart logs everyone out. The map is keyed by a hash of the session
 * token, so the token itself is held only by the browser.
 */

/** `passkey`: the desk requires a passkey and this reviewer must register one first. */
export type SessionStage = 'active' | 'enrol' | 'passkey';

/** A WebAuthn challenge waiting for its answer (passkeys.ts). */
export interface PendingChallenge {
  readonly challenge: string;
  readonly expiresAt: number;
}

export interface DeskSession {
  readonly reviewerId: ReviewerId;
  readonly unlocked: UnlockedReviewer;
  /** Sent in every form; compared in constant time on every state-changing request. */
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
  stage: SessionStage;
  /** The TOTP secret being enrolled, until a code confirms it. */
  pendingTotpSecret: string | undefined;
  /** The challenge of a passkey registration in progress (single use, short-lived). */
  pendingPasskey: PendingChallenge | undefined;
  /** The first admin's recovery key, until they confirm they saved it (first run only). */
  pendingRecoveryKey: string | undefined;
  /** Decrypted one-line summaries, for listing and filtering; wiped with the session. */
  readonly summaries: Map<TipId, unknown>;
  /** The decrypted search index (bounded); cleared with the session. */
  readonly searchIndex: SessionSearchIndex;
  /** The session's sealed-filter scan, if one ran; cancelled with the session. */
  scan: InboxScan | undefined;
  /** Aborts the session's background work (index warm-up) when it ends. */
  readonly background: AbortController;
}

export interface SessionOptions {
  readonly idleMs: number;
  readonly absoluteMs: number;
  readonly maxSessions: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  idleMs: 30 * 60_000,
  absoluteMs: 8 * 3_600_000,
  maxSessions: 1_000,
};

export interface DeskSessions {
  /** A new session with a new token (never reuses one: no fixation). */
  open(unlocked: UnlockedReviewer, stage: SessionStage): { token: string; session: DeskSession };
  /** The live session for a token, or undefined; an expired one is ended (and its keys wiped). */
  get(token: string): DeskSession | undefined;
  end(token: string): void;
  /** Moves a live session to a new token and stage (after the second factor): the old token dies. */
  rotate(token: string, stage: SessionStage): string | undefined;
  /** Ends every session of a reviewer (revocation, passphrase change). Returns how many. */
  endForReviewer(reviewerId: ReviewerId): number;
  checkCsrf(session: DeskSession, given: string | undefined): boolean;
  sweep(): void;
  count(): number;
}

const TOKEN_BYTES = 32;

export function createDeskSessions(
  deps: Pick<CoreDeps, 'sodium' | 'random' | 'clock'>,
  options: SessionOptions = DEFAULT_SESSION_OPTIONS,
): DeskSessions {
  const { sodium } = deps;
  const sessions = new Map<string, DeskSession>();
  const keyOf = (token: string) =>
    sodium.to_hex(sodium.crypto_generichash(32, sodium.from_string(token), null));
  const randomToken = () =>
    sodium.to_base64(deps.random.bytes(TOKEN_BYTES), sodium.base64_variants.URLSAFE_NO_PADDING);

  const destroy = (key: string) => {
    const session = sessions.get(key);
    if (!session) return;
    sessions.delete(key);
    // stop background work first: a scan's tasks wipe their own key copies when they settle
    session.background.abort();
    session.scan?.cancel();
    session.scan = undefined;
    session.unlocked.wipe();
    session.summaries.clear();
    session.searchIndex.clear();
    session.pendingTotpSecret = undefined;
    session.pendingRecoveryKey = undefined;
    session.pendingPasskey = undefined;
  };
  const expired = (session: DeskSession, now: number) =>
    now - session.lastSeenAt >= options.idleMs || now - session.createdAt >= options.absoluteMs;

  function sweep(): void {
    const now = deps.clock();
    for (const [key, session] of sessions) if (expired(session, now)) destroy(key);
  }

  return {
    open(unlocked, stage) {
      sweep();
      if (sessions.size >= options.maxSessions) {
        const oldest = sessions.keys().next();
        if (!oldest.done) destroy(oldest.value);
      }
      const token = randomToken();
      const now = deps.clock();
      const session: DeskSession = {
        reviewerId: unlocked.reviewer.id,
        unlocked,
        csrfToken: randomToken(),
        createdAt: now,
        lastSeenAt: now,
        stage,
        pendingTotpSecret: undefined,
        pendingPasskey: undefined,
        pendingRecoveryKey: undefined,
        summaries: new Map(),
        searchIndex: createSessionSearchIndex(),
        scan: undefined,
        background: new AbortController(),
      };
      sessions.set(keyOf(token), session);
      return { token, session };
    },
    get(token) {
      if (token.length === 0 || token.length > 100) return undefined;
      const key = keyOf(token);
      const session = sessions.get(key);
      if (!session) return undefined;
      const now = deps.clock();
      if (expired(session, now)) {
        destroy(key);
        return undefined;
      }
      session.lastSeenAt = now;
      return session;
    },
    end(token) {
      destroy(keyOf(token));
    },
    rotate(token, stage) {
      const key = keyOf(token);
      const session = sessions.get(key);
      if (!session) return undefined;
      sessions.delete(key);
      session.stage = stage;
      const next = randomToken();
      sessions.set(keyOf(next), session);
      return next;
    },
    endForReviewer(reviewerId) {
      let ended = 0;
      for (const [key, session] of sessions) {
        if (session.reviewerId === reviewerId) {
          destroy(key);
          ended++;
        }
      }
      return ended;
    },
    checkCsrf(session, given) {
      if (given === undefined || given.length !== session.csrfToken.length) return false;
      return constantTimeEqual(
        sodium,
        sodium.from_string(given),
        sodium.from_string(session.csrfToken),
      );
    },
    sweep,
    count: () => sessions.size,
  };
}
