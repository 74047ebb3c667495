// How a certificate is shown: the holder sees their own in full; anyone else by the operation's plan for its type,
// decided per certificate (row scopes) by the one enforcement point. Holder name and id number that no grant lets
// through are shown with the default mask, not withheld. Pure functions over plain data.
import type { CatalogEntry } from '../catalog/catalog.js';
import { HOLDER_ID_NUMBER, HOLDER_NAME } from '../catalog/certificateType.js';
import type { FieldDefinition, RecordValues } from '../catalog/definition.js';
import type { Principal } from '../auth/principal.js';
import { uniformPlan, type ResourcePlan } from './plan.js';
import { releaseValues, type Released } from './release.js';

/**
 * The plan one certificate is shown under. The issuing department reads its certificates in full (as a provider its
 * records), the holder reads their own in full; anyone else by `operationPlan`, the access plan's decision for the type.
 */
export function certificatePlanFor(principal: Principal, operationPlan: ResourcePlan | undefined, entry: CatalogEntry, holderId: string): ResourcePlan {
  const selected = operationPlan?.selected ?? new Set<string>();
  if (principal.kind === 'CLIENT' && principal.department.code === entry.providerCode) return { ...uniformPlan(entry, 'OWN', selected), isProvider: true };
  if (principal.kind === 'HOLDER' && principal.subjectId === holderId) return uniformPlan(entry, 'OWN', selected);
  return operationPlan ?? uniformPlan(entry, 'DENIED');
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

export interface ShownHolder {
  name: string;
  idNumber: string;
  isNameMasked: boolean;
  isIdNumberMasked: boolean;
}

export interface ShownCertificate {
  released: Released;
  /** The face fields that may leave (clear or masked); withheld ones are absent and named in `released.withheld`. */
  face: RecordValues;
  holder: ShownHolder;
}

/**
 * One certificate through the enforcement point: holder fields and face decided together for this certificate (a row
 * scope may name either). A withheld holder field is shown with its default mask.
 */
export function showCertificate(plan: ResourcePlan, entry: CatalogEntry, faceFields: readonly FieldDefinition[], c: { holderName: string; holderId: string; face: RecordValues }, maskingKey: string | Uint8Array): ShownCertificate {
  const stored: RecordValues = { ...c.face, [HOLDER_NAME]: c.holderName, [HOLDER_ID_NUMBER]: c.holderId };
  const released = releaseValues(plan, entry.fields, stored, maskingKey);
  const face: RecordValues = {};
  for (const f of faceFields) if (f.name in released.values) face[f.name] = released.values[f.name] ?? null;
  const name = released.values[HOLDER_NAME];
  const idNumber = released.values[HOLDER_ID_NUMBER];
  return {
    released,
    face,
    holder: {
      name: name === undefined || name === null ? defaultNameMask(c.holderName) : String(name),
      idNumber: idNumber === undefined || idNumber === null ? defaultIdNumberMask(c.holderId) : String(idNumber),
      isNameMasked: !(HOLDER_NAME in released.clear),
      isIdNumberMasked: !(HOLDER_ID_NUMBER in released.clear),
    },
  };
}
