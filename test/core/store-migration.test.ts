import { describe, expect, it } from 'vitest';
import {
  addFollowUp,
  copyStoreInto,
  exportTips,
  initialiseDesk,
  openAttachment,
  openInbox,
  submitTip,
  unlockReviewer,
  verifyAuditChain,
  type Store,
  type StoreRow,
} from '../../src/core/index.js';
import { collect, createTestDeps, PASSPHRASE, submission } from '../helpers.js';
import { openPgliteStore } from '../pg-stores.js';

/** A SQLite instance with a desk, a reviewer, tips with a file, a codename inbox and a thread. */
async function populated() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const photo = new Uint8Array(70_000).map((_, i) => i % 251);
  const first = await submitTip(
    ctx.deps,
    submission('first, with a file', {
      attachments: [{ name: 'a.ogg', mediaType: 'audio/ogg', bytes: photo }],
    }),
  );
  await submitTip(ctx.deps, submission('second tip 护照'));
  await addFollowUp(ctx.deps, first.codename, 'more news');
  // the alert tables, a waiting danger tip and a desk's check-back choice travel too
  const { store } = ctx.deps;
  const [ana] = await store.listReviewers();
  const [desk] = await store.listDesks();
  await store.putAlertSettings({
    reviewerId: ana!.id,
    language: 'en',
    emailSealed: new Uint8Array([1, 2, 3]),
    telegramSealed: null,
  });
  await store.setLastAlertAt(ana!.id, 1_700_000_000_000);
  await store.scheduleAlert(ana!.id, 'email', 1_700_000_060_000);
  await store.putAlertLinkCode({
    codeHash: new Uint8Array(32).fill(7),
    reviewerId: ana!.id,
    expiresAt: 1_700_000_600_000,
  });
  await store.insertUrgentTip({ id: 'waiting-1', sealed: new Uint8Array([9]), escalated: true });
  await store.setDeskCheckBack(desk!.id, '48h');
  return { ...ctx, photo, first };
}

describe('copyStoreInto', () => {
  it('copies every row of a SQLite instance into PostgreSQL and finds each table identical', async () => {
    const { deps, photo, first } = await populated();
    const target = await openPgliteStore();
    const results = await copyStoreInto(deps, target);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = Object.fromEntries(results.map((r) => [r.table, r.targetRows]));
    expect(rows).toMatchObject({ tips: 2, attachments: 1, inboxes: 2, messages: 1, desks: 1 });
    expect(rows.audit_log).toBeGreaterThan(0);
    expect(rows).toMatchObject({
      reviewer_alerts: 1,
      alert_outbox: 1,
      alert_link_codes: 1,
    });
    expect(rows.waiting_danger_tips).toBeGreaterThan(0);
    expect(rows.search_segments).toBeGreaterThan(0);
    expect(results.map((r) => r.table)).toEqual(deps.store.tables!.names());
    expect((await target.listUrgentTips()).find((t) => t.id === 'waiting-1')?.escalated).toBe(true);
    expect((await target.listDesks())[0]?.checkBack).toBe('48h');
    expect(
      (await target.getAlertSettings((await target.listReviewers())[0]!.id))?.lastAlertAt,
    ).toBe(1_700_000_000_000);

    // core then works on the copy as it did on the original
    const copy = await createTestDeps({ store: target });
    const unlocked = await unlockReviewer(copy.deps, 'ana', PASSPHRASE);
    const exported = await collect(exportTips(copy.deps, unlocked));
    expect(exported.map((e) => (e.ok ? e.content.fields.message : 'damaged')).sort()).toEqual([
      'first, with a file',
      'second tip 护照',
    ]);
    const withFile = exported.find((e) => e.ok && e.tip.id === first.tipId);
    if (!withFile?.ok) throw new Error('tip with the file did not open');
    expect(
      await openAttachment(
        copy.deps,
        withFile.tip,
        withFile.content,
        withFile.content.attachments[0]!.id,
      ),
    ).toEqual(photo);
    const inbox = await openInbox(copy.deps, first.codename);
    expect(inbox.entries.map((m) => [m.from, m.text])).toEqual([['you', 'more news']]);
    // one chain: the original's entries, then the copy's own store.migrate entry
    const before = await verifyAuditChain(deps);
    const after = await verifyAuditChain(copy.deps);
    expect(after).toMatchObject({ ok: true, entries: before.entries + 1 });
    expect((await copy.deps.store.lastAudit())?.action).toBe('store.migrate');
  });

  it('reports the table whose copy differs from the source, and records no migration', async () => {
    const { deps } = await populated();
    const real = await openPgliteStore();
    // a target that flips one byte of each tip envelope on the way in
    const target: Store = {
      ...real,
      tables: {
        ...real.tables!,
        writeRows: (table: string, rows: readonly StoreRow[]) =>
          real.tables!.writeRows(
            table,
            table === 'tips'
              ? rows.map((row) => {
                  const envelope = Uint8Array.from(row.envelope as Uint8Array);
                  envelope[10]! ^= 1;
                  return { ...row, envelope };
                })
              : rows,
          ),
      },
    };
    const results = await copyStoreInto(deps, target);
    expect(results.filter((r) => !r.ok).map((r) => r.table)).toEqual(['tips']);
    const tips = results.find((r) => r.table === 'tips')!;
    expect([tips.sourceRows, tips.targetRows]).toEqual([2, 2]);
    expect(tips.sourceDigest).not.toBe(tips.targetDigest);
    expect((await real.lastAudit())?.action).not.toBe('store.migrate');
    await real.close();
  });

  it('refuses a target that already holds data and writes nothing to it', async () => {
    const { deps } = await populated();
    const target = await openPgliteStore();
    await target.setMeta('someone-else', new Uint8Array([1]));
    await expect(copyStoreInto(deps, target)).rejects.toThrow(/already holds data \(table meta\)/);
    expect(await target.countTips()).toBe(0);
    await target.close();
  });
});
