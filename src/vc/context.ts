// The JSON-LD context of a certificate type at one version (VC Data Model 2.0 §4.3 Contexts, §5.2 Extensibility): the credential type's
// name and every term of its subject, each mapped to an IRI under the context's own URL, protected. Pure.
import type { FieldDefinition, FieldType } from '../catalog/definition.js';
import { typeNameOf } from '../catalog/naming.js';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** business_licence → BusinessLicenceCredential: the type a credential of this certificate type carries. */
export function credentialTypeNameOf(typeCode: string): string {
  return `${typeNameOf(typeCode)}Credential`;
}

/** The subject's terms every credential has besides its face fields. */
export const SUBJECT_TERMS = ['holderName', 'holderIdType', 'holderIdNumber', 'certificateIdentifier', 'certificateType'] as const;

const XSD_TYPE: Partial<Record<FieldType, string>> = { DATE: `${XSD}date`, DATETIME: `${XSD}dateTime`, INT: `${XSD}integer`, BOOLEAN: `${XSD}boolean`, DECIMAL: `${XSD}decimal` };

export interface ContextDocument {
  '@context': Record<string, unknown>;
}

export function certificateContextOf(url: string, typeCode: string, fields: readonly Pick<FieldDefinition, 'name' | 'type'>[]): ContextDocument {
  const terms: Record<string, unknown> = { '@version': 1.1, '@protected': true };
  terms[credentialTypeNameOf(typeCode)] = `${url}#${credentialTypeNameOf(typeCode)}`;
  for (const term of SUBJECT_TERMS) terms[term] = `${url}#${term}`;
  for (const f of fields) {
    const type = XSD_TYPE[f.type];
    terms[f.name] = type ? { '@id': `${url}#${f.name}`, '@type': type } : `${url}#${f.name}`;
  }
  return { '@context': terms };
}
