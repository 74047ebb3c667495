// The token bucket's arithmetic, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/server/rateLimit.js';

function bucketsAt(start = 0) {
  const clock = { ms: start };
  return { clock, buckets: new TokenBuckets(() => clock.ms) };
}

describe('token buckets', () => {
  it('a new caller has its whole burst, then waits for the refill', () => {
    const { clock, buckets } = bucketsAt();
    const limit = { perSecond: 2, burst: 3 };
    expect([1, 2, 3].map(() => buckets.take('a', limit))).toEqual([null, null, null]);
    expect(buckets.take('a', limit)).toBeCloseTo(0.5);
    clock.ms += 499;
    expect(buckets.take('a', limit)).toBeCloseTo(0.001);
    clock.ms += 1;
    expect(buckets.take('a', limit)).toBeNull();
  });

  it('refills at the rate up to the burst, never beyond', () => {
    const { clock, buckets } = bucketsAt();
    const limit = { perSecond: 10, burst: 5 };
    for (let i = 0; i < 5; i += 1) buckets.take('a', limit);
    clock.ms += 60_000;
    expect(Array.from({ length: 6 }, () => buckets.take('a', limit) === null)).toEqual([true, true, true, true, true, false]);
  });

  it('callers have buckets of their own', () => {
    const { buckets } = bucketsAt();
    const limit = { perSecond: 1, burst: 1 };
    expect(buckets.take('a', limit)).toBeNull();
    expect(buckets.take('a', limit)).not.toBeNull();
    expect(buckets.take('b', limit)).toBeNull();
  });
});
