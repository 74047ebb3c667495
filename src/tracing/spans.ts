// The hub's own spans, where no instrumentation reaches: the request, token verification, the access plan, live-source
// calls and the audit commit. Written against @opentelemetry/api, so each is a no-op until tracing is started.
import { context, createContextKey, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';

/** Attributes every span started under a request (or an audit batch) carries: the request id(s). */
const REQUEST_ATTRIBUTES = createContextKey('sharehub request attributes');

/** The request id(s) of the request (or batch) a span is started under; undefined outside of one. */
export function requestAttributesOf(ctx: Context): Attributes | undefined {
  return ctx.getValue(REQUEST_ATTRIBUTES) as Attributes | undefined;
}

/** Request ids on one audit batch span (the links name every waiting request; this is for searching). */
const MAX_BATCH_REQUEST_IDS = 50;

/**
 * Whether this process traces (set by startTracing in tracing.ts, cleared by its shutdown). Until then each span here
 * is skipped outright rather than made as the API's no-op: a request then pays nothing for tracing.
 */
let isTracing = false;

export function setTracing(isOn: boolean): void {
  isTracing = isOn;
}

/** What `fn` gets when nothing is traced: records nothing, like the API's no-op spans. */
const UNTRACED = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

function tracer() {
  return trace.getTracer('sharehub');
}

/** Marks the span failed. The error's message is never recorded: it may quote an identifier or a purpose. */
function fail(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', (error as Error | undefined)?.name ?? 'Error');
}

async function runInSpan<T>(span: Span, fn: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await fn(span);
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * One trace per request: a root SERVER span for it, and every span started while `fn` runs (SQL included) under it
 * with the request id. Incoming trace headers are not followed: a trace starts at the hub.
 */
export function traceRequest<T>(requestId: string, method: string, path: string, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!isTracing) return fn(UNTRACED);
  const ctx = ROOT_CONTEXT.setValue(REQUEST_ATTRIBUTES, { 'sharehub.request_id': requestId });
  const attributes = { 'http.request.method': method, 'url.path': path };
  return tracer().startActiveSpan(`${method} ${path}`, { kind: SpanKind.SERVER, attributes }, ctx, (span) => runInSpan(span, fn));
}

/** A span around one step of the current request (token verification, access plan, live-source call). */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!isTracing) return fn(UNTRACED);
  return tracer().startActiveSpan(name, { kind, attributes }, (span) => runInSpan(span, fn));
}

/**
 * Runs `fn` outside of any request: work that serves many requests (the audit writer's loop) must not be counted in
 * the trace of the one that happened to start it.
 */
export function outsideRequest<T>(fn: () => T): T {
  return context.with(ROOT_CONTEXT, fn);
}

/**
 * A request waiting for its audit events to be durable (`sharehub.audit.wait`, in the request's trace). `fn` gets the
 * span so the batch that commits the events can link to it (and it to the batch).
 */
export function traceAuditWait(events: number, fn: (span: Span) => Promise<void>): Promise<void> {
  return inSpan('sharehub.audit.wait', { 'sharehub.audit.events': events }, fn);
}

/**
 * One group commit (`sharehub.audit.commit`): its own trace, since it serves many requests, linked to each waiting
 * request's `sharehub.audit.wait` span (and each of those linked back to it). Its SQL is under it.
 */
export function traceAuditCommit<T>(waits: readonly Span[], requestIds: readonly string[], events: number, fn: () => Promise<T>): Promise<T> {
  if (!isTracing) return fn();
  const ids = [...new Set(requestIds)];
  const links: Link[] = waits.map((w) => ({ context: w.spanContext() })).filter((l) => trace.isSpanContextValid(l.context));
  const ctx = ROOT_CONTEXT.setValue(REQUEST_ATTRIBUTES, { 'sharehub.request_ids': ids.slice(0, MAX_BATCH_REQUEST_IDS) });
  const attributes = { 'sharehub.audit.events': events, 'sharehub.audit.requests': ids.length };
  return tracer().startActiveSpan('sharehub.audit.commit', { attributes, links }, ctx, (span) => {
    for (const w of waits) w.addLink({ context: span.spanContext() });
    return runInSpan(span, fn);
  });
}

/** Token verification (`sharehub.token.verify`): the principal's kind, or why the token was refused. */
export function traceTokenVerification<T extends { kind: string; clientId?: string }>(fn: () => Promise<T>, refusalOf: (error: unknown) => string | null): Promise<T> {
  if (!isTracing) return fn();
  return inSpan('sharehub.token.verify', {}, async (span) => {
    try {
      const principal = await fn();
      span.setAttribute('sharehub.principal.kind', principal.kind);
      if (principal.clientId) span.setAttribute('sharehub.client_id', principal.clientId);
      return principal;
    } catch (error) {
      const reason = refusalOf(error);
      if (reason) span.setAttribute('sharehub.token.refused', reason);
      throw error;
    }
  });
}

/** One `_entities` call to a live source (`sharehub.live_source.call`): the type and how many subjects, never which. */
export function traceLiveSourceCall<T>(resourceType: string, subjects: number, fields: number, fn: (span: Span) => Promise<T>): Promise<T> {
  const attributes = { 'sharehub.resource_type': resourceType, 'sharehub.live_source.subjects': subjects, 'sharehub.live_source.fields': fields };
  return inSpan('sharehub.live_source.call', attributes, fn, SpanKind.CLIENT);
}
