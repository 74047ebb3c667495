// The access plan's span: wraps the access-plan plugin's decision (didResolveOperation) in `sharehub.access_plan`
// and describes the plan it made by codes and counts only (which fields, for whom, is the audit log's business).
import type { ApolloServerPlugin } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import type { AccessPlan } from '../authz/plan.js';
import type { RequestContext } from '../server/context.js';
import { inSpan } from './spans.js';

const EFFECT_ATTRIBUTES = [
  ['sharehub.plan.fields.allowed', 'ALLOW'],
  ['sharehub.plan.fields.masked', 'MASK'],
  ['sharehub.plan.fields.denied', 'DENY'],
] as const;

/** An operation that reads no catalog data keeps the empty plan: no types, no fields. */
function describePlan(span: Span, plan: AccessPlan): void {
  if (!span.isRecording()) return;
  const resources = [...plan.resources.values()];
  span.setAttribute('sharehub.plan.resource_types', resources.map((r) => r.resourceType));
  for (const [attribute, effect] of EFFECT_ATTRIBUTES) {
    span.setAttribute(attribute, resources.reduce((n, r) => n + [...r.selected].filter((f) => r.fields.get(f)?.effect === effect).length, 0));
  }
}

export function tracedAccessPlan(plugin: ApolloServerPlugin<RequestContext>): ApolloServerPlugin<RequestContext> {
  return {
    ...plugin,
    async requestDidStart(rc) {
      const listener = await plugin.requestDidStart?.(rc);
      const decide = listener?.didResolveOperation;
      if (!listener || !decide) return listener;
      return {
        ...listener,
        didResolveOperation: (resolved) =>
          inSpan('sharehub.access_plan', {}, async (span) => {
            await decide.call(listener, resolved);
            describePlan(span, resolved.contextValue.plan);
          }),
      };
    },
  };
}
