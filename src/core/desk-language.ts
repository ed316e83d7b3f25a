import { recordAudit } from './audit.js';
import type { CoreDeps } from './deps.js';
import { DomainError } from './errors.js';
import type { ReviewerId } from './ports.js';

/*
 * The language the desk speaks to each reviewer. Core knows no catalogs: the adapter says which
 * tags it can render, and core keeps the choice (plaintext staff metadata, like the name).
 */

/** The reviewer's chosen desk language, or null when they have not chosen (the default). */
export async function deskLanguageOf(
  deps: CoreDeps,
  reviewerId: ReviewerId,
): Promise<string | null> {
  return deps.store.getReviewerLocale(reviewerId);
}

/**
 * Stores `locale` (null: back to the default) as the reviewer's desk language and audits it.
 * Refuses a tag outside `offered` and a reviewer who is unknown or revoked.
 */
export async function chooseDeskLanguage(
  deps: CoreDeps,
  reviewerId: ReviewerId,
  locale: string | null,
  offered: readonly string[],
): Promise<void> {
  if (locale !== null && !offered.includes(locale))
    throw new DomainError('invalid_input', 'desk language not offered', 'locale');
  const reviewer = await deps.store.getReviewer(reviewerId);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no such reviewer', 'reviewer');
  await deps.store.setReviewerLocale(reviewerId, locale);
  await recordAudit(deps, {
    actor: reviewerId,
    action: 'reviewer.locale',
    subject: reviewerId,
    detail: locale ?? 'default',
  });
}
