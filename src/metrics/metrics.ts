// Prometheus metrics of one hub instance: requests and their outcomes (read off the audit event every request
// has), audit batches, live sources, the PostgreSQL pool and the Node process. Labels carry only codes the hub
// defines (operation names that look like identifiers are folded into `other`): never an ID number, purpose or case.
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { AuditEventInput } from '../audit/event.js';
import type { LiveSources } from '../live/registry.js';
import type { LiveSourceNote } from '../live/records.js';

/** An operation name as a label: a plain GraphQL name without long digit runs (which could be an identifier). */
const SAFE_OPERATION = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const DIGIT_RUN = /\d{5,}/;

export function operationLabel(event: Pick<AuditEventInput, 'operationName' | 'action'>): string {
  const name = event.operationName;
  if (name && SAFE_OPERATION.test(name) && !DIGIT_RUN.test(name)) return name;
  return name ? 'other' : event.action;
}

/** The client as a label: its registered id, or the kind of principal (a holder is never named). */
export function clientLabel(event: Pick<AuditEventInput, 'principalKind' | 'clientId'>): string {
  if (event.principalKind === 'CLIENT' && event.clientId && SAFE_OPERATION.test(event.clientId.replace(/-/g, '_'))) return event.clientId;
  return event.principalKind === 'HOLDER' ? 'holder' : 'anonymous';
}

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsSources {
  pool: Pool;
  liveSources: LiveSources;
  auditQueueDepth: () => number;
}

export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'client' | 'outcome'>;
  private readonly latency: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly auditBatches: Counter<'result'>;
  private readonly auditBatchSize: Histogram;
  private readonly auditCommit: Histogram;
  private readonly auditEvents: Counter;
  private readonly liveCalls: Counter<'resource_type' | 'outcome'>;
  private readonly liveLatency: Histogram<'resource_type'>;
  /** Watches for full collections, to read the heap right after each. */
  private readonly gcObserver: PerformanceObserver;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'sharehub_' });
    this.requests = new Counter({ name: 'sharehub_requests_total', help: 'Requests by operation, client and outcome (every request has one audit event).', labelNames: ['operation', 'client', 'outcome'], registers });
    this.latency = new Histogram({ name: 'sharehub_request_duration_seconds', help: 'Time from the request to its durable audit event, by operation and outcome.', labelNames: ['operation', 'outcome'], buckets: LATENCY_BUCKETS, registers });
    this.errors = new Counter({ name: 'sharehub_errors_total', help: 'Errors answered, by code (extensions.code).', labelNames: ['code'], registers });
    this.auditBatches = new Counter({ name: 'sharehub_audit_batches_total', help: 'Audit group commits, by result.', labelNames: ['result'], registers });
    this.auditBatchSize = new Histogram({ name: 'sharehub_audit_batch_events', help: 'Events per audit group commit.', buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], registers });
    this.auditCommit = new Histogram({ name: 'sharehub_audit_commit_seconds', help: 'Time to commit one audit batch durably.', buckets: LATENCY_BUCKETS, registers });
    this.auditEvents = new Counter({ name: 'sharehub_audit_events_total', help: 'Audit events committed.', registers });
    new Gauge({ name: 'sharehub_audit_queue_depth', help: 'Requests waiting for their audit events to be committed.', registers, collect() { this.set(sources.auditQueueDepth()); } });
    this.liveCalls = new Counter({ name: 'sharehub_live_source_calls_total', help: 'Calls to live sources, by resource type and outcome (SERVED, FALLBACK, UNAVAILABLE).', labelNames: ['resource_type', 'outcome'], registers });
    this.liveLatency = new Histogram({ name: 'sharehub_live_source_duration_seconds', help: 'Time of successful live source calls.', labelNames: ['resource_type'], buckets: LATENCY_BUCKETS, registers });
    new Gauge({
      name: 'sharehub_live_source_up',
      help: "1 when a live source's circuit breaker lets calls through (CLOSED or HALF_OPEN), 0 when OPEN.",
      labelNames: ['resource_type', 'state'],
      registers,
      collect() {
        this.reset();
        for (const s of sources.liveSources.all()) this.set({ resource_type: s.settings.resourceType, state: s.state }, s.isOpen ? 0 : 1);
      },
    });
    // The heap right after a full collection is the data the process still holds; the heap at any other moment is
    // mostly garbage waiting for the next one (V8 lets it grow to several times the live data before collecting).
    const heapLive = new Gauge({ name: 'sharehub_heap_live_bytes', help: 'V8 heap in use right after the last full (mark-compact) collection: the data the process holds. Growth over hours of steady load is a leak.', registers });
    this.gcObserver = new PerformanceObserver((list) => {
      const isFull = list.getEntries().some((e) => ((e as { detail?: { kind?: number } }).detail?.kind) === perfConstants.NODE_PERFORMANCE_GC_MAJOR);
      if (isFull) heapLive.set(v8.getHeapStatistics().used_heap_size);
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
    new Gauge({
      name: 'sharehub_db_pool_connections',
      help: 'PostgreSQL pool connections of the request path, by state (in_use, idle, waiting requests).',
      labelNames: ['state'],
      registers,
      collect() {
        const { totalCount, idleCount, waitingCount } = sources.pool;
        this.set({ state: 'in_use' }, totalCount - idleCount);
        this.set({ state: 'idle' }, idleCount);
        this.set({ state: 'waiting' }, waitingCount);
      },
    });
  }

  /** One request, by its main audit event, `seconds` after it started. */
  observeRequest(event: AuditEventInput, seconds: number): void {
    const operation = operationLabel(event);
    this.requests.inc({ operation, client: clientLabel(event), outcome: event.outcome });
    this.latency.observe({ operation, outcome: event.outcome }, seconds);
    for (const code of event.errorCodes) this.errors.inc({ code: SAFE_OPERATION.test(code) ? code : 'OTHER' });
    const notes = (event.details?.liveSources as LiveSourceNote[] | undefined) ?? [];
    for (const n of notes) {
      this.liveCalls.inc({ resource_type: n.resourceType, outcome: n.outcome });
      if (n.ms !== null && n.outcome === 'SERVED') this.liveLatency.observe({ resource_type: n.resourceType }, n.ms / 1000);
    }
  }

  /** Stops watching the collector. */
  close(): void {
    this.gcObserver.disconnect();
  }

  /** One audit group commit. */
  observeAuditBatch(events: number, seconds: number, isCommitted: boolean): void {
    this.auditBatches.inc({ result: isCommitted ? 'committed' : 'failed' });
    if (!isCommitted) return;
    this.auditBatchSize.observe(events);
    this.auditCommit.observe(seconds);
    this.auditEvents.inc(events);
  }
}
