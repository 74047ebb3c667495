// The service items (政务服务事项) with their materials: the purpose chooser and the application form read them.
import { graphql } from '../../gql';

export const ServiceItemsQuery = graphql(`
  query ServiceItems {
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
      }
    }
  }
`);
