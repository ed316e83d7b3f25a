import { describe, expect, it, vi } from 'vitest';
import * as argon2 from '@node-rs/argon2';
import {
  createConcurrencyGate,
  createLoginThrottle,
  enrolTotp,
  initialiseDesk,
  logIn,
  totpCodeAt,
  createTotpSecret,
  isDomainError,
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
    const ana = deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    const secret = createTotpSecret(deps);
    enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
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
    const ana = deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    const secret = createTotpSecret(deps);
    enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
    const { scanForBytes } = await import('../helpers.js');
    expect(scanForBytes(ctx.dataDir, secret)).toEqual([]);
    expect(deps.store.getReviewerTotp(ana.id)?.sealedSecret?.length).toBeGreaterThan(secret.length);
  });
});

describe('the login throttle', () => {
  it('lets three failures pass, then doubles the wait with each further failure', () => {
    let now = 0;
    const throttle = createLoginThrottle({ clock: () => now });
    for (let i = 0; i < 3; i++) throttle.fail('k');
    expect(throttle.waitFor('k')).toBe(0);
    throttle.fail('k');
    expect(throttle.waitFor('k')).toBe(1_000);
    throttle.fail('k');
    expect(throttle.waitFor('k')).toBe(2_000);
    now += 2_000;
    expect(throttle.waitFor('k')).toBe(0);
    throttle.succeed('k');
    throttle.fail('k');
    expect(throttle.waitFor('k')).toBe(0);
  });

  it('caps the wait', () => {
    const throttle = createLoginThrottle({ clock: () => 0, maxWaitMs: 60_000 });
    for (let i = 0; i < 40; i++) throttle.fail('k');
    expect(throttle.waitFor('k')).toBe(60_000);
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
