import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../../src/core/index.js';

/** Takes one token per key in order, each after the one before. */
async function takes(limiter: RateLimiter, keys: readonly string[]): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const key of keys) results.push(await limiter.take(key));
  return results;
}

describe('rate limiter', () => {
  it('allows a burst up to the hourly limit per key, then refuses until tokens refill', async () => {
    let now = 0;
    const limiter = createRateLimiter({ perKeyPerHour: 3, globalPerHour: 100, clock: () => now });
    expect(await takes(limiter, ['a', 'a', 'a', 'a'])).toEqual([true, true, true, false]);
    expect(await limiter.take('b')).toBe(true);
    now += 20 * 60 * 1000; // a third of an hour refills one token
    expect(await limiter.take('a')).toBe(true);
    expect(await limiter.take('a')).toBe(false);
  });

  it('enforces a global ceiling across keys', async () => {
    const limiter = createRateLimiter({ perKeyPerHour: 10, globalPerHour: 2, clock: () => 0 });
    expect(await takes(limiter, ['a', 'b', 'c'])).toEqual([true, true, false]);
  });

  it('is off when the per-key limit is 0', async () => {
    const limiter = createRateLimiter({ perKeyPerHour: 0, globalPerHour: 0, clock: () => 0 });
    expect(
      (
        await takes(
          limiter,
          Array.from({ length: 1000 }, () => 'a'),
        )
      ).every(Boolean),
    ).toBe(true);
  });

  it('forgets the oldest keys beyond its memory bound', async () => {
    const limiter = createRateLimiter({
      perKeyPerHour: 1,
      globalPerHour: 1000,
      clock: () => 0,
      maxKeys: 2,
    });
    expect(await limiter.take('a')).toBe(true);
    expect(await limiter.take('a')).toBe(false);
    await limiter.take('b');
    await limiter.take('c'); // evicts a
    expect(await limiter.take('a')).toBe(true);
  });
});
