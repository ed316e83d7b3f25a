import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { recordAudit } from './audit.js';
import { isDomainError, DomainError } from './errors.js';
import { failedLogin, LOGIN_FAILED, padFrom, throttleKeys, type LoginGuard } from './desk-login.js';
import { knownTransports, parseAssertion } from './passkey-json.js';
import { challengeBytes, newChallenge, type PasskeyRelyingParty } from './passkeys.js';
import type { PendingChallenge } from './desk-sessions.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';

/*
 * The passkey step of a login. The passphrase step (logIn) has unlocked the reviewer's keys; they
 * wait here, in memory, beside a fresh challenge, under a random token the login page carries.
 * The token works once and for PASSKEY_CHALLENGE_MS: taking it ends the pending login whatever
 * the outcome, so an assertion for an old or used challenge finds nothing to answer. A refusal
 * is a failed login: the same error, the same padded time, the same audit entry and throttle.
 */

interface PendingLogin extends PendingChallenge {
  readonly unlocked: UnlockedReviewer;
}

export interface PendingLogins {
  /** Holds `unlocked` under a new token with a new challenge. */
  open(unlocked: UnlockedReviewer): { token: string; challenge: string };
  /** Removes and returns the pending login (undefined if unknown or expired: keys wiped). */
  take(token: string): PendingLogin | undefined;
  count(): number;
}

const TOKEN_BYTES = 32;

export function createPendingLogins(deps: CoreDeps, maxPending = 1_000): PendingLogins {
  const { sodium } = deps;
  const pending = new Map<string, PendingLogin>();
  const keyOf = (token: string) =>
    sodium.to_hex(sodium.crypto_generichash(32, sodium.from_string(token), null));
  const drop = (key: string) => {
    pending.get(key)?.unlocked.wipe();
    pending.delete(key);
  };
  const sweep = () => {
    const now = deps.clock();
    for (const [key, entry] of pending) if (entry.expiresAt <= now) drop(key);
  };
  return {
    open(unlocked) {
      sweep();
      if (pending.size >= maxPending) {
        const oldest = pending.keys().next();
        if (!oldest.done) drop(oldest.value);
      }
      const token = sodium.to_base64(
        deps.random.bytes(TOKEN_BYTES),
        sodium.base64_variants.URLSAFE_NO_PADDING,
      );
      const challenge = newChallenge(deps);
      pending.set(keyOf(token), { ...challenge, unlocked });
      return { token, challenge: challenge.challenge };
    },
    take(token) {
      sweep();
      if (token.length === 0 || token.length > 100) return undefined;
      const key = keyOf(token);
      const entry = pending.get(key);
      pending.delete(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= deps.clock()) {
        entry.unlocked.wipe();
        return undefined;
      }
      return entry;
    },
    count: () => pending.size,
  };
}

/**
 * After the passphrase step: parks the unlocked reviewer and returns the token and the options
 * the browser passes to navigator.credentials.get() (only this reviewer's passkeys allowed).
 */
export async function beginPasskeyLogin(
  deps: CoreDeps,
  rp: PasskeyRelyingParty,
  pending: PendingLogins,
  unlocked: UnlockedReviewer,
): Promise<{ token: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const passkeys = await deps.store.listPasskeys(unlocked.reviewer.id);
  const { token, challenge } = pending.open(unlocked);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    challenge: challengeBytes(deps, challenge),
    timeout: 120_000,
    userVerification: 'required',
    allowCredentials: passkeys.map((p) => ({
      id: p.credentialId,
      transports: knownTransports(p.transports),
    })),
  });
  return { token, options };
}

/**
 * Completes a login with the browser's assertion. Throws DomainError('bad_credentials') for an
 * unknown or used token, an expired challenge, a foreign origin or relying party, another
 * reviewer's or an unknown passkey, a bad signature or a counter that did not rise; and
 * DomainError('rate_limited') while the account or the client must wait.
 */
export async function finishPasskeyLogin(
  deps: CoreDeps,
  guard: LoginGuard,
  rp: PasskeyRelyingParty,
  pending: PendingLogins,
  input: { token: string; response: string; clientKey: string },
): Promise<UnlockedReviewer> {
  const started = guard.now();
  const entry = pending.take(input.token);
  const keys = throttleKeys(entry?.unlocked.reviewer.name ?? '', input.clientKey);
  try {
    if (
      (await guard.throttle.waitFor(keys.client)) > 0 ||
      (entry !== undefined && (await guard.throttle.waitFor(keys.account)) > 0)
    )
      throw new DomainError('rate_limited', 'wait before trying again');
    if (!entry) {
      await failedLogin(deps, guard, { ...keys, account: undefined }, 'unknown');
      throw new DomainError('bad_credentials', LOGIN_FAILED);
    }
    const reviewer = entry.unlocked.reviewer;
    const newCounter = await checkAssertion(deps, rp, entry, input.response);
    if (
      newCounter === undefined ||
      !(await deps.store.advancePasskeyCounter(newCounter.id, newCounter.counter, deps.clock()))
    ) {
      entry.unlocked.wipe();
      await failedLogin(deps, guard, keys, reviewer.id);
      throw new DomainError('bad_credentials', LOGIN_FAILED);
    }
    await guard.throttle.succeed(keys.account);
    await guard.throttle.succeed(keys.client);
    await recordAudit(deps, { actor: reviewer.id, action: 'login', detail: 'passkey' });
    return entry.unlocked;
  } catch (error) {
    if (isDomainError(error, 'rate_limited')) entry?.unlocked.wipe();
    throw error;
  } finally {
    await padFrom(guard, started);
  }
}

/** The credential and its new counter when the assertion verifies, else undefined. */
async function checkAssertion(
  deps: CoreDeps,
  rp: PasskeyRelyingParty,
  entry: PendingLogin,
  text: string,
): Promise<{ id: string; counter: number } | undefined> {
  try {
    const response = parseAssertion(text);
    const stored = await deps.store.getPasskey(response.id);
    if (!stored || stored.reviewerId !== entry.unlocked.reviewer.id) return undefined;
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: entry.challenge,
      expectedOrigin: [...rp.origins],
      expectedRPID: rp.rpId,
      requireUserVerification: true,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(stored.publicKey),
        counter: stored.counter,
        transports: knownTransports(stored.transports),
      },
    });
    if (!result.verified) return undefined;
    return { id: stored.credentialId, counter: result.authenticationInfo.newCounter };
  } catch (error) {
    if (isDomainError(error, 'unavailable')) throw error;
    return undefined;
  }
}
