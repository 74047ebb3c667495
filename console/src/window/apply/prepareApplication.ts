// The prepareApplication mutation and where its last answer is kept for the print view (this tab only).
import { graphql } from '../../gql';
import type { PrepareApplicationMutation } from '../../gql/graphql';

export const PrepareApplicationMutationDoc = graphql(`
  mutation PrepareApplication($serviceItemCode: String!, $applicantId: String!, $caseNumber: String!) {
    prepareApplication(serviceItemCode: $serviceItemCode, applicantId: $applicantId, caseNumber: $caseNumber) {
      caseNumber
      preparedAt
      satisfiedCount
      receipt
      serviceItem {
        code
        name
        nameEn
        version
      }
      materials {
        key
        name
        source
        typeCode
        outcome
        reason
        explanation
        recordVersion
        certificateIdentifier
        values
        missingGrant {
          typeCode
          fields
          purpose
          providerCode
        }
      }
    }
  }
`);

export type PreparedApplication = PrepareApplicationMutation['prepareApplication'];
export type MaterialResolution = PreparedApplication['materials'][number];

const KEY = 'sharehub.lastApplication';

export function keepForPrint(application: PreparedApplication, applicantId: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ application, applicantId }));
}

export function keptForPrint(): { application: PreparedApplication; applicantId: string } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as { application: PreparedApplication; applicantId: string }) : null;
  } catch {
    return null;
  }
}
