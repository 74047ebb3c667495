// How a certificate is shown: the holder sees their own in full; anyone else by the operation's plan for its type.
// Holder name and id number without a grant are shown masked, not withheld. Pure functions over plain data.
import type { CatalogEntry } from '../catalog/catalog.js';
import { HOLDER_ID_NUMBER, HOLDER_NAME } from '../catalog/certificateType.js';
import type { FieldDefinition, RecordValues } from '../catalog/definition.js';
import type { Principal } from '../auth/principal.js';
import { maskValue } from './masking.js';
import type { FieldDecision, ResourcePlan } from './plan.js';

const ALLOW: FieldDecision = { effect: 'ALLOW' };
const DENY: FieldDecision = { effect: 'DENY' };

function planOf(entry: CatalogEntry, decision: FieldDecision): ResourcePlan {
  return { resourceType: entry.code, isProvider: false, fields: new Map(entry.fields.map((f) => [f.name, decision])), selected: new Set(), rowScopes: null };
}

/**
 * The plan one certificate is shown under. The issuing department reads its certificates in full (as a provider its
 * records), the holder reads their own in full; anyone else by `operationPlan`, the access plan's decision for the type.
 */
export function certificatePlanFor(principal: Principal, operationPlan: ResourcePlan | undefined, entry: CatalogEntry, holderId: string): ResourcePlan {
  const selected = operationPlan?.selected ?? new Set<string>();
  if (principal.kind === 'CLIENT' && principal.department.code === entry.providerCode) return { ...planOf(entry, ALLOW), isProvider: true, selected };
  if (principal.kind === 'HOLDER' && principal.subjectId === holderId) return { ...planOf(entry, ALLOW), selected };
  return operationPlan ?? planOf(entry, DENY);
}

/** Who sees a certificate itself (its envelope, history and signed document) rather than a verification of it. */
export function isIssuerOrHolder(principal: Principal, issuerCode: string, holderId: string): boolean {
  return principal.kind === 'CLIENT' ? principal.department.code === issuerCode : principal.subjectId === holderId;
}

/** 张三丰 → 张**; a one-character name → *. */
export function defaultNameMask(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 330106199001011234 → 330***********1234: the first three and the last four characters. */
export function defaultIdNumberMask(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

export interface ShownValues {
  values: RecordValues;
  denied: Set<string>;
  masked: Set<string>;
}

/** Field values as the plan shows them: clear, masked with the grant's rule, or denied (absent). */
export function showValues(plan: ResourcePlan, fields: readonly FieldDefinition[], raw: RecordValues, maskingKey: string | Uint8Array): ShownValues {
  const values: RecordValues = {};
  const denied = new Set<string>();
  const masked = new Set<string>();
  for (const field of fields) {
    const decision = plan.fields.get(field.name) ?? DENY;
    const value = raw[field.name] ?? null;
    if (decision.effect === 'DENY') denied.add(field.name);
    else if (decision.effect === 'MASK' && decision.mask) {
      values[field.name] = maskValue(value, field, decision.mask, maskingKey);
      masked.add(field.name);
    } else values[field.name] = value;
  }
  return { values, denied, masked };
}

export interface ShownHolder {
  name: string;
  idNumber: string;
  isNameMasked: boolean;
  isIdNumberMasked: boolean;
}

/** The holder as the plan shows them: a DENY is shown with the default mask, a MASK with the grant's rule. */
export function showHolder(plan: ResourcePlan, entry: CatalogEntry, holder: { name: string; idNumber: string }, maskingKey: string | Uint8Array): ShownHolder {
  const shown = showValues(plan, entry.fields.filter((f) => f.name === HOLDER_NAME || f.name === HOLDER_ID_NUMBER), { [HOLDER_NAME]: holder.name, [HOLDER_ID_NUMBER]: holder.idNumber }, maskingKey);
  const name = shown.denied.has(HOLDER_NAME) ? defaultNameMask(holder.name) : String(shown.values[HOLDER_NAME] ?? defaultNameMask(holder.name));
  const idNumber = shown.denied.has(HOLDER_ID_NUMBER) ? defaultIdNumberMask(holder.idNumber) : String(shown.values[HOLDER_ID_NUMBER] ?? defaultIdNumberMask(holder.idNumber));
  return { name, idNumber, isNameMasked: (plan.fields.get(HOLDER_NAME) ?? DENY).effect !== 'ALLOW', isIdNumberMasked: (plan.fields.get(HOLDER_ID_NUMBER) ?? DENY).effect !== 'ALLOW' };
}
