// The catalog's selections that several documents share: a field's definition, a resource type's and a certificate type's.
import { graphql } from '../../staff-gql';

export const CatalogFieldFactsFragment = graphql(`
  fragment CatalogFieldFacts on CatalogField {
    name
    nameZh
    type
    sharing
    required
    description
    enumValues
  }
`);

export const ResourceTypeFactsFragment = graphql(`
  fragment ResourceTypeFacts on ResourceType {
    code
    nameZh
    nameEn
    providerCode
    subjectKind
    description
    version
    fields {
      ...CatalogFieldFacts
    }
  }
`);

export const CertificateTypeFactsFragment = graphql(`
  fragment CertificateTypeFacts on CertificateType {
    code
    nameZh
    nameEn
    issuerCode
    identifierCode
    holderKind
    defaultValidityDays
    version
    description
    fields {
      ...CatalogFieldFacts
    }
  }
`);
