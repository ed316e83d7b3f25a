import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  addReviewer,
  initialiseDesk,
  purgeClosedTips,
  replyToTipster,
  revokeReviewer,
  submitTip,
  unlockReviewer,
  verifyAuditChain,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function withHistory() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const admin = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  await addReviewer(ctx.deps, admin, {
    name: 'bo',
    passphrase: utf8('bo passphrase 1234'),
    role: 'reviewer',
  });
  await revokeReviewer(ctx.deps, 'bo');
  const raw = () => new Database(join(ctx.dataDir, 'tipline.db'));
  return { ...ctx, admin, raw };
}

describe('the audit log', () => {
  it('records key management as a chain that verifies', async () => {
    const { deps } = await withHistory();
    const actions = (await deps.store.listAudit(0, 100)).map((e) => e.action);
    expect(actions).toEqual(['desk.init', 'reviewer.add', 'reviewer.revoke', 'desk.rotate']);
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: true, entries: 4 });
  });

  it('detects an edited entry', async () => {
    const { deps, raw } = await withHistory();
    const db = raw();
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 2").run();
    db.close();
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash' });
  });

  it('detects a removed entry', async () => {
    const { deps, raw } = await withHistory();
    const db = raw();
    db.prepare('DELETE FROM audit_log WHERE sequence = 2').run();
    db.close();
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, brokenAt: 2, reason: 'gap' });
  });

  it('detects reordered entries, even with their sequence numbers swapped back into order', async () => {
    const { deps, raw } = await withHistory();
    const db = raw();
    db.prepare('UPDATE audit_log SET sequence = 100 WHERE sequence = 2').run();
    db.prepare('UPDATE audit_log SET sequence = 2 WHERE sequence = 3').run();
    db.prepare('UPDATE audit_log SET sequence = 3 WHERE sequence = 100').run();
    db.close();
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, brokenAt: 2, reason: 'link' });
  });

  it('never holds tip content, replies or passphrases', async () => {
    const { deps, admin } = await withHistory();
    const receipt = await submitTip(deps, submission('AUDIT-MARKER tip text'));
    await replyToTipster(deps, admin, receipt.tipId, 'AUDIT-MARKER reply');
    const all = JSON.stringify(await deps.store.listAudit(0, 100));
    expect(all).not.toContain('AUDIT-MARKER');
    expect(all).not.toContain('passphrase');
  });
});

describe('retention', () => {
  it('purges closed and spam tips past the limit with their threads, keeps the rest, and audits it', async () => {
    const { deps, admin, setNow } = await withHistory();
    const start = Date.UTC(2026, 0, 1);
    setNow(start);
    const oldClosed = await submitTip(deps, submission('old closed'));
    const oldSpam = await submitTip(deps, submission('old spam'));
    const oldOpen = await submitTip(deps, submission('old but still open'));
    await replyToTipster(deps, admin, oldClosed.tipId, 'a reply that goes too');
    await deps.store.setTipStatus(oldClosed.tipId, 'closed');
    await deps.store.setTipStatus(oldSpam.tipId, 'spam');
    setNow(start + 40 * 86_400_000);
    const recentClosed = await submitTip(deps, submission('recent closed'));
    await deps.store.setTipStatus(recentClosed.tipId, 'closed');

    expect(await purgeClosedTips(deps, { days: 30, actor: 'cli' })).toBe(2);
    expect(await deps.store.getTip(oldClosed.tipId)).toBeUndefined();
    expect(await deps.store.getTip(oldSpam.tipId)).toBeUndefined();
    expect(await deps.store.listMessages(oldClosed.tipId)).toEqual([]);
    expect(await deps.store.getInboxForTip(oldClosed.tipId)).toBeUndefined();
    expect(await deps.store.getTip(oldOpen.tipId)).toBeDefined();
    expect(await deps.store.getTip(recentClosed.tipId)).toBeDefined();
    expect(await deps.store.lastAudit()).toMatchObject({ action: 'tips.purge', actor: 'cli' });
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('refuses a retention period that is not a whole number of days', async () => {
    const { deps } = await withHistory();
    await expect(purgeClosedTips(deps, { days: 0, actor: 'cli' })).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
