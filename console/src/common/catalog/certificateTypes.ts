// The certificate types with their face fields, from the catalog: faces are shown from these, never from a hand-written list.
import { graphql } from '../../gql';
import type { CertificateTypesQuery as Result } from '../../gql/graphql';

export const CertificateTypesQuery = graphql(`
  query CertificateTypes {
    certificateTypes {
      code
      nameZh
      nameEn
      faceType
      identifierCode
      issuerCode
      fields {
        name
        nameZh
        description
        type
        required
      }
    }
  }
`);

export type CertificateTypeInfo = Result['certificateTypes'][number];
