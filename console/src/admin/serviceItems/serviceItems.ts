// The service items (政务服务事项) with every property of their materials, as the administrators' page shows and edits them.
import { graphql } from '../../staff-gql';
import type { AdminServiceItemsQuery } from '../../staff-gql/graphql';

export const AdminServiceItemsQueryDoc = graphql(`
  query AdminServiceItems {
    serviceItems {
      code
      name
      nameEn
      departmentCode
      version
      materials {
        key
        name
        source
        typeCode
        fields
        isConsentRequired
        isSatisfiedWhenAbsent
        condition {
          field
          operator
          values
        }
      }
    }
  }
`);

export const PublishServiceItemMutation = graphql(`
  mutation PublishServiceItem($input: PublishServiceItemInput!) {
    publishServiceItem(input: $input) {
      serviceItem {
        code
        version
      }
    }
  }
`);

export type AdminServiceItem = AdminServiceItemsQuery['serviceItems'][number];
export type AdminMaterial = AdminServiceItem['materials'][number];
