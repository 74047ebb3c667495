// Per-client rate limits at the edge: a token bucket per caller (defaults from configuration, overrides per client in
// the client registry). Beyond it the hub answers 429 RATE_LIMITED with Retry-After, audited as a refusal naming the
// client. Buckets live in this instance's memory: behind N instances a client gets up to N times its rate.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import type { Logger } from '../log.js';
import { refuse, type RefusalRecorder } from './overload.js';

export interface RateLimit {
  /** Sustained requests per second: the bucket's refill. */
  perSecond: number;
  /** Requests at once before the rate applies: the bucket's size. */
  burst: number;
}

/** A client's overrides from the registry; null fields (or no row) take the defaults. */
export type RateLimitOverrides = (clientId: string) => Promise<{ perSecond: number | null; burst: number | null } | null>;

/** Buckets kept before full ones (idle callers) are dropped. */
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms, from the injected clock). */
  at: number;
}

/** Token buckets by key. Pure over an injected millisecond clock, so the arithmetic is unit-testable. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly nowMs: () => number = () => performance.now()) {}

  /** Spends one token of `key`'s bucket: null when allowed, else the seconds until a token is there. */
  take(key: string, limit: RateLimit): number | null {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? this.added(key, limit, now);
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return (1 - bucket.tokens) / limit.perSecond;
  }

  get size(): number {
    return this.buckets.size;
  }

  private added(key: string, limit: RateLimit, now: number): Bucket {
    if (this.buckets.size >= MAX_BUCKETS) {
      // A bucket that would be full again is the same as no bucket: forget those.
      for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * limit.perSecond >= limit.burst) this.buckets.delete(k);
    }
    const bucket = { tokens: limit.burst, at: now };
    this.buckets.set(key, bucket);
    return bucket;
  }
}

export interface RateLimiterDeps {
  defaults: RateLimit;
  overrides: RateLimitOverrides;
  refusals: RefusalRecorder;
  hashSubject: SubjectHasher;
  clock: () => Date;
  logger: Logger;
  buckets?: TokenBuckets;
}

function positiveOr(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export class RateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(private readonly deps: RateLimiterDeps) {
    this.buckets = deps.buckets ?? new TokenBuckets();
  }

  /** The limit of a caller: a client's registry overrides over the defaults; holders take the defaults. */
  private async limitOf(principal: Principal): Promise<RateLimit> {
    const { defaults } = this.deps;
    if (principal.kind !== 'CLIENT') return defaults;
    // Unreadable overrides (database busy) must not fail the request: the defaults apply meanwhile.
    const own = await this.deps.overrides(principal.clientId).catch(() => null);
    return { perSecond: positiveOr(own?.perSecond, defaults.perSecond), burst: Math.max(1, Math.floor(positiveOr(own?.burst, defaults.burst))) };
  }

  /** Spends one of the caller's tokens; or answers 429 RATE_LIMITED with Retry-After itself and returns false. */
  async allow(req: IncomingMessage, res: ServerResponse, requestId: string, principal: Principal): Promise<boolean> {
    const limit = await this.limitOf(principal);
    const key = principal.kind === 'CLIENT' ? `client:${principal.clientId}` : `holder:${this.deps.hashSubject(principal.subjectId)}`;
    const waitSeconds = this.buckets.take(key, limit);
    if (waitSeconds === null) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitSeconds));
    this.deps.logger.info({ requestId, clientId: principal.kind === 'CLIENT' ? principal.clientId : null, retryAfterSeconds }, 'request refused: rate limited');
    refuse(this.deps, req, res, requestId, principal, {
      status: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests: this client may make ${limit.perSecond} per second (${limit.burst} at once). Try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
      details: { perSecond: limit.perSecond, burst: limit.burst },
    });
    return false;
  }
}
