// What a grant allows, as every document that shows a grant's terms selects it: the row scope and the per-field rules.
import { graphql } from '../../staff-gql';

export const GrantTermsFragment = graphql(`
  fragment GrantTerms on Grant {
    rowScope {
      field
      values
    }
    rules {
      field
      effect
      mask {
        strategy
        n
      }
    }
  }
`);
