// The verification query: the typed envelope (codegen) plus the faces of every certificate type the catalog lists now.
import type { TypedDocumentNode } from '@apollo/client';
import { parse, print } from 'graphql';
import { graphql } from '../../gql';
import type { VerificationEnvelopeFragment } from '../../gql/graphql';
import type { CertificateTypeInfo } from '../../common/catalog/certificateTypes';

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

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `face { certificateType ... on XFace { a b } ... }` for the catalog's types (names checked: they go into a document). */
function faceSelection(types: readonly CertificateTypeInfo[]): string {
  const fragments = types
    .filter((t) => NAME.test(t.faceType) && t.fields.every((f) => NAME.test(f.name)))
    .map((t) => `... on ${t.faceType} { ${t.fields.map((f) => f.name).join(' ')} }`);
  return `face { __typename certificateType ${fragments.join(' ')} }`;
}

export function verifyOneDocument(types: readonly CertificateTypeInfo[]): TypedDocumentNode<{ verifyCertificate: Verification | null }, { identifier?: string; qrToken?: string }> {
  return parse(`query VerifyCertificate($identifier: String, $qrToken: String) {
    verifyCertificate(identifier: $identifier, qrToken: $qrToken) { ...VerificationEnvelope ${faceSelection(types)} }
  }
  ${print(VerificationEnvelope)}`);
}

export function verifyManyDocument(types: readonly CertificateTypeInfo[]): TypedDocumentNode<{ verifyCertificates: Verification[] | null }, { identifiers: string[] }> {
  return parse(`query VerifyCertificates($identifiers: [String!]!) {
    verifyCertificates(identifiers: $identifiers) { ...VerificationEnvelope ${faceSelection(types)} }
  }
  ${print(VerificationEnvelope)}`);
}
