// The operations this system sends. GraphQL Code Generator reads them from here, types them, and lists them in
// src/gql/persisted-documents.json, which the hub's operator registers for our client.
import { graphql } from './gql/index.js';

/** Household registrations of up to 1,000 subjects, in the order asked. `address` is CONDITIONAL in the catalog. */
export const HouseholdRecords = graphql(`
  query HouseholdRecords($subjectIds: [ID!]!) {
    householdRegistrations(subjectIds: $subjectIds) {
      subjectId
      name
      gender
      birthDate
      districtCode
      address
    }
  }
`);

/** Authenticity and standing of one certificate (证照核验), by its identifier. */
export const VerifyCertificate = graphql(`
  query VerifyCertificate($identifier: String!) {
    verifyCertificate(identifier: $identifier) {
      identifier
      authentic
      status
      validUntil
      certificateType {
        code
        nameZh
      }
      issuer {
        name
      }
    }
  }
`);
