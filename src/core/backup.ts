import { recordAudit } from './audit.js';
import type { CoreDeps } from './deps.js';

/** A verified online copy of the whole store at `path` (0600), recorded in the audit log. */
export async function backupStore(deps: CoreDeps, path: string, actor: string): Promise<void> {
  await deps.store.backupTo(path);
  await recordAudit(deps, { actor, action: 'store.backup' });
}
