import { isDomainError } from '../../../core/index.js';
import type { AdminTranslate } from '../desk-frame.js';

const PROBLEMS = ['malformed', 'checksum', 'mixed_splits', 'repeated', 'too_few'] as const;

/** The desk's line for refused recovery shares (core's field `shares-<problem>`), or undefined. */
export function shareProblemText(error: unknown, t: AdminTranslate): string | undefined {
  if (!isDomainError(error, 'invalid_input') || !error.field?.startsWith('shares-')) return;
  const problem = PROBLEMS.find((p) => error.field === `shares-${p}`);
  if (!problem) return;
  // core names the share's position in its message ("share 3 …"), never its content
  const n = /share (\d+)/.exec(error.message)?.[1] ?? '';
  return t(`recover.share.${problem}`, { n });
}
