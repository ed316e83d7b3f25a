import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  createDeskSessions,
  grantDeskKeys,
  initialiseDesk,
  inviteReviewer,
  listAuditPage,
  listInbox,
  revokeReviewerAsAdmin,
  submitTip,
  unlockReviewer,
  verifyAuditChain,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

/** Admin "ana" (unlocked) and reviewer "bea", invited and granted the desk key. */
async function team() {
  const ctx = await createTestDeps();
  const { deps } = ctx;
  await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const ana = await unlockReviewer(deps, 'ana', PASSPHRASE);
  const { token } = await inviteReviewer(deps, ana.reviewer, 'reviewer');
  const bea = await acceptInvitation(deps, token, { name: 'bea', passphrase: PASSPHRASE });
  return { ...ctx, ana, bea };
}

describe('people and keys', () => {
  it('let an invited reviewer read tips only after an admin grants the desk key', async () => {
    const { deps, ana, bea } = await team();
    await submitTip(deps, submission('for the team'));
    const before = await unlockReviewer(deps, 'bea', PASSPHRASE);
    expect(before.deskKeys.size).toBe(0);
    await grantDeskKeys(deps, ana, bea.id);
    const after = await unlockReviewer(deps, 'bea', PASSPHRASE);
    const rows = (
      await listInbox(
        deps,
        { unlocked: after, summaries: new Map() },
        {},
        {
          offset: 0,
          limit: 10,
        },
      )
    ).rows;
    expect(rows.map((row) => row.headline)).toEqual(['for the team']);
    expect((await deps.store.listAudit(0, 100)).map((e) => e.action)).toContain('reviewer.grant');
  });

  it('refuse to let a reviewer who is not an admin invite, grant or revoke', async () => {
    const { deps, ana, bea } = await team();
    await grantDeskKeys(deps, ana, bea.id);
    const beaKeys = await unlockReviewer(deps, 'bea', PASSPHRASE);
    const sessions = createDeskSessions(deps);
    for (const work of [
      () => inviteReviewer(deps, bea, 'reviewer'),
      () => grantDeskKeys(deps, beaKeys, ana.reviewer.id),
      () => revokeReviewerAsAdmin(deps, sessions, bea, ana.reviewer.id),
    ])
      await expect(work()).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect((await deps.store.getReviewer(ana.reviewer.id))?.revokedAt).toBeNull();
  });

  it('end a revoked reviewer’s sessions at once and wipe their keys', async () => {
    const { deps, ana, bea } = await team();
    await grantDeskKeys(deps, ana, bea.id);
    const sessions = createDeskSessions(deps);
    const beaKeys = await unlockReviewer(deps, 'bea', PASSPHRASE);
    const secret = [...beaKeys.deskKeys.values()][0]?.secretKey;
    const { token } = sessions.open(beaKeys, 'active');
    const anaSession = sessions.open(ana, 'active');
    await revokeReviewerAsAdmin(deps, sessions, ana.reviewer, bea.id);
    expect(sessions.get(token)).toBeUndefined();
    expect(secret?.every((b) => b === 0)).toBe(true);
    expect(sessions.get(anaSession.token)).toBeDefined();
    expect((await deps.store.getReviewer(bea.id))?.revokedAt).not.toBeNull();
    const actions = (await deps.store.listAudit(0, 100)).filter(
      (e) => e.action === 'reviewer.revoke',
    );
    expect(actions.map((e) => [e.actor, e.subject])).toEqual([[ana.reviewer.id, bea.id]]);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('refuse to let an admin revoke themselves', async () => {
    const { deps, ana } = await team();
    await expect(
      revokeReviewerAsAdmin(deps, createDeskSessions(deps), ana.reviewer, ana.reviewer.id),
    ).rejects.toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('the audit page', () => {
  it('pages through the log newest first for an admin', async () => {
    const { deps, ana } = await team();
    for (let i = 0; i < 5; i++) await inviteReviewer(deps, ana.reviewer, 'reviewer');
    const last = (await deps.store.lastAudit())?.sequence ?? 0;
    const first = await listAuditPage(deps, ana.reviewer, { limit: 3 });
    expect(first.entries.map((e) => e.sequence)).toEqual([last, last - 1, last - 2]);
    const seen = [...first.entries];
    for (let before = first.older; before !== undefined;) {
      const page = await listAuditPage(deps, ana.reviewer, { before, limit: 3 });
      seen.push(...page.entries);
      before = page.older;
    }
    expect(seen.map((e) => e.sequence)).toEqual(Array.from({ length: last }, (_, i) => last - i));
  });

  it('is refused to reviewers who are not admins', async () => {
    const { deps, bea } = await team();
    await expect(listAuditPage(deps, bea)).rejects.toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
