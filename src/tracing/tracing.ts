// Starts OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set: the Node SDK, spans batched to the collector over
// OTLP/HTTP (JSON), the pg instrumentation for SQL statements, and the processor that stamps request ids and redacts.
import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config.js';
import type { Logger } from '../log.js';
import { RequestSpanProcessor } from './processor.js';
import { setTracing } from './spans.js';

export interface Tracing {
  /** Exports every span ended so far. */
  forceFlush(): Promise<void>;
  /** Exports what is left and stops the SDK (at shutdown, after the hub has closed). */
  shutdown(): Promise<void>;
}

/** Where each copy of `pg` the hub runs is resolved from: its own (audit writer, notifications) and MikroORM's driver's. */
const PG_HOMES = [import.meta.url, createRequire(import.meta.url).resolve('@mikro-orm/postgresql/package.json')];

/**
 * Hooks SQL statements into traces, whatever was imported first. The hub and MikroORM import `pg` as ES modules,
 * which pass no require hook, so starting the SDK early would not be enough. But the instrumentation patches
 * `Client.prototype.query`, which ESM and CommonJS users share, as soon as `pg` is required through the hook:
 * so each copy is required once here, after the SDK has started. Says which copies could not be hooked.
 */
function hookPg(): string[] {
  const missed: string[] = [];
  for (const home of PG_HOMES) {
    const pg = createRequire(home)('pg') as { Client: { prototype: { query: { __wrapped?: boolean } } } };
    if (pg.Client.prototype.query.__wrapped !== true) missed.push(createRequire(home).resolve('pg'));
  }
  return missed;
}

/** Starts tracing for this process. Call once, before the hub serves. */
export function startTracing(settings: TracingConfig, logger: Logger): Tracing {
  const pg = new PgInstrumentation({
    // Values are never recorded, nor sent to the database in comments; SQL outside a request or an audit batch
    // (LISTEN/NOTIFY, maintenance) makes no trace of its own.
    enhancedDatabaseReporting: false,
    addSqlCommenterCommentToQueries: false,
    enableTraceContextPropagation: false,
    requireParentSpan: true,
    ignoreConnectSpans: true,
  });
  const batches = new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.tracesUrl }) });
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    spanProcessors: [new RequestSpanProcessor(), batches],
    // Traces only: no OTLP metrics (Prometheus has them) and no OTLP logs (pino writes those).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [pg],
  });
  sdk.start();
  setTracing(true);
  const missed = hookPg();
  if (missed.length) logger.warn({ missed }, 'tracing: SQL statements of these pg copies are not traced');
  logger.info({ endpoint: settings.endpoint, serviceName: settings.serviceName }, 'tracing: spans are sent over OTLP/HTTP');
  let isShutDown = false;
  return {
    forceFlush: () => batches.forceFlush(),
    async shutdown() {
      if (isShutDown) return;
      isShutDown = true;
      setTracing(false);
      await sdk.shutdown();
      // Leaves the process as it was before (pg unpatched, no global provider): a test process goes on without it.
      pg.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
