// The access requests of one side (the provider's inbox, the consumer's outbox), and the decisions on them.
import { graphql } from '../../staff-gql';
import type { AccessRequestsQuery } from '../../staff-gql/graphql';

export const AccessRequestsQueryDoc = graphql(`
  query AccessRequests($side: AccessSide!, $status: AccessRequestStatus, $first: Int, $after: String) {
    accessRequests(side: $side, status: $status, first: $first, after: $after) {
      edges {
        node {
          id
          resourceType
          consumerCode
          providerCode
          clientId
          fields
          conditionalFields
          purposes
          justification
          validFrom
          validUntil
          status
          requestedBy
          requestedAt
          dueAt
          isOverdue
          decidedBy
          decidedAt
          decisionReason
          grants {
            id
            state
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type AccessRequestItem = AccessRequestsQuery['accessRequests']['edges'][number]['node'];

export const ApproveMutation = graphql(`
  mutation ApproveAccessRequest($input: ApproveAccessRequestInput!) {
    approveAccessRequest(input: $input) {
      accessRequest {
        id
        status
      }
      grant {
        id
        validUntil
        ...GrantTerms
      }
    }
  }
`);

export const RejectMutation = graphql(`
  mutation RejectAccessRequest($requestId: ID!, $reason: String!) {
    rejectAccessRequest(requestId: $requestId, reason: $reason) {
      accessRequest {
        id
        status
        decisionReason
      }
    }
  }
`);

export const RequestAccessMutation = graphql(`
  mutation RequestAccess($input: RequestAccessInput!) {
    requestAccess(input: $input) {
      accessRequest {
        id
        status
        fields
        conditionalFields
        dueAt
        grants {
          id
        }
      }
    }
  }
`);
