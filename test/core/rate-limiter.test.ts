import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/core/index.js';

describe('rate limiter', () => {
  it('allows a burst up to the hourly limit per key, then refuses until tokens refill', () => {
    let now = 0;
    const limiter = createRateLimiter({ perKeyPerHour: 3, globalPerHour: 100, clock: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 20 * 60 * 1000; // a third of an hour refills one token
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('enforces a global ceiling across keys', () => {
    const limiter = createRateLimiter({ perKeyPerHour: 10, globalPerHour: 2, clock: () => 0 });
    expect([limiter.take('a'), limiter.take('b'), limiter.take('c')]).toEqual([true, true, false]);
  });

  it('is off when the per-key limit is 0', () => {
    const limiter = createRateLimiter({ perKeyPerHour: 0, globalPerHour: 0, clock: () => 0 });
    expect(Array.from({ length: 1000 }, () => limiter.take('a')).every(Boolean)).toBe(true);
  });

  it('forgets the oldest keys beyond its memory bound', () => {
    const limiter = createRateLimiter({
      perKeyPerHour: 1,
      globalPerHour: 1000,
      clock: () => 0,
      maxKeys: 2,
    });
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    limiter.take('b');
    limiter.take('c'); // evicts a
    expect(limiter.take('a')).toBe(true);
  });
});
