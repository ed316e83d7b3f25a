import { constantTimeEqual } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { newRandomId } from './ids.js';
import { recordAudit } from './audit.js';
import { assertNewPassphrase, assertReviewerName } from './key-material.js';
import { createUngrantedReviewer } from './reviewers-and-grants.js';
import { initialiseDesk, type InitialisedDesk } from './desks.js';
import type { CoreDeps } from './deps.js';
import type { InvitationId, InvitationRecord, ReviewerRecord, ReviewerRole } from './ports.js';

/*
 * Invitations and the first-run setup link: one-time random tokens. An invitation token is
 * stored only as a hash and expires; the first-run token is never stored at all and dies with
 * the process.
 */

const TOKEN_BYTES = 32;
export const INVITATION_TTL_MS = 72 * 3_600_000;

function token(deps: CoreDeps): string {
  return deps.sodium.to_base64(
    deps.random.bytes(TOKEN_BYTES),
    deps.sodium.base64_variants.URLSAFE_NO_PADDING,
  );
}

function tokenHash(deps: CoreDeps, value: string): Uint8Array {
  return deps.sodium.crypto_generichash(32, deps.sodium.from_string(value), null);
}

/** An admin invites a reviewer. Returns the token for the one-time link, shown once. */
export async function inviteReviewer(
  deps: CoreDeps,
  admin: ReviewerRecord,
  role: ReviewerRole,
): Promise<{ token: string; invitation: InvitationRecord }> {
  if (admin.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  const value = token(deps);
  const now = deps.clock();
  const invitation: InvitationRecord = {
    id: newRandomId<InvitationId>(deps.random),
    tokenHash: tokenHash(deps, value),
    role,
    createdBy: admin.id,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    usedAt: null,
    reviewerId: null,
  };
  await deps.store.transaction(async () => {
    await deps.store.insertInvitation(invitation);
    await recordAudit(deps, {
      actor: admin.id,
      action: 'reviewer.invite',
      subject: invitation.id,
      detail: role,
    });
  });
  return { token: value, invitation };
}

/** The open invitation a token belongs to; used, expired or unknown tokens are not_found. */
export async function findInvitation(deps: CoreDeps, value: string): Promise<InvitationRecord> {
  if (value.length === 0 || value.length > 100)
    throw new DomainError('not_found', 'no such invitation');
  const invitation = await deps.store.getInvitationByTokenHash(tokenHash(deps, value));
  if (!invitation || invitation.usedAt !== null || invitation.expiresAt <= deps.clock())
    throw new DomainError('not_found', 'no such invitation');
  return invitation;
}

/**
 * The invitee picks a name and passphrase: a reviewer without grants is created and the
 * invitation used up. An admin grants the desk key afterwards (grantDeskKeys).
 */
export async function acceptInvitation(
  deps: CoreDeps,
  value: string,
  input: { name: string; passphrase: Uint8Array },
): Promise<ReviewerRecord> {
  const invitation = await findInvitation(deps, value);
  const reviewer = await createUngrantedReviewer(deps, { ...input, role: invitation.role });
  await deps.store.transaction(async () => {
    if (!(await deps.store.markInvitationUsed(invitation.id, reviewer.id, deps.clock())))
      throw new DomainError('conflict', 'invitation already used');
    await recordAudit(deps, {
      actor: reviewer.id,
      action: 'reviewer.join',
      subject: invitation.id,
    });
  });
  return reviewer;
}

/** Reviewers who accepted an invitation and hold no desk key yet. */
export async function reviewersAwaitingGrant(deps: CoreDeps): Promise<ReviewerRecord[]> {
  const awaiting: ReviewerRecord[] = [];
  for (const reviewer of await deps.store.listReviewers()) {
    if (reviewer.revokedAt !== null) continue;
    if ((await deps.store.listGrantsForReviewer(reviewer.id)).length === 0) awaiting.push(reviewer);
  }
  return awaiting;
}

/** The one-time first-run setup link's token: valid until used or until the process stops. */
export interface FirstRunToken {
  readonly value: string;
  /** True once, for the right token while no reviewer exists. */
  matches(given: string): boolean;
  consume(): void;
  readonly used: boolean;
}

export function createFirstRunToken(deps: CoreDeps): FirstRunToken {
  const value = token(deps);
  let used = false;
  return {
    value,
    matches(given) {
      if (used || given.length !== value.length) return false;
      return constantTimeEqual(
        deps.sodium,
        deps.sodium.from_string(given),
        deps.sodium.from_string(value),
      );
    },
    consume() {
      used = true;
    },
    get used() {
      return used;
    },
  };
}

export async function needsFirstRun(deps: CoreDeps): Promise<boolean> {
  return (await deps.store.listReviewers()).length === 0;
}

/** The setup wizard's work: desk, first admin and recovery key, exactly like `tipline init`. */
export async function completeFirstRun(
  deps: CoreDeps,
  firstRun: FirstRunToken,
  given: string,
  input: { name: string; passphrase: Uint8Array },
): Promise<InitialisedDesk> {
  if (!firstRun.matches(given) || !(await needsFirstRun(deps)))
    throw new DomainError('forbidden', 'setup link is not valid');
  // a bad name or passphrase must leave the link usable for another try: check before using it
  assertReviewerName(input.name);
  assertNewPassphrase(input.passphrase);
  firstRun.consume();
  return initialiseDesk(deps, { reviewerName: input.name, passphrase: input.passphrase });
}
