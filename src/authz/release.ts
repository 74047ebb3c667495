// The one enforcement point: (plan, stored values) → what may leave the hub. A value leaves only if a grant that
// allows that field covers that record; a masked value only masked. Every path that returns or uses shared values
// goes through `releaseValues`; a computation uses only `clear` values. Pure functions over plain data.
import type { FieldDefinition, RecordValues } from '../catalog/definition.js';
import { qualifiedField } from '../catalog/naming.js';
import { maskValue } from './masking.js';
import { decideForRow, DENIED, type ResourcePlan } from './plan.js';

/** One record (or certificate) as it may leave the hub. */
export interface Released {
  /** Whether anything of the record may be shown: some field of its type is clear or masked for it. */
  isVisible: boolean;
  /** The values that may leave, clear or masked; withheld fields are absent. */
  values: RecordValues;
  /** The values the caller may read in full: the only ones a computation (a condition, a filter) may use. */
  clear: RecordValues;
  masked: Set<string>;
  withheld: Set<string>;
  /** field → the grant (id@version) that let it through or withheld it. */
  cited: Map<string, string>;
}

/**
 * Decides every field of `fields` for one stored record and applies it: clear, masked with the covering grant's rule
 * (keyed per consumer department for HASH), or withheld. `stored` must hold the plan's `fieldsToFetch`.
 */
export function releaseValues(plan: ResourcePlan, fields: readonly FieldDefinition[], stored: Readonly<Record<string, unknown>>, maskingKey: string | Uint8Array): Released {
  const out: Released = { isVisible: false, values: {}, clear: {}, masked: new Set(), withheld: new Set(), cited: new Map() };
  for (const field of fields) {
    const row = decideForRow(plan.fields.get(field.name) ?? DENIED, stored);
    if (row.grant) out.cited.set(field.name, row.grant);
    const value = (stored[field.name] ?? null) as RecordValues[string];
    if (row.effect === 'ALLOW') {
      out.values[field.name] = value;
      out.clear[field.name] = value;
      out.isVisible = true;
    } else if (row.effect === 'MASK') {
      out.values[field.name] = maskValue(value, field, row.mask!, maskingKey);
      out.masked.add(field.name);
      out.isVisible = true;
    } else out.withheld.add(field.name);
  }
  return out;
}

/** What a read tells its audit event about one type: fields by outcome (qualified names) and the grants cited. */
export interface ReleaseTally {
  returned: string[];
  masked: string[];
  denied: string[];
  grants: Record<string, string>;
}

/** The selected fields (qualified names) that no applicable grant gives at all: denied whether or not a record is found. */
export function deniedByPlan(plan: ResourcePlan, typeCode: string, selected: Iterable<string> = plan.selected): string[] {
  return [...selected].filter((name) => (plan.fields.get(name) ?? DENIED).effect === 'DENY').map((name) => qualifiedField(typeCode, name));
}

/**
 * Of the fields `selected`: returned when clear for some record served, masked when masked for some, denied when
 * withheld for some or when no grant gives them at all. `fields` limits the tally (e.g. to a material's fields).
 */
export function tallyReleases(plan: ResourcePlan, typeCode: string, released: readonly Released[], selected: Iterable<string> = plan.selected): ReleaseTally {
  const returned = new Set<string>();
  const masked = new Set<string>();
  const denied = new Set<string>();
  const grants: Record<string, string> = {};
  for (const name of selected) {
    const q = qualifiedField(typeCode, name);
    if ((plan.fields.get(name) ?? DENIED).effect === 'DENY') denied.add(q);
    for (const r of released) {
      if (r.masked.has(name)) masked.add(q);
      else if (r.withheld.has(name)) denied.add(q);
      else if (name in r.values) returned.add(q);
      const cited = r.cited.get(name);
      if (cited) grants[q] ??= cited;
    }
    const deniedBy = plan.fields.get(name)?.deniedBy;
    if (deniedBy) grants[q] ??= deniedBy;
  }
  return { returned: [...returned], masked: [...masked], denied: [...denied], grants };
}
