import { DomainError } from './errors.js';
import { revokeReviewer } from './key-rotation.js';
import type { CoreDeps } from './deps.js';
import type { DeskSessions } from './desk-sessions.js';
import type { ReviewerId, ReviewerRecord } from './ports.js';

/**
 * An admin revokes another reviewer from the desk: the role check, the revocation itself
 * (grants deleted; desk keys rotated unless `rotate` is false) and the end of every live
 * session of that reviewer, whose unlocked keys are wiped. Throws DomainError 'forbidden' for a
 * non-admin, 'not_found' for an unknown or already revoked id, 'conflict' for oneself or the
 * last admin. (`revokeReviewer` in keys.ts is the operator's CLI path, without a role check.)
 */
export async function revokeReviewerAsAdmin(
  deps: CoreDeps,
  sessions: Pick<DeskSessions, 'endForReviewer'>,
  admin: ReviewerRecord,
  reviewerId: ReviewerId,
  options: { readonly rotate?: boolean } = {},
): Promise<ReviewerRecord> {
  if (admin.role !== 'admin' || admin.revokedAt !== null)
    throw new DomainError('forbidden', 'admins only');
  const target = await deps.store.getReviewer(reviewerId);
  if (!target || target.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that id', 'reviewer');
  if (target.id === admin.id)
    throw new DomainError('conflict', 'cannot revoke yourself', 'reviewer');
  const revoked = await revokeReviewer(deps, target.name, {
    rotate: options.rotate ?? true,
    actor: admin.id,
  });
  sessions.endForReviewer(revoked.id);
  return revoked;
}
