import { recordAudit } from './audit.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './deps.js';
import type { TipStatus } from './ports.js';

const DAY_MS = 86_400_000;
export const PURGEABLE_STATUSES: readonly TipStatus[] = ['closed', 'spam'];

/**
 * Retention: deletes closed and spam tips received more than `days` days ago, with their files,
 * inbox and thread (secure_delete overwrites the freed pages), and records one audit entry.
 */
export async function purgeClosedTips(
  deps: CoreDeps,
  input: { days: number; actor: string },
): Promise<number> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 36_500) {
    throw new DomainError('invalid_input', 'days must be a whole number from 1 to 36500', 'days');
  }
  return deps.store.transaction(async () => {
    const purged = await deps.store.deleteTipsBefore(
      deps.clock() - input.days * DAY_MS,
      PURGEABLE_STATUSES,
    );
    await recordAudit(deps, {
      actor: input.actor,
      action: 'tips.purge',
      detail: `${purged} tip(s) closed or spam, older than ${input.days} days`,
    });
    return purged;
  });
}

/**
 * Applies the retention policy now and then once a day. `setTimer` is injected so tests can
 * drive it; the returned function stops the schedule.
 */
export function scheduleDailyPurge(
  deps: CoreDeps,
  days: number,
  setTimer: (run: () => Promise<void>, everyMs: number) => () => void,
): () => void {
  const run = async () => {
    try {
      // one purge a day per database, by whichever instance is the runner
      if (!(await deps.store.isRunner())) return;
      const purged = await purgeClosedTips(deps, { days, actor: 'retention' });
      deps.logger.info('retention.purged', { count: purged });
    } catch {
      deps.logger.error('retention.failed', {});
    }
  };
  void run();
  return setTimer(run, DAY_MS);
}
