// The span processor every span passes: it stamps the request id(s) from the context a span starts in, and, as the
// span ends, cuts identifiers and literals out of what it carries (SQL text, event text) and drops error messages.
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { redactIdentifiers, sanitizeStatement } from './redaction.js';
import { requestAttributesOf } from './spans.js';

/** Attributes holding SQL text (the stable and the older semantic convention names). */
const STATEMENT_ATTRIBUTES = new Set(['db.query.text', 'db.statement']);

type AttributeValue = Span['attributes'][string];

function redactValue(key: string, value: AttributeValue): AttributeValue {
  const clean = STATEMENT_ATTRIBUTES.has(key) ? sanitizeStatement : redactIdentifiers;
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? clean(v) : v)) as AttributeValue;
  return value;
}

export class RequestSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const attributes = requestAttributesOf(parentContext);
    if (attributes) span.setAttributes(attributes);
  }

  /** Runs while the span can still be changed, before any exporter sees it. */
  onEnding(span: Span): void {
    for (const [key, value] of Object.entries(span.attributes)) {
      const clean = redactValue(key, value);
      if (clean !== value) span.setAttribute(key, clean!);
    }
    for (const event of span.events) {
      // Events are plain records the SDK keeps; an exception event's message could quote a value.
      const attributes = event.attributes as Record<string, AttributeValue> | undefined;
      for (const [key, value] of Object.entries(attributes ?? {})) attributes![key] = redactValue(key, value);
    }
    // A status message is the error's own text (the pg instrumentation puts PostgreSQL's there, which can quote a
    // parameter's value): the code stays, the text goes.
    if (span.status.message !== undefined) span.setStatus({ code: span.status.code });
    const name = redactIdentifiers(span.name);
    if (name !== span.name) span.updateName(name);
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
