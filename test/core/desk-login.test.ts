import { describe, expect, it, vi } from 'vitest';
import * as argon2 from '@node-rs/argon2';
import {
  createConcurrencyGate,
  createLoginThrottle,
  createScopedLoginThrottle,
  deriveSharedKeys,
  enrolTotp,
  initialiseDesk,
  logIn,
  totpCodeAt,
  createTotpSecret,
  isDomainError,
  acceptInvitation,
  inviteReviewer,
  resetTotp,
  verifyAuditChain,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';
import { fakeLoginGuard } from '../server/admin/desk-harness.js';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof argon2>();
  return { ...original, hashRaw: vi.fn(original.hashRaw) };
});

describe('logIn', () => {
  it('runs one argon2id derivation for an unknown name, as for a known one', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const hashRaw = vi.mocked(argon2.hashRaw);
    const { guard } = fakeLoginGuard(deps.clock);
    const calls = async (name: string) => {
      hashRaw.mockClear();
      await logIn(deps, guard, {
        name,
        passphrase: PASSPHRASE,
        code: '000000',
        clientKey: name,
      }).catch(() => undefined);
      return hashRaw.mock.calls.length;
    };
    const known = await calls('ana');
    const unknown = await calls('nobody-by-that-name');
    expect(known).toBe(1);
    expect(unknown).toBe(known);
  });

  it('pads a fast failure up to the minimum duration', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const { guard, time } = fakeLoginGuard(deps.clock, 1_500);
    await expect(
      logIn(deps, guard, {
        name: 'ana',
        passphrase: new TextEncoder().encode('x'),
        code: '',
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(time.now).toBe(1_500);
  });

  it('accepts the current TOTP code after enrolment and gives back the unlocked desk keys', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const ana = await deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    const secret = createTotpSecret(deps);
    await enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
    ctx.setNow(deps.clock() + 30_000);
    const { guard } = fakeLoginGuard(deps.clock);
    const result = await logIn(deps, guard, {
      name: 'ana',
      passphrase: PASSPHRASE,
      code: totpCodeAt(secret, deps.clock()),
      clientKey: 'c',
    });
    expect(result.kind).toBe('unlocked');
    expect(result.unlocked.deskKeys.size).toBe(1);
    result.unlocked.wipe();
  });

  it('keeps the TOTP secret sealed in the database', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const ana = await deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    const secret = createTotpSecret(deps);
    await enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
    const { scanForBytes } = await import('../helpers.js');
    expect(scanForBytes(ctx.dataDir, secret)).toEqual([]);
    expect((await deps.store.getReviewerTotp(ana.id))?.sealedSecret?.length).toBeGreaterThan(
      secret.length,
    );
  });
});

/** A desk whose admin "ana" has enrolled a second factor; `code()` is the current code. */
async function enrolled() {
  const ctx = await createTestDeps();
  const { deps } = ctx;
  await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const ana = await deps.store.getReviewerByName('ana');
  if (!ana) throw new Error('no ana');
  const secret = createTotpSecret(deps);
  await enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
  let now = deps.clock();
  const nextStep = () => {
    now += 30_000;
    ctx.setNow(now);
  };
  nextStep();
  return { ...ctx, ana, secret, nextStep, code: () => totpCodeAt(secret, deps.clock()) };
}

const attempt = (name: string, passphrase: Uint8Array, code: string, clientKey = 'client') => ({
  name,
  passphrase,
  code,
  clientKey,
});

describe('logIn failures', () => {
  it('share one error code and one padded duration for an unknown name, a wrong passphrase and a wrong code', async () => {
    const { deps, code } = await enrolled();
    const wrongCode = code() === '000000' ? '111111' : '000000';
    const outcomes = [];
    for (const input of [
      attempt('nobody', PASSPHRASE, code(), 'a'),
      attempt('ana', new TextEncoder().encode('not the passphrase'), code(), 'b'),
      attempt('ana', PASSPHRASE, wrongCode, 'c'),
    ]) {
      const { guard, time } = fakeLoginGuard(deps.clock, 1_200);
      const error = await logIn(deps, guard, input).catch((e: unknown) => e);
      outcomes.push({ code: (error as { code?: string }).code, took: time.now });
    }
    expect(outcomes).toEqual([
      { code: 'bad_credentials', took: 1_200 },
      { code: 'bad_credentials', took: 1_200 },
      { code: 'bad_credentials', took: 1_200 },
    ]);
  });

  it('audit a failed login by reviewer id for a known name and as unknown otherwise', async () => {
    const { deps, ana } = await enrolled();
    const { guard } = fakeLoginGuard(deps.clock);
    const before = (await deps.store.lastAudit())?.sequence ?? 0;
    await logIn(deps, guard, attempt('ana', PASSPHRASE, '')).catch(() => undefined);
    await logIn(deps, guard, attempt('nobody', PASSPHRASE, '')).catch(() => undefined);
    expect((await deps.store.listAudit(before, 10)).map((e) => [e.action, e.actor])).toEqual([
      ['login.failed', ana.id],
      ['login.failed', 'unknown'],
    ]);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('make one client wait after failures, whatever names it tries, while other clients still get in', async () => {
    const { deps, code } = await enrolled();
    const { guard } = fakeLoginGuard(deps.clock);
    for (let i = 0; i < 4; i++)
      await logIn(deps, guard, attempt(`name${i}`, PASSPHRASE, '', 'noisy')).catch(() => undefined);
    await expect(logIn(deps, guard, attempt('ana', PASSPHRASE, code(), 'noisy'))).rejects.toSatisfy(
      (e) => isDomainError(e, 'rate_limited'),
    );
    const quiet = await logIn(deps, guard, attempt('ana', PASSPHRASE, code(), 'quiet'));
    expect(quiet.kind).toBe('unlocked');
    quiet.unlocked.wipe();
  });

  it('make an account wait after failures from many clients, with waits that grow', async () => {
    const { deps, code } = await enrolled();
    const { guard } = fakeLoginGuard(deps.clock);
    const wrong = new TextEncoder().encode('wrong passphrase here');
    for (let i = 0; i < 4; i++)
      await logIn(deps, guard, attempt('ana', wrong, '', `c${i}`)).catch(() => undefined);
    const first = await guard.throttle.waitFor('account:ana');
    await expect(logIn(deps, guard, attempt('ana', PASSPHRASE, code(), 'fresh'))).rejects.toSatisfy(
      (e) => isDomainError(e, 'rate_limited'),
    );
    expect(first).toBeGreaterThan(0);
    await guard.throttle.fail('account:ana');
    expect(await guard.throttle.waitFor('account:ana')).toBeGreaterThan(first);
  });
});

describe('the second factor', () => {
  it('refuses a code that was already used (replay), and takes the next one', async () => {
    const { deps, code, nextStep } = await enrolled();
    const { guard } = fakeLoginGuard(deps.clock);
    const used = code();
    const first = await logIn(deps, guard, attempt('ana', PASSPHRASE, used));
    first.unlocked.wipe();
    await expect(logIn(deps, guard, attempt('ana', PASSPHRASE, used))).rejects.toSatisfy((e) =>
      isDomainError(e, 'bad_credentials'),
    );
    nextStep();
    const next = await logIn(deps, guard, attempt('ana', PASSPHRASE, code()));
    expect(next.kind).toBe('unlocked');
    next.unlocked.wipe();
  });

  it('leads a reviewer without one only to enrolment, whatever code is typed', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const { guard } = fakeLoginGuard(deps.clock);
    const result = await logIn(deps, guard, attempt('ana', PASSPHRASE, '123456'));
    expect(result.kind).toBe('enrol');
    result.unlocked.wipe();
  });

  it('refuses enrolment with a code that does not match the new secret', async () => {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const ana = await deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    const secret = createTotpSecret(deps);
    const wrong = totpCodeAt(secret, deps.clock()) === '000000' ? '111111' : '000000';
    await expect(enrolTotp(deps, ana, secret, wrong)).rejects.toThrow(
      expect.objectContaining({ code: 'bad_credentials' }),
    );
    expect((await deps.store.getReviewerTotp(ana.id))?.sealedSecret ?? null).toBeNull();
  });

  it('stops taking the old codes once an admin resets it, and takes codes of the new secret', async () => {
    const { deps, ana, secret, nextStep } = await enrolled();
    const fresh = resetTotp(deps, ana, ana.id);
    expect(await fresh).not.toBe(secret);
    const { guard } = fakeLoginGuard(deps.clock);
    await expect(
      logIn(deps, guard, attempt('ana', PASSPHRASE, totpCodeAt(secret, deps.clock()))),
    ).rejects.toSatisfy((e) => isDomainError(e, 'bad_credentials'));
    nextStep();
    const result = await logIn(
      deps,
      guard,
      attempt('ana', PASSPHRASE, totpCodeAt(await fresh, deps.clock())),
    );
    expect(result.kind).toBe('unlocked');
    result.unlocked.wipe();
    expect((await deps.store.listAudit(0, 100)).map((e) => e.action)).toContain(
      'reviewer.totp_reset',
    );
  });

  it('can be reset by admins only', async () => {
    const { deps, ana } = await enrolled();
    const { token } = await inviteReviewer(deps, ana, 'reviewer');
    const bea = await acceptInvitation(deps, token, { name: 'bea', passphrase: PASSPHRASE });
    await expect(resetTotp(deps, bea, ana.id)).rejects.toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe.each([
  ['in memory', (clock: () => number) => Promise.resolve(createLoginThrottle({ clock }))],
  [
    'shared through the store',
    async (clock: () => number) => {
      const { deps } = await createTestDeps({ clock });
      const sharedKeys = deriveSharedKeys(deps.sodium, new Uint8Array(32).fill(5));
      return createScopedLoginThrottle({ ...deps, sharedKeys });
    },
  ],
])('the login throttle %s', (_, makeThrottle) => {
  it('lets three failures pass, then doubles the wait with each further failure', async () => {
    let now = 1_000_000;
    const throttle = await makeThrottle(() => now);
    for (let i = 0; i < 3; i++) await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(0);
    await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(1_000);
    await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(2_000);
    expect(await throttle.waitFor('another key')).toBe(0);
    now += 2_000;
    expect(await throttle.waitFor('k')).toBe(0);
    await throttle.succeed('k');
    await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(0);
  });

  it('forgives earlier failures after a quiet hour', async () => {
    let now = 1_000_000;
    const throttle = await makeThrottle(() => now);
    for (let i = 0; i < 5; i++) await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(2_000);
    now += 3_600_000;
    expect(await throttle.waitFor('k')).toBe(0);
    await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(0);
  });
});

describe('the login throttle in memory', () => {
  it('caps the wait', async () => {
    const throttle = createLoginThrottle({ clock: () => 0, maxWaitMs: 60_000 });
    for (let i = 0; i < 40; i++) await throttle.fail('k');
    expect(await throttle.waitFor('k')).toBe(60_000);
  });
});

describe('the argon2 concurrency gate', () => {
  it('runs at most the limit at once and refuses beyond the queue', async () => {
    const gate = createConcurrencyGate(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      gate.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      });
    const jobs = [job(), job(), job()];
    const refused = await job().catch((error: unknown) => error);
    expect(isDomainError(refused, 'rate_limited')).toBe(true);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(jobs);
    expect(peak).toBe(2);
  });
});
