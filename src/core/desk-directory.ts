import type { CoreDeps } from './deps.js';
import type {
  AuditRecord,
  DeskId,
  DeskRecord,
  ReviewerId,
  ReviewerRecord,
  TipId,
} from './ports.js';

/*
 * The plain reads the adapters need (who is on the desk, which desks exist, whether a tip can
 * be answered), named for what they answer so that no adapter reaches into the store.
 */

export async function findReviewer(
  deps: CoreDeps,
  id: ReviewerId,
): Promise<ReviewerRecord | undefined> {
  return deps.store.getReviewer(id);
}

/** True for a reviewer whose current role is admin (a role change applies at once). */
export async function hasAdminRole(deps: CoreDeps, id: ReviewerId): Promise<boolean> {
  return (await deps.store.getReviewer(id))?.role === 'admin';
}

/** Every reviewer, revoked ones included (the people page shows both). */
export async function listReviewers(deps: CoreDeps): Promise<ReviewerRecord[]> {
  return deps.store.listReviewers();
}

/** Reviewers who can still be assigned a tip. */
export async function listActiveReviewers(deps: CoreDeps): Promise<ReviewerRecord[]> {
  return (await deps.store.listReviewers()).filter((r) => r.revokedAt === null);
}

/** Reviewer ids to names, for showing who did what. */
export async function reviewerNames(deps: CoreDeps): Promise<Map<string, string>> {
  return new Map((await deps.store.listReviewers()).map((r) => [r.id as string, r.name]));
}

export async function listDesks(deps: CoreDeps): Promise<DeskRecord[]> {
  return deps.store.listDesks();
}

export async function findDesk(deps: CoreDeps, id: DeskId): Promise<DeskRecord | undefined> {
  return deps.store.getDesk(id);
}

export async function findDeskByName(
  deps: CoreDeps,
  name: string,
): Promise<DeskRecord | undefined> {
  return deps.store.getDeskByName(name);
}

/** Whether the tipster can read replies: a web tip with a codename inbox. */
export async function tipHasInbox(deps: CoreDeps, tipId: TipId): Promise<boolean> {
  return (await deps.store.getInboxForTip(tipId)) !== undefined;
}

/** Audit entries after `afterSequence`, oldest first, at most `limit` (for `tipline audit list`). */
export async function readAuditEntries(
  deps: CoreDeps,
  afterSequence: number,
  limit: number,
): Promise<AuditRecord[]> {
  return deps.store.listAudit(afterSequence, limit);
}

/** Closes the store; the deps are unusable afterwards. */
export async function closeStore(deps: CoreDeps): Promise<void> {
  await deps.scanner.close();
  await deps.store.close();
}
