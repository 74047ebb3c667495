// One registered live source as this hub instance calls it: a circuit breaker (opossum), its credentials, and
// what administrators see of it (state, last failure category, median latency). One `_entities` call per batch.
import CircuitBreaker from 'opossum';
import type { LiveSourceCredential } from '../../entities/LiveSource.js';
import type { FieldDefinition, RecordValues } from '../catalog/definition.js';
import { valueProblem } from '../catalog/values.js';
import type { Logger } from '../log.js';
import type { SourceCredentials } from './credentials.js';
import { SourceFailure, type FailureCategory } from './errors.js';
import { entitiesQuery, postGraphQL, type GraphQLAnswer } from './protocol.js';
import { traceLiveSourceCall } from '../tracing/spans.js';

export interface LiveSourceSettings {
  resourceType: string;
  providerCode: string;
  url: string;
  entityTypeName: string;
  keyField: string;
  timeoutMs: number;
  isFallbackToPublished: boolean;
  version: number;
  credential: LiveSourceCredential;
  registeredAt: Date;
}

/** How every source's breaker trips and recovers (hub configuration). */
export interface BreakerSettings {
  /** Failing share of calls in the window, in percent, at which the breaker opens. */
  errorThresholdPercentage: number;
  /** Calls in the window before the breaker may open at all. */
  volumeThreshold: number;
  /** The statistical window. */
  rollingWindowMs: number;
  /** How long an open breaker waits before letting one trial call through (HALF_OPEN). */
  resetMs: number;
}

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Per subject, in the order asked: its values, null (the source holds no record), or why this record failed. */
export type EntityAnswer = RecordValues | null | SourceFailure;

export interface EntitiesAnswer {
  answers: EntityAnswer[];
  /** Wall time of the call as the hub saw it (token included). */
  ms: number;
}

/** Successful calls kept for the median. */
const LATENCY_WINDOW = 100;

function isOpenBreakerRejection(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';
}

/** The `_entities` list of an answer, or why the answer as a whole is unusable. */
function entitiesOf(answer: GraphQLAnswer, count: number): unknown[] {
  const entities = answer.data?._entities;
  if (Array.isArray(entities) && entities.length === count) return entities;
  throw new SourceFailure(answer.errors?.length ? 'GRAPHQL_ERRORS' : 'INVALID_RESPONSE');
}

/** Indexes of `_entities` that an error names (`path: ["_entities", i, ...]`); null when an error names no entity. */
function failedIndexes(answer: GraphQLAnswer): Set<number> | null {
  const failed = new Set<number>();
  for (const error of answer.errors ?? []) {
    const [root, index] = error.path ?? [];
    if (root !== '_entities' || typeof index !== 'number') return null;
    failed.add(index);
  }
  return failed;
}

/** A source's value in the hub's stored form (DECIMAL as text); a value that does not fit its field is an invalid answer. */
function valueOf(field: FieldDefinition, raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  // (valueProblem looks at `required` only for a missing value, handled above: a live record may lack any value.)
  if (valueProblem(field, raw)) throw new SourceFailure('INVALID_RESPONSE');
  return field.type === 'DECIMAL' ? String(raw) : (raw as string | number | boolean);
}

export class LiveSourceClient {
  private readonly breaker: CircuitBreaker<[readonly string[], readonly FieldDefinition[]], EntityAnswer[]>;
  private readonly latencies: number[] = [];
  private latencyNext = 0;
  /** The last failure: a category, never the source's own text. */
  lastError: { category: FailureCategory; at: Date } | null = null;

  constructor(
    readonly settings: LiveSourceSettings,
    private readonly credentials: SourceCredentials,
    breaker: BreakerSettings,
    logger: Logger,
  ) {
    // A failure is noted inside the action, so it is known when the breaker reacts to it.
    const action = (ids: readonly string[], fields: readonly FieldDefinition[]) =>
      this.call(ids, fields).catch((error: unknown) => {
        throw this.noteFailure(error);
      });
    this.breaker = new CircuitBreaker(action, {
      name: `live:${settings.resourceType}`,
      // The deadline is the source's own timeout (AbortSignal in call), which also cancels the request.
      timeout: false,
      errorThresholdPercentage: breaker.errorThresholdPercentage,
      volumeThreshold: breaker.volumeThreshold,
      rollingCountTimeout: breaker.rollingWindowMs,
      resetTimeout: breaker.resetMs,
      rollingPercentilesEnabled: false,
    });
    // Operators see the transitions with the failure category only: a provider's own error text may carry personal data.
    const log = logger.child({ resourceType: settings.resourceType, sourceVersion: settings.version });
    this.breaker.on('open', () => log.warn({ lastError: this.lastError?.category ?? null }, 'live source breaker opened: calls are refused until the reset time'));
    this.breaker.on('halfOpen', () => log.info('live source breaker half open: the next call is a trial'));
    this.breaker.on('close', () => log.info('live source breaker closed: calls go to the source again'));
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'OPEN';
    return this.breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED';
  }

  /** Whether calls are refused now without reaching the source. */
  get isOpen(): boolean {
    return this.breaker.opened;
  }

  /** Median wall time of the recent successful calls, in ms; null before the first. */
  get latencyP50(): number | null {
    if (this.latencies.length === 0) return null;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  /**
   * The records of `ids` with only `fields`, in one `_entities` call through the breaker. Rejects with a
   * SourceFailure when the call as a whole failed (or the breaker is open); single records may fail alone.
   */
  fetchEntities(ids: readonly string[], fields: readonly FieldDefinition[]): Promise<EntitiesAnswer> {
    return traceLiveSourceCall(this.settings.resourceType, ids.length, fields.length, async (span) => {
      try {
        const answer = await this.fetchThroughBreaker(ids, fields);
        span.setAttribute('sharehub.live_source.failed_records', answer.answers.filter((a) => a instanceof SourceFailure).length);
        return answer;
      } catch (error) {
        if (error instanceof SourceFailure) span.setAttribute('sharehub.live_source.failure', error.category);
        throw error;
      }
    });
  }

  private async fetchThroughBreaker(ids: readonly string[], fields: readonly FieldDefinition[]): Promise<EntitiesAnswer> {
    const started = performance.now();
    try {
      const answers = await this.breaker.fire(ids, fields);
      const ms = Math.round((performance.now() - started) * 10) / 10;
      this.noteLatency(ms);
      const failed = answers.find((a): a is SourceFailure => a instanceof SourceFailure);
      if (failed) this.lastError = { category: failed.category, at: new Date() };
      return { answers, ms };
    } catch (error) {
      if (error instanceof SourceFailure) throw error;
      throw isOpenBreakerRejection(error) ? new SourceFailure('BREAKER_OPEN') : this.noteFailure(error);
    }
  }

  private noteFailure(error: unknown): SourceFailure {
    const failure = error instanceof SourceFailure ? error : new SourceFailure('UNREACHABLE');
    this.lastError = { category: failure.category, at: new Date() };
    return failure;
  }

  /** Stops the breaker's timers. */
  close(): void {
    this.breaker.shutdown();
  }

  private noteLatency(ms: number): void {
    this.latencies[this.latencyNext] = ms;
    this.latencyNext = (this.latencyNext + 1) % LATENCY_WINDOW;
  }

  private async call(ids: readonly string[], fields: readonly FieldDefinition[]): Promise<EntityAnswer[]> {
    const { url, entityTypeName, keyField, timeoutMs } = this.settings;
    const signal = AbortSignal.timeout(timeoutMs);
    const bearer = await this.credentials.bearer(signal);
    let answer: GraphQLAnswer;
    try {
      answer = await postGraphQL({
        url,
        query: entitiesQuery(entityTypeName, keyField, fields.map((f) => f.name)),
        variables: { representations: ids.map((id) => ({ __typename: entityTypeName, [keyField]: id })) },
        bearer,
        signal,
      });
    } catch (error) {
      if (error instanceof SourceFailure && error.category === 'HTTP_401') this.credentials.forget();
      throw error;
    }
    const entities = entitiesOf(answer, ids.length);
    const failed = failedIndexes(answer);
    if (failed === null) throw new SourceFailure('GRAPHQL_ERRORS');
    return ids.map((id, i) => {
      if (failed.has(i)) return new SourceFailure('GRAPHQL_ERRORS');
      const entity = entities[i];
      if (entity === null || entity === undefined) return null;
      if (typeof entity !== 'object' || Array.isArray(entity)) return new SourceFailure('INVALID_RESPONSE');
      const given = entity as Record<string, unknown>;
      // An answer about another subject than the one asked is never served.
      if (given[keyField] !== id) return new SourceFailure('INVALID_RESPONSE');
      const values: RecordValues = {};
      try {
        for (const f of fields) values[f.name] = valueOf(f, given[f.name]);
      } catch (error) {
        return error instanceof SourceFailure ? error : new SourceFailure('INVALID_RESPONSE');
      }
      return values;
    });
  }
}
