// The access plan: for every catalog field an operation selects, the grants that may let it through (each with its
// row scope), decided once from the principal's grants and the purpose, before any data is fetched. Which of them
// applies to one stored record is decided per record by `decideForRow`. Pure functions over plain data.
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

export type Effect = 'ALLOW' | 'MASK' | 'DENY';

/** One grant's say on one field: in the clear or masked, for the records its row scope covers. */
export interface FieldGrant {
  /** The grant as cited in the audit log (id@version); null for data the principal owns. */
  grant: string | null;
  effect: 'ALLOW' | 'MASK';
  mask?: MaskRule;
  /** null: every record. */
  rowScope: RowScope | null;
}

export interface FieldDecision {
  /**
   * The most the field can be for some record: ALLOW when a grant allows it, MASK when grants only mask it, DENY
   * when none gives it. What one record gets is `decideForRow`'s answer, never more than this.
   */
  effect: Effect;
  /** The grants that give the field, in grant id order; empty when denied. */
  grants: FieldGrant[];
  /** The grant whose explicit DENY withholds the field. */
  deniedBy?: string;
}

/** What one field is for one record, and the grant that says so. */
export interface RowDecision {
  effect: Effect;
  mask?: MaskRule;
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

export const DENIED: FieldDecision = { effect: 'DENY', grants: [] };
const OWN: FieldDecision = { effect: 'ALLOW', grants: [{ grant: null, effect: 'ALLOW', rowScope: null }] };

/** A plan in which every field of the type is `decision` (the owner's, or nobody's). */
export function uniformPlan(entry: CatalogEntry, decision: 'OWN' | 'DENIED', selected: Set<string> = new Set()): ResourcePlan {
  const d = decision === 'OWN' ? OWN : DENIED;
  return { resourceType: entry.code, isProvider: false, fields: new Map(entry.fields.map((f) => [f.name, d])), selected };
}

function decideField(field: CatalogEntry['fields'][number], grants: readonly ApplicableGrant[]): FieldDecision {
  if (field.sharing === 'NOT_SHARED') return DENIED;
  const given: FieldGrant[] = [];
  for (const grant of grants) {
    const rule = grant.rules.find((r) => r.field === field.name);
    if (!rule) continue;
    const cited = `${grant.id}@${grant.version}`;
    if (rule.effect === 'DENY') return { ...DENIED, deniedBy: cited };
    if (rule.effect === 'ALLOW') given.push({ grant: cited, effect: 'ALLOW', rowScope: grant.rowScope });
    else if (rule.mask) given.push({ grant: cited, effect: 'MASK', mask: rule.mask, rowScope: grant.rowScope });
  }
  const effect: Effect = given.some((g) => g.effect === 'ALLOW') ? 'ALLOW' : given.length ? 'MASK' : 'DENY';
  return { effect, grants: given };
}

/**
 * Deny by default; NOT_SHARED fields only for the provider; an explicit DENY in any applicable grant wins. Each field
 * keeps the grants that give it with their own row scopes: a scope limits only the fields of its grant.
 */
export function planResource(input: PlanInput): ResourcePlan {
  const { entry } = input;
  if (input.departmentCode !== null && input.departmentCode === entry.providerCode) {
    return { ...uniformPlan(entry, 'OWN', input.selected), isProvider: true };
  }
  const grants = input.grants
    .filter((g) => g.purposes.includes(input.purpose) && (g.clientId === null || g.clientId === input.clientId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { resourceType: entry.code, isProvider: false, fields: new Map(entry.fields.map((f) => [f.name, decideField(f, grants)])), selected: input.selected };
}

/** Whether a grant's row scope covers a record, by the record's stored value of the scope field. */
export function covers(scope: RowScope | null, stored: Readonly<Record<string, unknown>>): boolean {
  if (scope === null) return true;
  const value = stored[scope.field];
  return value !== null && value !== undefined && scope.values.includes(String(value));
}

/** What one field is for one record: in the clear if a covering grant allows it, else masked if one masks it, else withheld. */
export function decideForRow(decision: FieldDecision, stored: Readonly<Record<string, unknown>>): RowDecision {
  if (decision.effect === 'DENY') return decision.deniedBy ? { effect: 'DENY', grant: decision.deniedBy } : { effect: 'DENY' };
  const clear = decision.grants.find((g) => g.effect === 'ALLOW' && covers(g.rowScope, stored));
  if (clear) return clear.grant ? { effect: 'ALLOW', grant: clear.grant } : { effect: 'ALLOW' };
  const masked = decision.grants.find((g) => g.effect === 'MASK' && covers(g.rowScope, stored));
  if (masked) return { effect: 'MASK', mask: masked.mask!, ...(masked.grant ? { grant: masked.grant } : {}) };
  return { effect: 'DENY' };
}

/** Whether the plan lets anything of the type through, for some record. */
export function givesAnything(plan: ResourcePlan): boolean {
  for (const d of plan.fields.values()) if (d.effect !== 'DENY') return true;
  return false;
}

/** Whether every grant that gives `field` covers every record: only such a grant can tell "no record" from "out of scope". */
export function isUnscoped(plan: ResourcePlan, field: string): boolean {
  const d = plan.fields.get(field) ?? DENIED;
  return d.effect !== 'DENY' && d.grants.some((g) => g.rowScope === null);
}

/** The fields that must be read from storage: allowed or masked ones, and the row scope fields of their grants. */
export function fieldsToFetch(plan: ResourcePlan): string[] {
  const out = new Set<string>();
  for (const [name, d] of plan.fields) {
    if (d.effect === 'DENY') continue;
    out.add(name);
    for (const g of d.grants) if (g.rowScope) out.add(g.rowScope.field);
  }
  return [...out];
}

export interface AccessPlan {
  purpose: string | null;
  resources: Map<string, ResourcePlan>;
  /**
   * When the plan was made from grants held in memory: per resource type, the fingerprint of the grants it was made
   * from. Every read of the type checks it in its own statement and fetches nothing when it no longer matches.
   */
  grantFingerprints?: ReadonlyMap<string, string>;
}

export const EMPTY_PLAN: AccessPlan = { purpose: null, resources: new Map() };
