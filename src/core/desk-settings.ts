import { recordAudit } from './audit.js';
import { DEFAULT_CHECK_BACK, isCheckBack, type CheckBack } from './check-back.js';
import { DomainError } from './errors.js';
import { defaultDesk } from './desks.js';
import type { CoreDeps } from './deps.js';
import type { DeskId, ReviewerId } from './ports.js';

/** Each desk with when its receipts tell tipsters to check back. */
export async function listDeskCheckBacks(
  deps: CoreDeps,
): Promise<{ id: DeskId; name: string; checkBack: CheckBack }[]> {
  return (await deps.store.listDesks()).map((desk) => ({
    id: desk.id,
    name: desk.name,
    checkBack: desk.checkBack ?? DEFAULT_CHECK_BACK,
  }));
}

/** An admin picks a desk's check-back time from the fixed set; anything else changes nothing. */
export async function setDeskCheckBack(
  deps: CoreDeps,
  adminId: ReviewerId,
  deskId: string,
  choice: string,
): Promise<void> {
  const admin = await deps.store.getReviewer(adminId);
  if (!admin || admin.role !== 'admin' || admin.revokedAt !== null)
    throw new DomainError('forbidden', 'admins only');
  if (!isCheckBack(choice)) throw new DomainError('invalid_input', 'unknown choice', 'checkBack');
  const desk = await deps.store.getDesk(deskId as DeskId);
  if (!desk) throw new DomainError('not_found', 'no such desk', 'desk');
  await deps.store.transaction(async () => {
    await deps.store.setDeskCheckBack(desk.id, choice);
    await recordAudit(deps, {
      actor: admin.id,
      action: 'desk.check_back',
      subject: desk.id,
      detail: choice,
    });
  });
}

/** The check-back choice of the desk a form or bot deep link names (default desk otherwise). */
export async function checkBackForDesk(
  deps: CoreDeps,
  deskName: string | undefined,
): Promise<CheckBack> {
  const desk =
    deskName === undefined ? await defaultDesk(deps) : await deps.store.getDeskByName(deskName);
  return desk?.checkBack ?? DEFAULT_CHECK_BACK;
}
