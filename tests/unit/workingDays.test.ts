// The provider's answer is due within 10 working days; weekends do not count.
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/services/workingDays.js';

describe('addWorkingDays', () => {
  it('10 working days from a Monday is the Monday two weeks later', () => {
    // 2026-11-23 is a Monday (10:00 in China).
    expect(addWorkingDays(new Date('2026-11-23T02:00:00Z'), 10).toISOString()).toBe('2026-12-07T02:00:00.000Z');
  });

  it('from a Friday, the weekend is skipped', () => {
    expect(addWorkingDays(new Date('2026-11-27T02:00:00Z'), 1).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });

  it('a request made on a Saturday is due ten working days after the weekend begins', () => {
    expect(addWorkingDays(new Date('2026-11-28T02:00:00Z'), 10).toISOString()).toBe('2026-12-11T02:00:00.000Z');
  });
});
