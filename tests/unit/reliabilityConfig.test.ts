// Configuration of the hub's bounds under load (database waits, requests in flight, per-client rates): defaults, and a
// bad value names its variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig({ SHAREHUB_DEMO: '1', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('database waits', () => {
  it('default to a 10 s statement timeout and a 5 s wait for a pooled connection', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).database).toEqual({ statementTimeoutMs: 10_000, poolWaitTimeoutMs: 5_000 });
    expect(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_STATEMENT_TIMEOUT_MS: '2500', SHAREHUB_POOL_WAIT_TIMEOUT_MS: '750' }).database).toEqual({
      statementTimeoutMs: 2_500,
      poolWaitTimeoutMs: 750,
    });
  });

  it('are always bounded: zero, negative or not a number is refused, naming the variable', () => {
    for (const value of ['0', '-1', 'soon', '1.5']) {
      expect(problemOf({ SHAREHUB_STATEMENT_TIMEOUT_MS: value })).toBe('SHAREHUB_STATEMENT_TIMEOUT_MS');
      expect(problemOf({ SHAREHUB_POOL_WAIT_TIMEOUT_MS: value })).toBe('SHAREHUB_POOL_WAIT_TIMEOUT_MS');
    }
  });
});

describe('requests in flight', () => {
  it('default to 200; zero or not a number is refused, naming the variable', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).overload.maxInFlight).toBe(200);
    expect(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_MAX_IN_FLIGHT: '16' }).overload.maxInFlight).toBe(16);
    for (const value of ['0', '-3', 'many']) expect(problemOf({ SHAREHUB_MAX_IN_FLIGHT: value })).toBe('SHAREHUB_MAX_IN_FLIGHT');
  });
});

describe('per-client rate limits', () => {
  it('default to 100 per second in bursts of 200; a fractional rate is allowed, a bad value names its variable', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).overload.rateLimit).toEqual({ perSecond: 100, burst: 200 });
    expect(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_RATE_LIMIT_PER_SECOND: '0.5', SHAREHUB_RATE_LIMIT_BURST: '3' }).overload.rateLimit).toEqual({ perSecond: 0.5, burst: 3 });
    for (const value of ['0', '-1', 'fast']) expect(problemOf({ SHAREHUB_RATE_LIMIT_PER_SECOND: value })).toBe('SHAREHUB_RATE_LIMIT_PER_SECOND');
    for (const value of ['0', '2.5', 'many']) expect(problemOf({ SHAREHUB_RATE_LIMIT_BURST: value })).toBe('SHAREHUB_RATE_LIMIT_BURST');
  });
});
