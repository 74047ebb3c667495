// A request's changes and their audit events: each event goes into the outbox inside the change's transaction.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../server/context.js';
import { baseAuditEvent } from './base.js';
import { insertOutboxEvents, type ChangeEvent } from './outbox.js';

/**
 * Records the audit events of a change in `em`, the change's transaction (em.transactional's fork): the change and its
 * events commit together or not at all. The response waits until the writer has linked them into the chain.
 */
export async function recordChange(ctx: RequestContext, em: EntityManager, ...changes: ChangeEvent[]): Promise<void> {
  const base = { ...baseAuditEvent(ctx, ctx.hub.hashSubject), operationName: ctx.audit.operationName, operationHash: ctx.audit.operationHash };
  await insertOutboxEvents(
    em,
    changes.map((c) => ({ ...base, ...c })),
  );
  ctx.audit.hasOutboxEvents = true;
}
