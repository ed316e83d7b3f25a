import { describe, expect, it } from 'vitest';
import {
  addFollowUp,
  addReviewer,
  applyTriage,
  createAlertDelivery,
  createDesk,
  createTelegramLinkCode,
  initialiseDesk,
  isDomainError,
  linkTelegramAlerts,
  recordActivity,
  revokeReviewer,
  setEmailAlerts,
  submitTip,
  turnAlertsOff,
  unlockReviewer,
  waitingDangerTips,
  type AlertMessage,
  type AlertSender,
  type CoreDeps,
  type ReviewerRecord,
} from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createAlertText } from '../../src/i18n/alert-text.js';
import { createTestDeps, PASSPHRASE, submission, type TestContext } from '../helpers.js';

const MINUTE = 60_000;

interface Sent {
  readonly channel: string;
  readonly address: string;
  readonly message: AlertMessage;
}

/** A sender that records what it was given and can be told to fail. */
function fakeSender(channel: 'email' | 'telegram', sent: Sent[]) {
  let failures = 0;
  const sender: AlertSender & { failNext(count: number): void } = {
    channel,
    send: (address, message) => {
      if (failures > 0) {
        failures--;
        return Promise.reject(
          Object.assign(new Error(`refused ${address}`), { code: 'EENVELOPE' }),
        );
      }
      sent.push({ channel, address, message });
      return Promise.resolve();
    },
    failNext: (count) => (failures = count),
  };
  return sender;
}

interface AlertTest extends TestContext {
  readonly ana: ReviewerRecord;
  readonly bo: ReviewerRecord;
  readonly sent: Sent[];
  readonly email: ReturnType<typeof fakeSender>;
  readonly telegram: ReturnType<typeof fakeSender>;
  readonly delivery: ReturnType<typeof createAlertDelivery>;
  now(): number;
  advance(ms: number): void;
}

/** Desk "main" with admin ana and reviewer bo, both with e-mail alerts; fake clock and senders. */
async function alertTest(): Promise<AlertTest> {
  const context = await createTestDeps();
  let now = Date.UTC(2026, 10, 22, 3, 7, 0);
  context.setNow(now);
  await initialiseDesk(context.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const unlocked = await unlockReviewer(context.deps, 'ana', PASSPHRASE);
  const bo = await addReviewer(context.deps, unlocked, {
    name: 'bo',
    passphrase: PASSPHRASE,
    role: 'reviewer',
  });
  unlocked.wipe();
  const ana = (await context.deps.store.getReviewerByName('ana'))!;
  await setEmailAlerts(context.deps, {
    reviewerId: ana.id,
    address: 'ana@ngo.example',
    language: 'en',
    actor: ana.id,
  });
  await setEmailAlerts(context.deps, {
    reviewerId: bo.id,
    address: 'bo@ngo.example',
    language: 'ru',
    actor: bo.id,
  });
  const sent: Sent[] = [];
  const email = fakeSender('email', sent);
  const telegram = fakeSender('telegram', sent);
  const delivery = createAlertDelivery(context.deps, {
    senders: [email, telegram],
    message: createAlertText(CATALOGS),
  });
  return {
    ...context,
    ana,
    bo,
    sent,
    email,
    telegram,
    delivery,
    now: () => now,
    advance: (ms) => {
      now += ms;
      context.setNow(now);
    },
  };
}

const dangerTip = (deps: CoreDeps, text = 'MARKER-DANGER-TIP') =>
  submitTip(deps, submission(text, { fields: { message: text, danger: true } }));

describe('reviewer alerts', () => {
  it('alerts every alerting reviewer of the desk at once when the tipster says someone is in danger now', async () => {
    const test = await alertTest();
    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent.map((s) => s.address).sort()).toEqual(['ana@ngo.example', 'bo@ngo.example']);
    // each in the reviewer's own language, and nothing about the tip
    const bo = test.sent.find((s) => s.address === 'bo@ngo.example')!;
    expect(bo.message.body.trimEnd()).toBe(CATALOGS.ru['alert.body']);
    for (const s of test.sent) expect(JSON.stringify(s.message)).not.toMatch(/MARKER|main|danger/i);
  });

  it('batches a burst of 50 ordinary tips into one alert per reviewer per interval', async () => {
    const test = await alertTest();
    for (let i = 0; i < 50; i++) {
      await submitTip(test.deps, submission(`ordinary ${i}`));
      test.advance(1_000);
      await test.delivery.runDue();
    }
    // the first tip alerts at once; the other 49 wait for the end of the interval
    expect(test.sent).toHaveLength(2);
    test.advance(15 * MINUTE - 50_000 - 1_000);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(2);
    test.advance(2_000);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(4);
    expect(test.sent.filter((s) => s.address === 'ana@ngo.example')).toHaveLength(2);
    // nothing new after that: the outbox is empty
    test.advance(60 * MINUTE);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(4);
    expect(await test.deps.store.listScheduledAlerts()).toEqual([]);
  });

  it('sends a danger tip at once even inside an interval that is already used up', async () => {
    const test = await alertTest();
    await submitTip(test.deps, submission('ordinary'));
    await test.delivery.runDue();
    test.advance(MINUTE);
    await submitTip(test.deps, submission('ordinary again'));
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(2);
    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(4);
  });

  it('counts a follow-up from the tipster as activity', async () => {
    const test = await alertTest();
    const receipt = await submitTip(test.deps, submission('first'));
    await test.delivery.runDue();
    test.advance(20 * MINUTE);
    await addFollowUp(test.deps, receipt.codename, 'MARKER-FOLLOWUP');
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(4);
  });

  it('alerts only the reviewers of the desk the tip went to', async () => {
    const test = await alertTest();
    const unlocked = await unlockReviewer(test.deps, 'ana', PASSPHRASE);
    await createDesk(test.deps, unlocked, 'partner');
    unlocked.wipe();
    await submitTip(test.deps, submission('to partner', { deskName: 'partner' }));
    await test.delivery.runDue();
    expect(test.sent.map((s) => s.address)).toEqual(['ana@ngo.example']);
  });

  it('retries a failed send with backoff, audits each outcome, and logs a code, never the address', async () => {
    const test = await alertTest();
    // both reviewers' first two tries fail
    test.email.failNext(4);
    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(0);
    const rows = await test.deps.store.listScheduledAlerts();
    expect(rows.map((r) => r.attempts)).toEqual([1, 1]);
    expect(rows.every((r) => r.dueAt === test.now() + 15_000)).toBe(true);
    test.advance(15_000);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(0);
    expect((await test.deps.store.listScheduledAlerts()).map((r) => r.attempts)).toEqual([2, 2]);
    test.advance(30_000);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(2);
    const audit = await test.deps.store.listAudit(0, 1000);
    const alerts = audit.filter((a) => a.action.startsWith('alert.'));
    expect(alerts.map((a) => `${a.action} ${a.detail}`)).toEqual([
      'alert.failed email:EENVELOPE',
      'alert.failed email:EENVELOPE',
      'alert.failed email:EENVELOPE',
      'alert.failed email:EENVELOPE',
      'alert.sent email',
      'alert.sent email',
    ]);
    const logs = test.logLines.join('\n');
    expect(logs).toContain('"code":"EENVELOPE"');
    expect(logs).not.toContain('ngo.example');
    expect(JSON.stringify(audit)).not.toContain('ngo.example');
  });

  it('gives a pending alert up after the last try, and says so in the audit log', async () => {
    const test = await alertTest();
    const delivery = createAlertDelivery(test.deps, {
      senders: [test.email],
      message: createAlertText(CATALOGS),
      maxAttempts: 2,
      backoffMs: () => 1_000,
    });
    await turnAlertsOff(test.deps, { reviewerId: test.bo.id, actor: 'cli' });
    test.email.failNext(5);
    await dangerTip(test.deps);
    await delivery.runDue();
    test.advance(1_000);
    await delivery.runDue();
    expect(await test.deps.store.listScheduledAlerts()).toEqual([]);
    const last = (await test.deps.store.listAudit(0, 1000)).at(-1)!;
    expect(last.detail).toBe('email:EENVELOPE:gave_up');
  });

  it('alerts the desk admins again when a danger tip is still new after the escalation delay, once', async () => {
    const test = await alertTest();
    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(2);
    test.advance(29 * MINUTE);
    await test.delivery.sweep();
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(2);
    test.advance(2 * MINUTE);
    await test.delivery.sweep();
    await test.delivery.runDue();
    // ana is the admin; bo is a reviewer and is not alerted again
    expect(test.sent.slice(2).map((s) => s.address)).toEqual(['ana@ngo.example']);
    test.advance(60 * MINUTE);
    await test.delivery.sweep();
    await test.delivery.runDue();
    expect(test.sent).toHaveLength(3);
  });

  it('shows a waiting danger tip with its age until it leaves new, then forgets it', async () => {
    const test = await alertTest();
    const receipt = await dangerTip(test.deps);
    await submitTip(test.deps, submission('not urgent'));
    test.advance(42 * MINUTE);
    const unlocked = await unlockReviewer(test.deps, 'ana', PASSPHRASE);
    const waiting = await waitingDangerTips(test.deps, unlocked);
    expect(waiting.map((w) => [w.tipId, w.waitingMs])).toEqual([[receipt.tipId, 42 * MINUTE]]);
    await applyTriage(test.deps, unlocked, [receipt.tipId], {
      kind: 'status',
      status: 'in_review',
    });
    expect(await waitingDangerTips(test.deps, unlocked)).toEqual([]);
    await test.delivery.sweep();
    expect(await test.deps.store.listUrgentTips()).toEqual([]);
    unlocked.wipe();
  });

  it('keeps the pending danger tip id sealed on disk', async () => {
    const test = await alertTest();
    const receipt = await dangerTip(test.deps);
    const [row] = await test.deps.store.listUrgentTips();
    expect(row).toBeDefined();
    expect(Buffer.from(row!.sealed).includes(Buffer.from(receipt.tipId))).toBe(false);
  });

  it('refuses a value that is not an e-mail address and changes nothing', async () => {
    const test = await alertTest();
    for (const bad of [
      'not an address',
      'ana@',
      'a b@ngo.example',
      'ana@ngo.example\r\nBcc: x@y.z',
      `${'a'.repeat(250)}@ngo.example`,
    ]) {
      const error = await setEmailAlerts(test.deps, {
        reviewerId: test.ana.id,
        address: bad,
        language: 'en',
        actor: test.ana.id,
      }).catch((e: unknown) => e);
      expect(isDomainError(error, 'invalid_input') && error.field === 'email', bad).toBe(true);
    }
    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent.map((s) => s.address)).toContain('ana@ngo.example');
  });

  it('links a Telegram chat with a one-time code, and treats a wrong, reused or expired code alike', async () => {
    const test = await alertTest();
    const link = await createTelegramLinkCode(test.deps, { reviewerId: test.bo.id, actor: 'cli' });
    expect(await linkTelegramAlerts(test.deps, 'zzzzz-zzzzz', '777000111', 'en')).toBe(false);
    expect(await linkTelegramAlerts(test.deps, `alert-${link.code}`, '777000111', 'en')).toBe(true);
    expect(await linkTelegramAlerts(test.deps, link.display, '777000111', 'en')).toBe(false);
    const late = await createTelegramLinkCode(test.deps, { reviewerId: test.ana.id, actor: 'cli' });
    test.advance(15 * MINUTE);
    expect(await linkTelegramAlerts(test.deps, late.code, '777000222', 'en')).toBe(false);

    await dangerTip(test.deps);
    await test.delivery.runDue();
    expect(test.sent.filter((s) => s.channel === 'telegram').map((s) => s.address)).toEqual([
      '777000111',
    ]);
  });

  it('forgets a revoked reviewer’s sealed address and pending alerts', async () => {
    const test = await alertTest();
    await submitTip(test.deps, submission('one'));
    await submitTip(test.deps, submission('two'));
    await revokeReviewer(test.deps, 'bo', { rotate: false });
    expect(await test.deps.store.getAlertSettings(test.bo.id)).toBeUndefined();
    expect((await test.deps.store.listScheduledAlerts()).map((r) => r.reviewerId)).toEqual([
      test.ana.id,
    ]);
  });

  it('never refuses a tip because alerts could not be queued', async () => {
    const test = await alertTest();
    const broken: CoreDeps = {
      ...test.deps,
      store: { ...test.deps.store, scheduleAlert: () => Promise.reject(new Error('disk full')) },
    };
    expect((await dangerTip(broken)).codename).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(test.logLines.join('\n')).toContain('alert.enqueue_failed');
    // recordActivity on its own also swallows (and logs) the failure
    await expect(recordActivity(broken, test.ana.id as never)).resolves.toBeUndefined();
  });
});
