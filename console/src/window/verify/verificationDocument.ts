// The verification query: the typed envelope (codegen) plus the faces of the certificate types asked about, laid out
// from the catalog; fields that two faces name alike but type differently get an alias, so the selections can merge.
import type { TypedDocumentNode } from '@apollo/client';
import { print } from 'graphql';
import type { CertificateTypeInfo } from '../../common/catalog/certificateTypes';
import { graphql } from '../../gql';
import type { VerificationEnvelopeFragment } from '../../gql/graphql';

export const VerificationEnvelope = graphql(`
  fragment VerificationEnvelope on CertificateVerification {
    identifier
    authentic
    status
    checkedAt
    validFrom
    validUntil
    predecessor
    successor
    certificateType {
      code
      nameZh
      nameEn
    }
    issuer {
      code
      name
    }
    holder {
      idType
      idNumber
      name
      isNameMasked
      isIdNumberMasked
    }
    presentation {
      presentedAt
      expiresAt
    }
  }
`);

export type Face = { __typename?: string; certificateType: string } & Record<string, unknown>;
export type Verification = VerificationEnvelopeFragment & { face: Face | null };

/** Where each face field of each type lands in the answer: its name, or an alias when names collide. */
export type FaceLayout = Map<string, Map<string, string>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The catalog's types of these identifiers (by the type mark before the first dot). */
export function typesOf(identifiers: readonly string[], catalog: readonly CertificateTypeInfo[]): CertificateTypeInfo[] {
  const marks = new Set(identifiers.map((i) => i.trim().toUpperCase().split('.')[0]));
  return catalog.filter((t) => marks.has(t.identifierCode) && NAME.test(t.faceType) && t.fields.every((f) => NAME.test(f.name)));
}

/** The identifier a presentation token is for (its `sub`), read without checking it: the hub checks it. */
export function identifierInToken(token: string): string | null {
  try {
    const payload = JSON.parse(atob(token.trim().split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

function faceSelection(types: readonly CertificateTypeInfo[]): { selection: string; layout: FaceLayout } {
  // A field name is safe to share only when every face declares it with the same scalar type and requiredness
  // (enums are a type of their own per face).
  const kinds = new Map<string, Set<string>>();
  for (const t of types) for (const f of t.fields) kinds.set(f.name, (kinds.get(f.name) ?? new Set()).add(f.type === 'ENUM' ? `ENUM:${t.code}` : `${f.type}:${f.required}`));
  const layout: FaceLayout = new Map();
  const fragments = types.map((t, i) => {
    const keys = new Map<string, string>();
    const fields = t.fields.map((f) => {
      const key = kinds.get(f.name)!.size > 1 ? `${f.name}_${i}` : f.name;
      keys.set(f.name, key);
      return key === f.name ? f.name : `${key}: ${f.name}`;
    });
    layout.set(t.code, keys);
    return `... on ${t.faceType} { ${fields.join(' ')} }`;
  });
  return { selection: `face { __typename certificateType ${fragments.join(' ')} }`, layout };
}

/** graphql's parser, loaded with the first verification: the window route itself needs only prebuilt documents. */
const loadParser = () => import('graphql/language/parser').then((m) => m.parse);

export async function verifyOneDocument(types: readonly CertificateTypeInfo[]) {
  const { selection, layout } = faceSelection(types);
  const parse = await loadParser();
  const document = parse(`query VerifyCertificate($identifier: String, $qrToken: String) {
    verifyCertificate(identifier: $identifier, qrToken: $qrToken) { ...VerificationEnvelope ${selection} }
  }
  ${print(VerificationEnvelope)}`) as TypedDocumentNode<{ verifyCertificate: Verification | null }, { identifier?: string; qrToken?: string }>;
  return { document, layout };
}

export async function verifyManyDocument(types: readonly CertificateTypeInfo[]) {
  const { selection, layout } = faceSelection(types);
  const parse = await loadParser();
  const document = parse(`query VerifyCertificates($identifiers: [String!]!) {
    verifyCertificates(identifiers: $identifiers) { ...VerificationEnvelope ${selection} }
  }
  ${print(VerificationEnvelope)}`) as TypedDocumentNode<{ verifyCertificates: Verification[] | null }, { identifiers: string[] }>;
  return { document, layout };
}
