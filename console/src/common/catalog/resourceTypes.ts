// The catalog's resource types with their fields: record values are labelled from these, never from a hand-written list.
import { graphql } from '../../gql';
import type { ResourceTypesQuery as Result } from '../../gql/graphql';

export const ResourceTypesQuery = graphql(`
  query ResourceTypes {
    resourceTypes {
      code
      nameZh
      nameEn
      providerCode
      fields {
        name
        nameZh
        description
        type
      }
    }
  }
`);

export type ResourceTypeInfo = Result['resourceTypes'][number];
