// The audit outbox: a change's event is inserted in the change's own transaction, so a committed change always has its
// event; the chain writer links outbox rows into the chain (in id order) before the response, or after a crash.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEventInput } from './event.js';

/** One change's event as the caller gives it: the request's fields (base event) are added by the caller. */
export type ChangeEvent = Pick<AuditEventInput, 'action'> & Partial<AuditEventInput>;

/** One statement for all of a change's events, inserted (and so numbered) in the order given. */
const INSERT_SQL = 'INSERT INTO audit_outbox (event) SELECT t.e FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n';

/** The event's JSON form in the outbox (a Date as ISO text; read back by eventOfOutbox). */
export function outboxJson(event: AuditEventInput): Record<string, unknown> {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

export function eventOfOutbox(json: Record<string, unknown>): AuditEventInput {
  return { ...(json as unknown as AuditEventInput), occurredAt: new Date(json.occurredAt as string) };
}

/**
 * Inserts the events into the outbox through `em`, which must be the change's transaction (em.transactional's fork):
 * they commit or roll back with the change.
 */
export async function insertOutboxEvents(em: EntityManager, events: AuditEventInput[]): Promise<void> {
  if (!em.isInTransaction()) throw new Error('audit outbox events are written inside the change transaction');
  if (events.length) await em.execute(INSERT_SQL, [JSON.stringify(events.map(outboxJson))], 'run');
}
