import { describe, expect, it } from 'vitest';
import {
  claimTelegramUpdate,
  createScopedRateLimiter,
  deriveSharedKeys,
  sweepSharedCounters,
  type CoreDeps,
} from '../../src/core/index.js';
import { createTestDeps, scanForBytes } from '../helpers.js';

const SECRET = new Uint8Array(32).fill(9);

/** Two instances in miniature: one store, each with its own deps and the keys of `secret`. */
async function twoInstances(secret = SECRET, otherSecret = secret) {
  const { deps, dataDir, setNow } = await createTestDeps();
  const a: CoreDeps = { ...deps, sharedKeys: deriveSharedKeys(deps.sodium, secret) };
  const b: CoreDeps = { ...deps, sharedKeys: deriveSharedKeys(deps.sodium, otherSecret) };
  return { a, b, dataDir, setNow, deps };
}

describe('limits shared by the instances on one database', () => {
  it('count one bucket for a key across instances with the same secret', async () => {
    const { a, b } = await twoInstances();
    const options = { perKeyPerHour: 2, globalPerHour: 100 };
    const onA = createScopedRateLimiter(a, 'tips', options);
    const onB = createScopedRateLimiter(b, 'tips', options);
    expect([await onA.take('client'), await onB.take('client'), await onA.take('client')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(await onB.take('client')).toBe(false);
    expect(await onB.take('another client')).toBe(true);
  });

  it('enforce the global ceiling across instances', async () => {
    const { a, b } = await twoInstances();
    const options = { perKeyPerHour: 10, globalPerHour: 2 };
    const onA = createScopedRateLimiter(a, 'tips', options);
    const onB = createScopedRateLimiter(b, 'tips', options);
    expect([await onA.take('x'), await onB.take('y'), await onA.take('z')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keep apart the counts of instances with different secrets', async () => {
    const { a, b } = await twoInstances(SECRET, new Uint8Array(32).fill(1));
    const options = { perKeyPerHour: 1, globalPerHour: 100 };
    expect(await createScopedRateLimiter(a, 'tips', options).take('client')).toBe(true);
    expect(await createScopedRateLimiter(b, 'tips', options).take('client')).toBe(true);
  });

  it('store only keyed hashes: no chat id or account name in the data directory', async () => {
    const { a, dataDir } = await twoInstances();
    const limiter = createScopedRateLimiter(a, 'telegram', { perKeyPerHour: 5, globalPerHour: 50 });
    await limiter.take('987654321012');
    await limiter.take('account:zebrareviewer');
    await a.store.close();
    expect(scanForBytes(dataDir, '987654321012')).toEqual([]);
    expect(scanForBytes(dataDir, 'zebrareviewer')).toEqual([]);
  });

  it('let one instance only handle a Telegram update, and sweep claims a day old', async () => {
    const { a, b, deps, setNow } = await twoInstances();
    expect(await claimTelegramUpdate(a, 42)).toBe(true);
    expect(await claimTelegramUpdate(b, 42)).toBe(false);
    expect(await claimTelegramUpdate(b, 43)).toBe(true);
    setNow(deps.clock() + 24 * 3_600_000 + 1);
    expect(await sweepSharedCounters(a)).toBe(2);
    // without shared keys, every update is this process's own (the bot's memory de-duplicates)
    expect(await claimTelegramUpdate(deps, 42)).toBe(true);
    expect(await claimTelegramUpdate(deps, 42)).toBe(true);
  });
});
