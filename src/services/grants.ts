// Grants as the access plan reads them: the consumer's ACTIVE grants valid at `now`, in one query.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicableGrant } from '../authz/plan.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';

interface GrantRow {
  id: string;
  version: number;
  resource_type_code: string;
  client_id: string | null;
  purposes: string[];
  rules: ApplicableGrant['rules'];
  row_scope: ApplicableGrant['rowScope'];
}

/**
 * Read per request, never cached: a revocation, suspension or expiry is effective on the very next
 * request on every instance, with nothing to invalidate.
 */
export async function applicableGrants(em: EntityManager, consumerCode: string, resourceTypes: string[], now: Date): Promise<Map<string, ApplicableGrant[]>> {
  const byType = new Map<string, ApplicableGrant[]>(resourceTypes.map((t) => [t, []]));
  if (resourceTypes.length === 0) return byType;
  const rows = await em.execute<GrantRow[]>(
    `SELECT id, version, resource_type_code, client_id, purposes, rules, row_scope FROM access_grant
     WHERE consumer_code = ? AND resource_type_code = ANY(${TEXT_ARRAY}) AND status = 'ACTIVE' AND valid_from <= ? AND valid_until > ?
     ORDER BY id`,
    [consumerCode, textArray(resourceTypes), now, now],
  );
  for (const r of rows) {
    byType.get(r.resource_type_code)?.push({ id: r.id, version: r.version, clientId: r.client_id, purposes: r.purposes, rules: r.rules, rowScope: r.row_scope });
  }
  return byType;
}
