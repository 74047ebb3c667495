// Who the signed-in administrator is: their department (its data is "ours", the rest is "theirs").
import { useQuery } from '@apollo/client/react';
import { graphql } from '../staff-gql';

export const AdminViewerQuery = graphql(`
  query AdminViewer {
    viewer {
      client {
        id
      }
      department {
        code
        name
        nameEn
      }
      roles
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query AdminDepartments {
    resourceTypes {
      code
      nameZh
      nameEn
      providerCode
    }
    certificateTypes {
      code
      nameZh
      nameEn
      issuerCode
    }
  }
`);

export function useDepartmentCode(): string | null {
  return useQuery(AdminViewerQuery).data?.viewer.department?.code ?? null;
}
