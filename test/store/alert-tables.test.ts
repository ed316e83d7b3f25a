import { describe, expect, it } from 'vitest';
import { initialiseDesk } from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';

describe('the alert tables of the SQLite store', () => {
  it('queues one row per reviewer and channel, and only ever moves it earlier', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const ana = (await deps.store.getReviewerByName('ana'))!.id;
    await deps.store.scheduleAlert(ana, 'email', 5_000);
    await deps.store.scheduleAlert(ana, 'email', 9_000);
    await deps.store.scheduleAlert(ana, 'telegram', 7_000);
    expect(await deps.store.listScheduledAlerts()).toEqual([
      { reviewerId: ana, channel: 'email', dueAt: 5_000, attempts: 0 },
      { reviewerId: ana, channel: 'telegram', dueAt: 7_000, attempts: 0 },
    ]);
    await deps.store.scheduleAlert(ana, 'email', 1_000);
    expect((await deps.store.listDueAlerts(1_000, 10)).map((r) => r.channel)).toEqual(['email']);
  });

  it('hands a link code out once, and keeps one live code per reviewer', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const ana = (await deps.store.getReviewerByName('ana'))!.id;
    const first = new Uint8Array(32).fill(1);
    const second = new Uint8Array(32).fill(2);
    await deps.store.putAlertLinkCode({ codeHash: first, reviewerId: ana, expiresAt: 10 });
    await deps.store.putAlertLinkCode({ codeHash: second, reviewerId: ana, expiresAt: 10 });
    expect(await deps.store.takeAlertLinkCode(first)).toBeUndefined();
    expect((await deps.store.takeAlertLinkCode(second))?.reviewerId).toBe(ana);
    expect(await deps.store.takeAlertLinkCode(second)).toBeUndefined();
  });
});
