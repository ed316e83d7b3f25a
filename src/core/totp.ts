import { Secret, TOTP } from 'otpauth';
import { wipe } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { recordAudit } from './audit.js';
import type { CoreDeps } from './deps.js';
import type { ReviewerId, ReviewerRecord } from './ports.js';

/*
 * The second factor: RFC 6238 TOTP (SHA-1, 6 digits, 30 s, as every authenticator app expects)
 * through otpauth. The secret is sealed to the reviewer's own public key, so the database alone
 * gives no TOTP secrets: it opens only after the passphrase has unwrapped the personal key.
 */

export const TOTP_ISSUER = 'tipline';
const PERIOD_SECONDS = 30;
const SECRET_BYTES = 20;
const CODE = /^\d{6}$/;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh random TOTP secret in base32, for enrolment. */
export function createTotpSecret(deps: CoreDeps): string {
  const bytes = deps.random.bytes(SECRET_BYTES);
  const secret = new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
  wipe(deps.sodium, bytes);
  return secret;
}

/** The otpauth:// URI an authenticator app scans (rendered as a QR code by the adapter). */
export function totpUri(secretBase32: string, reviewerName: string): string {
  return totpFor(secretBase32, reviewerName).toString();
}

/** The code for `at` (tests and enrolment checks). */
export function totpCodeAt(secretBase32: string, at: number): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: at });
}

/**
 * The time step a code belongs to, accepting one step of clock drift either way, or undefined.
 * The caller refuses a step not newer than the last one used (replay).
 */
export function matchTotp(secretBase32: string, code: string, at: number): number | undefined {
  const clean = code.replace(/\s+/g, '');
  if (!CODE.test(clean)) return undefined;
  const delta = totpFor(secretBase32, 'x').validate({ token: clean, timestamp: at, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}

export function sealTotpSecret(
  deps: CoreDeps,
  reviewer: ReviewerRecord,
  secretBase32: string,
): Uint8Array {
  const bytes = new TextEncoder().encode(secretBase32);
  try {
    return deps.sodium.crypto_box_seal(bytes, reviewer.publicKey);
  } finally {
    wipe(deps.sodium, bytes);
  }
}

export function openTotpSecret(
  deps: CoreDeps,
  reviewer: ReviewerRecord,
  personalSecretKey: Uint8Array,
  sealed: Uint8Array,
): string {
  try {
    const bytes = deps.sodium.crypto_box_seal_open(sealed, reviewer.publicKey, personalSecretKey);
    const secret = new TextDecoder().decode(bytes);
    wipe(deps.sodium, bytes);
    return secret;
  } catch {
    throw new DomainError('damaged', 'the TOTP record is damaged');
  }
}

/**
 * Completes enrolment: the code must match the new secret (proving the app has it), then the
 * sealed secret is stored and that step is marked used.
 */
export async function enrolTotp(
  deps: CoreDeps,
  reviewer: ReviewerRecord,
  secretBase32: string,
  code: string,
): Promise<void> {
  const step = matchTotp(secretBase32, code, deps.clock());
  if (step === undefined)
    throw new DomainError('bad_credentials', 'that code does not match', 'code');
  await deps.store.transaction(async () => {
    await deps.store.setReviewerTotp(reviewer.id, sealTotpSecret(deps, reviewer, secretBase32));
    await deps.store.advanceTotpStep(reviewer.id, step);
    await recordAudit(deps, {
      actor: reviewer.id,
      action: 'reviewer.totp_enrol',
      subject: reviewer.id,
    });
  });
}

/**
 * An admin replaces a reviewer's TOTP secret (lost phone). The new secret is sealed to the
 * reviewer's public key and returned once for the admin to hand over in person; the old one
 * stops working at once.
 */
export async function resetTotp(
  deps: CoreDeps,
  admin: ReviewerRecord,
  reviewerId: ReviewerId,
): Promise<string> {
  if (admin.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  const reviewer = await deps.store.getReviewer(reviewerId);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that id');
  const secret = createTotpSecret(deps);
  await deps.store.transaction(async () => {
    await deps.store.setReviewerTotp(reviewer.id, sealTotpSecret(deps, reviewer, secret));
    await recordAudit(deps, {
      actor: admin.id,
      action: 'reviewer.totp_reset',
      subject: reviewer.id,
    });
  });
  return secret;
}
