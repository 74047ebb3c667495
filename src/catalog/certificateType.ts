// Certificate types as the catalog holds them (plain data): the face fields are catalog fields, and for the access
// plan a type is a catalog entry whose fields are the holder's name and id number followed by the face fields.
import type { CatalogEntry } from './catalog.js';
import type { FieldDefinition, ResourceTypeDefinition, SubjectKindName } from './definition.js';
import { enumTypeNameOf, typeNameOf } from './naming.js';
import { definitionProblems, type DefinitionProblem } from './validate.js';

export interface CertificateTypeDefinition {
  /** snake_case, unique among resource and certificate types (a grant names either by its code). */
  code: string;
  /** The type's mark in certificate identifiers: 2-8 characters A-Z and 0-9. */
  identifierCode: string;
  nameZh: string;
  nameEn: string;
  /** Credit code of the only department that issues this type. */
  issuerCode: string;
  holderKind: SubjectKindName;
  description: string;
  /** Validity when the issuer names no end; null: no end (长期有效). */
  defaultValidityDays: number | null;
  /** The face fields. */
  fields: FieldDefinition[];
}

export interface CertificateTypeEntry extends CertificateTypeDefinition {
  version: number;
}

/** Holder fields every certificate type has: grants name them like face fields; without a grant they are shown masked. */
export const HOLDER_NAME = 'holderName';
export const HOLDER_ID_NUMBER = 'holderIdNumber';
/** The face interface's own field. */
export const FACE_TYPE_FIELD = 'certificateType';
const RESERVED_FACE_FIELDS = new Set([HOLDER_NAME, HOLDER_ID_NUMBER, FACE_TYPE_FIELD]);

const IDENTIFIER_CODE = /^[A-Z0-9]{2,8}$/;
/** Fifty years: longer than any certificate's validity. */
export const MAX_VALIDITY_DAYS = 50 * 366;

/** The holder fields of a type whose holders are of `kind`. */
export function holderFieldsOf(kind: SubjectKindName): FieldDefinition[] {
  const person = kind === 'PERSON';
  return [
    {
      name: HOLDER_NAME,
      nameZh: person ? '持证人姓名' : '持证主体名称',
      type: 'STRING',
      sharing: 'CONDITIONAL',
      required: true,
      description: person ? "The holder's name; shown masked (张*) unless a grant allows it." : "The holding organization's name; shown masked unless a grant allows it.",
    },
    {
      name: HOLDER_ID_NUMBER,
      nameZh: person ? '持证人身份证号' : '统一社会信用代码',
      type: 'STRING',
      sharing: 'CONDITIONAL',
      required: true,
      description: person ? "The holder's resident ID number; shown masked unless a grant allows it." : "The holding organization's unified social credit code; shown masked unless a grant allows it.",
    },
  ];
}

/** The type as the access plan, grants and access requests see it: the issuer provides it, holder fields first. */
export function planEntryOf(type: CertificateTypeEntry): CatalogEntry {
  return {
    code: type.code,
    nameZh: type.nameZh,
    nameEn: type.nameEn,
    providerCode: type.issuerCode,
    subjectKind: type.holderKind,
    description: type.description,
    fields: [...holderFieldsOf(type.holderKind), ...type.fields],
    version: type.version,
  };
}

/** The face alone, in the shape record values are validated against (src/catalog/values.ts). */
export function faceDefinitionOf(type: CertificateTypeDefinition): ResourceTypeDefinition {
  return { code: type.code, nameZh: type.nameZh, nameEn: type.nameEn, providerCode: type.issuerCode, subjectKind: type.holderKind, description: type.description, fields: type.fields };
}

/** business_licence → BusinessLicenceFace. */
export function faceTypeNameOf(code: string): string {
  return `${typeNameOf(code)}Face`;
}

/** business_licence, enterpriseType → BusinessLicenceFaceEnterpriseType. */
export function faceEnumTypeNameOf(code: string, field: string): string {
  return enumTypeNameOf(`${code}_face`, field);
}

/** Every GraphQL name a certificate type's face takes. */
export function faceNamesOf(type: Pick<CertificateTypeDefinition, 'code' | 'fields'>): string[] {
  return [faceTypeNameOf(type.code), ...type.fields.filter((f) => f.type === 'ENUM').map((f) => faceEnumTypeNameOf(type.code, f.name))];
}

/**
 * Problems with a certificate type definition (empty when valid): the field rules of resource types, and the type's
 * own. `takenNames` are GraphQL names used elsewhere; `takenCodes` are codes of resource types and other certificate
 * types; `takenIdentifierCodes` are other types' identifier codes.
 */
export function certificateTypeProblems(def: CertificateTypeDefinition, taken: { names: ReadonlySet<string>; codes: ReadonlySet<string>; identifierCodes: ReadonlySet<string> }): DefinitionProblem[] {
  const problems = definitionProblems(faceDefinitionOf(def), new Set());
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (taken.codes.has(def.code)) add('code', `${def.code} is already the code of a resource or certificate type`);
  for (const name of faceNamesOf(def)) if (taken.names.has(name)) add('code', `the GraphQL name ${name} is already taken`);
  if (!IDENTIFIER_CODE.test(def.identifierCode)) add('identifierCode', 'must be 2-8 characters A-Z and 0-9');
  else if (taken.identifierCodes.has(def.identifierCode)) add('identifierCode', `${def.identifierCode} is already used by another certificate type`);
  if (def.holderKind !== 'PERSON' && def.holderKind !== 'ORGANIZATION') add('holderKind', 'must be PERSON or ORGANIZATION');
  if (def.defaultValidityDays !== null && (!Number.isInteger(def.defaultValidityDays) || def.defaultValidityDays < 1 || def.defaultValidityDays > MAX_VALIDITY_DAYS)) {
    add('defaultValidityDays', `must be a whole number of days from 1 to ${MAX_VALIDITY_DAYS}, or null for no end`);
  }
  def.fields.forEach((f, i) => {
    if (RESERVED_FACE_FIELDS.has(f.name)) add(`fields[${i}].name`, `"${f.name}" is reserved for every certificate`);
  });
  return problems;
}
