import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import { recordAudit } from './audit.js';
import { DomainError } from './errors.js';
import { knownTransports, parseAttestation } from './passkey-json.js';
import type { CoreDeps } from './deps.js';
import type { DeskSession, PendingChallenge } from './desk-sessions.js';
import type { PasskeyRecord, ReviewerId } from './ports.js';

/*
 * Passkeys (WebAuthn) as a reviewer's second factor, beside or instead of TOTP. A passkey is
 * bound to the relying party id (the desk's public host name), so a look-alike site cannot use
 * it: the phishing TOTP codes allow stops here. Registration challenges live in the session,
 * login challenges beside the pending login (passkey-login.ts); both in memory, single use,
 * short-lived. Only public keys are stored.
 */

/** Who the desk is to WebAuthn: from TIPLINE_PUBLIC_ORIGIN (src/config). */
export interface PasskeyRelyingParty {
  /** The host name passkeys are bound to (no scheme, no port). */
  readonly rpId: string;
  /** The origins a ceremony may come from (scheme://host[:port]). */
  readonly origins: readonly string[];
  readonly rpName: string;
}

/** The relying party of a desk opened at `origin` (an origin config has checked). */
export function relyingPartyFor(origin: string): PasskeyRelyingParty {
  const host = new URL(origin).hostname;
  return { rpId: host, origins: [new URL(origin).origin], rpName: host };
}

/** How long a browser has to answer a challenge. */
export const PASSKEY_CHALLENGE_MS = 120_000;
const CHALLENGE_BYTES = 32;
const MAX_LABEL_CHARS = 64;
const MAX_PASSKEYS = 10;
const REQUIRED_KEY = 'passkeys.required';

/** A fresh random challenge (base64url), valid for PASSKEY_CHALLENGE_MS. */
export function newChallenge(deps: CoreDeps): PendingChallenge {
  const bytes = deps.random.bytes(CHALLENGE_BYTES);
  const challenge = deps.sodium.to_base64(bytes, deps.sodium.base64_variants.URLSAFE_NO_PADDING);
  return { challenge, expiresAt: deps.clock() + PASSKEY_CHALLENGE_MS };
}

/** The challenge's bytes, as @simplewebauthn/server wants them (a string would be re-encoded). */
export function challengeBytes(deps: CoreDeps, challenge: string): Uint8Array<ArrayBuffer> {
  const bytes = deps.sodium.from_base64(challenge, deps.sodium.base64_variants.URLSAFE_NO_PADDING);
  return new Uint8Array(bytes);
}

/** Whether a desk admin has required passkeys of every reviewer. */
export async function passkeysRequired(deps: CoreDeps): Promise<boolean> {
  return (await deps.store.getMeta(REQUIRED_KEY))?.[0] === 1;
}

/** An admin turns "passkeys for everyone" on or off; audited. */
export async function setPasskeysRequired(
  deps: CoreDeps,
  adminId: ReviewerId,
  required: boolean,
): Promise<void> {
  const admin = await deps.store.getReviewer(adminId);
  if (!admin || admin.role !== 'admin' || admin.revokedAt !== null)
    throw new DomainError('forbidden', 'admins only');
  await deps.store.transaction(async () => {
    await deps.store.setMeta(REQUIRED_KEY, new Uint8Array([required ? 1 : 0]));
    await recordAudit(deps, {
      actor: admin.id,
      action: 'desk.passkeys_required',
      detail: required ? 'on' : 'off',
    });
  });
}

/** Whether this reviewer must register a passkey before anything else (the desk requires one). */
export async function needsPasskeyRegistration(
  deps: CoreDeps,
  reviewerId: ReviewerId,
): Promise<boolean> {
  return (await passkeysRequired(deps)) && (await deps.store.listPasskeys(reviewerId)).length === 0;
}

export async function listPasskeys(
  deps: CoreDeps,
  reviewerId: ReviewerId,
): Promise<PasskeyRecord[]> {
  return deps.store.listPasskeys(reviewerId);
}

/**
 * Starts registering a passkey: a challenge kept in the session (replacing any earlier one) and
 * the options the browser passes to navigator.credentials.create().
 */
export async function beginPasskeyRegistration(
  deps: CoreDeps,
  rp: PasskeyRelyingParty,
  session: DeskSession,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const reviewer = session.unlocked.reviewer;
  const existing = await deps.store.listPasskeys(reviewer.id);
  if (existing.length >= MAX_PASSKEYS)
    throw new DomainError('conflict', 'too many passkeys', 'passkey');
  const pending = newChallenge(deps);
  session.pendingPasskey = pending;
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: reviewer.name,
    userID: new TextEncoder().encode(reviewer.id),
    challenge: challengeBytes(deps, pending.challenge),
    timeout: PASSKEY_CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: knownTransports(p.transports),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
}

/**
 * Completes a registration with the browser's answer to the session's challenge (used up,
 * whatever the outcome). Throws DomainError('bad_credentials', …, 'passkey') when the answer
 * does not verify (wrong origin, old challenge, no user verification).
 */
export async function finishPasskeyRegistration(
  deps: CoreDeps,
  rp: PasskeyRelyingParty,
  session: DeskSession,
  input: { response: string; label: string },
): Promise<PasskeyRecord> {
  const pending = session.pendingPasskey;
  session.pendingPasskey = undefined;
  const refused = () => new DomainError('bad_credentials', 'passkey not verified', 'passkey');
  if (!pending || pending.expiresAt <= deps.clock()) throw refused();
  const response = parseAttestation(input.response);
  const label = input.label.trim().slice(0, MAX_LABEL_CHARS);
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: pending.challenge,
    expectedOrigin: [...rp.origins],
    expectedRPID: rp.rpId,
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verified?.verified) throw refused();
  const { credential } = verified.registrationInfo;
  const reviewerId = session.unlocked.reviewer.id;
  if (await deps.store.getPasskey(credential.id))
    throw new DomainError('conflict', 'passkey already registered', 'passkey');
  const record: PasskeyRecord = {
    credentialId: credential.id,
    reviewerId,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: knownTransports(credential.transports ?? []),
    label: label === '' ? 'passkey' : label,
    createdAt: deps.clock(),
    lastUsedAt: null,
  };
  await deps.store.transaction(async () => {
    await deps.store.insertPasskey(record);
    await recordAudit(deps, {
      actor: reviewerId,
      action: 'reviewer.passkey_add',
      subject: reviewerId,
    });
  });
  return record;
}

/**
 * A reviewer removes one of their passkeys. Refused (DomainError('conflict')) when it is their
 * last second factor, or their last passkey while the desk requires passkeys.
 */
export async function removePasskey(
  deps: CoreDeps,
  reviewerId: ReviewerId,
  credentialId: string,
): Promise<void> {
  const passkeys = await deps.store.listPasskeys(reviewerId);
  if (!passkeys.some((p) => p.credentialId === credentialId))
    throw new DomainError('not_found', 'no such passkey', 'passkey');
  const hasTotp = (await deps.store.getReviewerTotp(reviewerId))?.sealedSecret != null;
  if (passkeys.length === 1 && (!hasTotp || (await passkeysRequired(deps))))
    throw new DomainError('conflict', 'the last second factor', 'passkey');
  await deps.store.transaction(async () => {
    await deps.store.deletePasskey(reviewerId, credentialId);
    await recordAudit(deps, {
      actor: reviewerId,
      action: 'reviewer.passkey_remove',
      subject: reviewerId,
    });
  });
}
