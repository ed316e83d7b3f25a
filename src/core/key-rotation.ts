import { createDeskKeyPair, sealDeskGrant, wipe } from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './deps.js';
import type { DeskKeyId, ReviewerRecord } from './ports.js';
import { deskKeyRecord } from './key-material.js';

/* Desk-key rotation, and revocation, which rotates so that a revoked reviewer reads nothing new. */

export async function rotateDeskKeys(deps: CoreDeps): Promise<DeskKeyId[]> {
  const { sodium, store } = deps;
  const rotated: DeskKeyId[] = [];
  await store.transaction(async () => {
    const members = (await store.listReviewers()).filter((r) => r.revokedAt === null);
    for (const desk of await store.listDesks()) {
      const active = await store.getActiveDeskKey(desk.id);
      const fresh = createDeskKeyPair(sodium);
      try {
        const record = deskKeyRecord(deps, desk.id, fresh, desk.recoveryPublicKey);
        const deskKeyIds = new Set((await store.listDeskKeys(desk.id)).map((k) => k.id));
        await store.insertDeskKey(record);
        if (active) await store.retireDeskKey(active.id, deps.clock());
        for (const member of members) {
          const isMember = (await store.listGrantsForReviewer(member.id)).some((g) =>
            deskKeyIds.has(g.deskKeyId),
          );
          if (isMember) {
            await store.putGrant({
              deskKeyId: record.id,
              reviewerId: member.id,
              sealedDeskKey: sealDeskGrant(sodium, fresh, member.publicKey),
              createdAt: deps.clock(),
            });
          }
        }
        rotated.push(record.id);
      } finally {
        wipe(sodium, fresh.secretKey);
      }
    }
  });
  return rotated;
}

/** Revokes a reviewer: grants deleted, and by default every desk key rotated. */
export async function revokeReviewer(
  deps: CoreDeps,
  name: string,
  options: { rotate?: boolean; actor?: string } = {},
): Promise<ReviewerRecord> {
  const reviewer = await deps.store.getReviewerByName(name);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that name', 'name');
  const activeAdmins = (await deps.store.listReviewers()).filter(
    (r) => r.revokedAt === null && r.role === 'admin',
  );
  if (reviewer.role === 'admin' && activeAdmins.length === 1) {
    throw new DomainError('conflict', 'cannot revoke the last admin', 'name');
  }
  await deps.store.transaction(async () => {
    await deps.store.markReviewerRevoked(reviewer.id, deps.clock());
    await deps.store.deleteGrantsForReviewer(reviewer.id);
    // a departed reviewer's sealed address and chat id go with them
    await deps.store.deleteAlertSettings(reviewer.id);
    await recordAudit(deps, {
      actor: options.actor ?? 'cli',
      action: 'reviewer.revoke',
      subject: reviewer.id,
    });
    if (options.rotate ?? true) {
      const rotated = await rotateDeskKeys(deps);
      await recordAudit(deps, {
        actor: options.actor ?? 'cli',
        action: 'desk.rotate',
        detail: rotated.join(','),
      });
    }
  });
  return reviewer;
}

/**
 * The recovery path: with the recovery key, give `name` a new passphrase (new personal keypair)
 * and grants for every desk key. Creates the reviewer as admin if absent.
 */
