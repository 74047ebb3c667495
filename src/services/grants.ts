// Grants as the access plan reads them: the consumer's ACTIVE grants valid at `now`, in one query.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplicableGrant } from '../authz/plan.js';
import { TEXT_ARRAY, textArray } from '../db/sql.js';
import type { RequestContext } from '../server/context.js';
import { isInOrmTransaction, type NamedStatement } from '../db/statements.js';

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
 * The consumer's ACTIVE grants on the types valid at `now`, with the placeholders each way of running it binds: the
 * ORM's `?` (the types as TEXT_ARRAY) or a named statement's `$n` (`now` bound once).
 */
function applicableGrantsSql(consumer: string, types: string, now: string, nowAgain: string): string {
  return `SELECT id, version, resource_type_code, client_id, purposes, rules, row_scope FROM access_grant
     WHERE consumer_code = ${consumer} AND resource_type_code = ANY(${types}) AND status = 'ACTIVE' AND valid_from <= ${now} AND valid_until > ${nowAgain}
     ORDER BY id`;
}

/** The rows by type: every type asked for, with no grant where none came back. */
function grantsByType(resourceTypes: readonly string[], rows: readonly GrantRow[]): Map<string, ApplicableGrant[]> {
  const byType = new Map<string, ApplicableGrant[]>(resourceTypes.map((t) => [t, []]));
  for (const r of rows) {
    byType.get(r.resource_type_code)?.push({ id: r.id, version: r.version, clientId: r.client_id, purposes: r.purposes, rules: r.rules, rowScope: r.row_scope });
  }
  return byType;
}

/**
 * Read per request, never cached: a revocation, suspension or expiry is effective on the very next
 * request on every instance, with nothing to invalidate.
 */
export async function applicableGrants(em: EntityManager, consumerCode: string, resourceTypes: string[], now: Date): Promise<Map<string, ApplicableGrant[]>> {
  if (resourceTypes.length === 0) return grantsByType(resourceTypes, []);
  const rows = await em.execute<GrantRow[]>(applicableGrantsSql('?', TEXT_ARRAY, '?', '?'), [consumerCode, textArray(resourceTypes), now, now]);
  return grantsByType(resourceTypes, rows);
}

/**
 * applicableGrants' query as a named statement: parsed and planned once per connection (through the ORM its text is
 * new on every request, and PostgreSQL parsed and planned it every time). The types go through
 * `array(SELECT unnest($2))` so that the generic plan is kept (see CHECKED_READ in records.ts).
 */
const APPLICABLE_GRANTS: NamedStatement = {
  name: 'sharehub.grants.applicable',
  text: applicableGrantsSql('$1', 'array(SELECT unnest($2::text[]))', '$3', '$3'),
};

/** The same grants as applicableGrants, on the hub's named statement (outside an ORM transaction only). */
async function applicableGrantsByStatement(ctx: RequestContext, consumerCode: string, resourceTypes: string[]): Promise<Map<string, ApplicableGrant[]>> {
  return grantsByType(resourceTypes, await ctx.hub.statements<GrantRow>(APPLICABLE_GRANTS, [consumerCode, resourceTypes, ctx.now]));
}

/**
 * The department's grants by type for this request (at its `now`): types asked for in one tick share one query, and
 * a type asked for again in the request (an application's certificate material after its item was planned) costs none.
 */
export function requestGrants(ctx: RequestContext, departmentCode: string): DataLoader<string, ApplicableGrant[]> {
  const key = `grants:${departmentCode}`;
  const existing = ctx.loaders.custom.get(key) as DataLoader<string, ApplicableGrant[]> | undefined;
  if (existing) return existing;
  const loader = new DataLoader<string, ApplicableGrant[]>(async (types) => {
    const byType = isInOrmTransaction() ? await applicableGrants(ctx.em, departmentCode, [...types], ctx.now) : await applicableGrantsByStatement(ctx, departmentCode, [...types]);
    return types.map((t) => byType.get(t) ?? []);
  });
  ctx.loaders.custom.set(key, loader as DataLoader<string, unknown>);
  return loader;
}

/** The department's grants for `types` in this request, by type (one query for all of them, shared with later asks). */
export async function requestGrantsByType(ctx: RequestContext, departmentCode: string | null, types: readonly string[]): Promise<Map<string, ApplicableGrant[]>> {
  const unique = [...new Set(types)];
  if (departmentCode === null) return new Map(unique.map((t) => [t, []]));
  const loader = requestGrants(ctx, departmentCode);
  return new Map(await Promise.all(unique.map(async (t) => [t, await loader.load(t)] as const)));
}
