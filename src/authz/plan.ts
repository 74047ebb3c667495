// The access plan: for every catalog field an operation selects, ALLOW, MASK or DENY, decided once from the
// principal's grants and the purpose, before any data is fetched. Pure functions over plain data.
import type { CatalogEntry } from '../catalog/catalog.js';
import type { MaskRule } from '../catalog/definition.js';
import type { FieldRule, RowScope } from '../../entities/Grant.js';

/** A grant as the plan needs it: already filtered to the consumer, the resource type, ACTIVE and valid now. */
export interface ApplicableGrant {
  id: string;
  version: number;
  clientId: string | null;
  purposes: string[];
  rules: FieldRule[];
  rowScope: RowScope | null;
}

export interface FieldDecision {
  effect: 'ALLOW' | 'MASK' | 'DENY';
  mask?: MaskRule;
  /** The grant (id@version) that decided it; absent for the provider's own data and for a default deny. */
  grant?: string;
}

export interface ResourcePlan {
  resourceType: string;
  /** The provider reads its own data in full. */
  isProvider: boolean;
  /** Decision for every field of the type. */
  fields: Map<string, FieldDecision>;
  /** The catalog fields the operation selects. */
  selected: Set<string>;
  /** null: every subject; else a subject is in scope when one scope matches. */
  rowScopes: RowScope[] | null;
}

export interface PlanInput {
  departmentCode: string | null;
  clientId: string | null;
  purpose: string;
  entry: CatalogEntry;
  selected: Set<string>;
  /** Grants of the principal's department for this resource type, ACTIVE and within validity at `now`. */
  grants: ApplicableGrant[];
}

const DENY: FieldDecision = { effect: 'DENY' };

/**
 * Deny by default; NOT_SHARED fields only for the provider; an explicit DENY in any applicable grant wins;
 * otherwise an ALLOW wins over a MASK (the consumer holds a grant to the clear value).
 */
export function planResource(input: PlanInput): ResourcePlan {
  const { entry } = input;
  if (input.departmentCode !== null && input.departmentCode === entry.providerCode) {
    return { resourceType: entry.code, isProvider: true, fields: new Map(entry.fields.map((f) => [f.name, { effect: 'ALLOW' }])), selected: input.selected, rowScopes: null };
  }
  const grants = input.grants.filter((g) => g.purposes.includes(input.purpose) && (g.clientId === null || g.clientId === input.clientId));
  const fields = new Map<string, FieldDecision>();
  const scopes: RowScope[] = [];
  let isUnscoped = false;
  for (const field of entry.fields) {
    if (field.sharing === 'NOT_SHARED') {
      fields.set(field.name, DENY);
      continue;
    }
    let decision: FieldDecision = DENY;
    for (const grant of grants) {
      const rule = grant.rules.find((r) => r.field === field.name);
      if (!rule) continue;
      const cited = `${grant.id}@${grant.version}`;
      if (rule.effect === 'DENY') {
        decision = { effect: 'DENY', grant: cited };
        break;
      }
      if (rule.effect === 'ALLOW' && decision.effect !== 'ALLOW') decision = { effect: 'ALLOW', grant: cited };
      else if (rule.effect === 'MASK' && decision.effect === 'DENY' && rule.mask) decision = { effect: 'MASK', mask: rule.mask, grant: cited };
    }
    fields.set(field.name, decision);
  }
  for (const grant of grants) {
    const grantsSomething = grant.rules.some((r) => r.effect !== 'DENY');
    if (!grantsSomething) continue;
    if (grant.rowScope) scopes.push(grant.rowScope);
    else isUnscoped = true;
  }
  // Without any grant every field is denied already; a row scope would only hide which subjects have a record.
  const rowScopes = isUnscoped || scopes.length === 0 ? null : scopes;
  return { resourceType: entry.code, isProvider: false, fields, selected: input.selected, rowScopes };
}

/** Whether a record (by its values of the scope fields) is within the plan's row scope. */
export function isInScope(plan: ResourcePlan, values: Record<string, unknown>): boolean {
  if (plan.rowScopes === null) return true;
  return plan.rowScopes.some((s) => s.values.includes(String(values[s.field] ?? '')));
}

/** The fields that must be read from storage: allowed or masked ones, and the row scope fields. */
export function fieldsToFetch(plan: ResourcePlan): string[] {
  const out = new Set<string>();
  for (const [name, d] of plan.fields) if (d.effect !== 'DENY') out.add(name);
  for (const s of plan.rowScopes ?? []) out.add(s.field);
  return [...out];
}

export interface AccessPlan {
  purpose: string | null;
  resources: Map<string, ResourcePlan>;
}

export const EMPTY_PLAN: AccessPlan = { purpose: null, resources: new Map() };
