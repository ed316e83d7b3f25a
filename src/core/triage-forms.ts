import { applyTriage, cleanLabels, type Priority } from './desk-inbox.js';
import type { CoreDeps } from './deps.js';
import { DomainError } from './errors.js';
import type { UnlockedReviewer } from './key-material.js';
import type { ReviewerId, TipId, TipStatus } from './ports.js';

/*
 * The desk's two triage forms as single changes: each form's parts are applied together, in
 * one transaction, or not at all.
 */

export interface BulkTriage {
  readonly status?: TipStatus;
  /** A reviewer, null for nobody, undefined to leave the assignee alone. */
  readonly assigneeId?: ReviewerId | null;
  readonly label?: string;
}

/** The inbox's bulk form: a status, an assignee and a label for every selected tip. */
export async function applyBulkTriage(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipIds: readonly TipId[],
  change: BulkTriage,
): Promise<void> {
  if (tipIds.length === 0) throw new DomainError('invalid_input', 'no tips selected', 'tips');
  await deps.store.transaction(async () => {
    if (change.status)
      await applyTriage(deps, unlocked, tipIds, { kind: 'status', status: change.status });
    if (change.assigneeId !== undefined)
      await applyTriage(deps, unlocked, tipIds, { kind: 'assign', assigneeId: change.assigneeId });
    if (change.label)
      await applyTriage(deps, unlocked, tipIds, { kind: 'addLabel', label: change.label });
  });
}

export interface TipTriageForm {
  readonly status: TipStatus;
  readonly assigneeId: ReviewerId | null;
  readonly labels: readonly string[];
  readonly priority: Priority;
}

/** The tip page's form: status and assignee where they changed, labels and priority as given. */
export async function saveTipTriage(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipId: TipId,
  form: TipTriageForm,
): Promise<void> {
  const labels = cleanLabels(form.labels);
  const tip = await deps.store.getTip(tipId);
  if (!tip) throw new DomainError('not_found', 'no such tip');
  await deps.store.transaction(async () => {
    if (tip.status !== form.status)
      await applyTriage(deps, unlocked, [tipId], { kind: 'status', status: form.status });
    if (tip.assigneeId !== form.assigneeId)
      await applyTriage(deps, unlocked, [tipId], { kind: 'assign', assigneeId: form.assigneeId });
    await applyTriage(deps, unlocked, [tipId], { kind: 'labels', labels });
    await applyTriage(deps, unlocked, [tipId], { kind: 'priority', priority: form.priority });
  });
}
