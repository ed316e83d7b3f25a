import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  createDeskSessions,
  createFirstRunToken,
  completeFirstRun,
  findInvitation,
  initialiseDesk,
  inviteReviewer,
  INVITATION_TTL_MS,
  scheduleDailyPurge,
  submitTip,
  unlockReviewer,
  verifyAuditChain,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

async function unlocked() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  return { ...ctx, keys: await unlockReviewer(ctx.deps, 'ana', PASSPHRASE) };
}

describe('desk sessions', () => {
  it('issue 256-bit tokens and keep only their hash', async () => {
    const { deps, keys } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token } = sessions.open(keys, 'active');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.get(token)?.reviewerId).toBe(keys.reviewer.id);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`;
    expect(sessions.get(altered)).toBeUndefined();
  });

  it('move to a new token on rotation, and the old one stops working', async () => {
    const { deps, keys } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token } = sessions.open(keys, 'enrol');
    const next = sessions.rotate(token, 'active');
    expect(next).toBeDefined();
    expect(sessions.get(token)).toBeUndefined();
    expect(sessions.get(next ?? '')?.stage).toBe('active');
  });

  it('accept only their own CSRF token', async () => {
    const { deps, keys } = await unlocked();
    const sessions = createDeskSessions(deps);
    const a = sessions.open(keys, 'active').session;
    const b = sessions.open(keys, 'active').session;
    expect(sessions.checkCsrf(a, a.csrfToken)).toBe(true);
    expect(sessions.checkCsrf(a, b.csrfToken)).toBe(false);
    expect(sessions.checkCsrf(a, undefined)).toBe(false);
    expect(sessions.checkCsrf(a, '')).toBe(false);
  });

  it('end after 30 idle minutes and wipe the unlocked keys', async () => {
    const { deps, keys, setNow } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token } = sessions.open(keys, 'active');
    const secret = [...keys.deskKeys.values()][0]?.secretKey;
    const start = deps.clock();
    setNow(start + 29 * 60_000);
    expect(sessions.get(token)).toBeDefined();
    setNow(start + 58 * 60_000);
    expect(sessions.get(token)).toBeDefined();
    setNow(start + 88 * 60_000);
    expect(sessions.get(token)).toBeUndefined();
    expect(secret?.every((b) => b === 0)).toBe(true);
    expect(sessions.count()).toBe(0);
  });

  it('end after 8 hours even when used all along', async () => {
    const { deps, keys, setNow } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token } = sessions.open(keys, 'active');
    const start = deps.clock();
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      setNow(start + minutes * 60_000);
      expect(sessions.get(token)).toBeDefined();
    }
    setNow(start + 8 * 3_600_000);
    expect(sessions.get(token)).toBeUndefined();
  });

  it('use the idle and absolute limits they are given', async () => {
    const { deps, keys, setNow } = await unlocked();
    const sessions = createDeskSessions(deps, {
      idleMs: 60_000,
      absoluteMs: 120_000,
      maxSessions: 10,
    });
    const { token } = sessions.open(keys, 'active');
    const start = deps.clock();
    setNow(start + 59_000);
    expect(sessions.get(token)).toBeDefined();
    setNow(start + 118_000);
    expect(sessions.get(token)).toBeDefined();
    setNow(start + 120_000);
    expect(sessions.get(token)).toBeUndefined();
  });

  it('end at logout: the token opens nothing and the keys are wiped', async () => {
    const { deps, keys } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token, session } = sessions.open(keys, 'active');
    session.summaries.set('t' as never, { headline: 'cached' });
    const secret = [...keys.deskKeys.values()][0]?.secretKey;
    sessions.end(token);
    expect(sessions.get(token)).toBeUndefined();
    expect(secret?.every((b) => b === 0)).toBe(true);
    expect(keys.deskKeys.size).toBe(0);
    expect(session.summaries.size).toBe(0);
  });

  it('draw their tokens from the injected random source', async () => {
    const { deps, keys } = await unlocked();
    let calls = 0;
    const random = {
      ...deps.random,
      bytes: (n: number) => {
        calls++;
        return deps.random.bytes(n);
      },
    };
    const sessions = createDeskSessions({ ...deps, random });
    sessions.open(keys, 'active');
    expect(calls).toBe(2);
  });

  it('end every session of a reviewer and wipe their keys', async () => {
    const { deps, keys } = await unlocked();
    const sessions = createDeskSessions(deps);
    const { token } = sessions.open(keys, 'active');
    const secret = [...keys.deskKeys.values()][0]?.secretKey;
    expect(sessions.endForReviewer(keys.reviewer.id)).toBe(1);
    expect(sessions.get(token)).toBeUndefined();
    expect(secret?.every((b) => b === 0)).toBe(true);
  });
});

describe('invitations', () => {
  it('work once and expire after 72 hours', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const admin = await deps.store.getReviewerByName('ana');
    if (!admin) throw new Error('no admin');
    const first = await inviteReviewer(deps, admin, 'reviewer');
    await acceptInvitation(deps, first.token, { name: 'bea', passphrase: PASSPHRASE });
    await expect(
      acceptInvitation(deps, first.token, { name: 'cy', passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const second = await inviteReviewer(deps, admin, 'reviewer');
    ctx.setNow(deps.clock() + INVITATION_TTL_MS);
    await expect(findInvitation(deps, second.token)).rejects.toThrow();
    expect(await deps.store.getReviewerByName('cy')).toBeUndefined();
  });

  it('are refused to reviewers who are not admins', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const admin = await deps.store.getReviewerByName('ana');
    if (!admin) throw new Error('no admin');
    const { token } = await inviteReviewer(deps, admin, 'reviewer');
    const bea = await acceptInvitation(deps, token, { name: 'bea', passphrase: PASSPHRASE });
    await expect(inviteReviewer(deps, bea, 'admin')).rejects.toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe('the first-run token', () => {
  it('sets up the desk once and then refuses', async () => {
    const { deps } = await createTestDeps();
    const firstRun = createFirstRunToken(deps);
    await expect(
      completeFirstRun(deps, firstRun, 'wrong', { name: 'ana', passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      completeFirstRun(deps, firstRun, firstRun.value, {
        name: 'ana',
        passphrase: new TextEncoder().encode('short'),
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const done = await completeFirstRun(deps, firstRun, firstRun.value, {
      name: 'ana',
      passphrase: PASSPHRASE,
    });
    expect(done.recoveryKey).toMatch(/^TLRK1-/);
    await expect(
      completeFirstRun(deps, firstRun, firstRun.value, { name: 'eve', passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the daily purge', () => {
  it('runs at start and then on every tick of its timer, with an audit entry each time', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const old = await submitTip(deps, submission('old and closed'));
    await deps.store.setTipStatus(old.tipId, 'closed');
    let tick: (() => Promise<void>) | undefined;
    let every = 0;
    const stop = scheduleDailyPurge(deps, 30, (run, everyMs) => {
      tick = run;
      every = everyMs;
      return () => (tick = undefined);
    });
    expect(every).toBe(86_400_000);
    expect(await deps.store.getTip(old.tipId)).toBeDefined();
    ctx.setNow(deps.clock() + 31 * 86_400_000);
    await tick?.();
    expect(await deps.store.getTip(old.tipId)).toBeUndefined();
    const purges = (await deps.store.listAudit(0, 100)).filter((e) => e.action === 'tips.purge');
    expect(purges.map((e) => e.actor)).toEqual(['retention', 'retention']);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
    stop();
    expect(tick).toBeUndefined();
  });
});
