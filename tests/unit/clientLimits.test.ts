// `sharehub clients limits` options: what an operator may ask for, each mistake named by its option.
import { describe, expect, it } from 'vitest';
import { requestedLimits } from '../../src/cli/clients.js';

describe('requestedLimits', () => {
  it('takes each override given, and --default as both back to the configured defaults', () => {
    expect(requestedLimits({ client: 'c', perSecond: '0.5', burst: '3' })).toEqual({ perSecond: 0.5, burst: 3 });
    expect(requestedLimits({ client: 'c', burst: '20' })).toEqual({ burst: 20 });
    expect(requestedLimits({ client: 'c', default: true })).toEqual({ perSecond: null, burst: null });
  });

  it.each([
    [{ perSecond: '-1' }, /--per-second "-1"/],
    [{ perSecond: '0' }, /--per-second "0"/],
    [{ perSecond: 'fast' }, /--per-second "fast"/],
    [{ burst: '2.5' }, /--burst "2\.5"/],
    [{ burst: '2000000' }, /--burst "2000000"/],
    [{}, /give --per-second, --burst, or --default/],
    [{ default: true, burst: '3' }, /--default resets both overrides/],
  ])('refuses %j', (options, message) => {
    expect(() => requestedLimits({ client: 'c', ...options })).toThrow(message);
  });
});
