/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminCatalog {\n    resourceTypes {\n      ...ResourceTypeFacts\n    }\n    certificateTypes {\n      ...CertificateTypeFacts\n    }\n  }\n": typeof types.AdminCatalogDocument,
    "\n  mutation PublishCertificateTypeForm($input: PublishCertificateTypeInput!) {\n    publishCertificateType(input: $input) {\n      certificateType {\n        code\n        version\n      }\n    }\n  }\n": typeof types.PublishCertificateTypeFormDocument,
    "\n  mutation PublishResourceTypeForm($input: PublishResourceTypeInput!) {\n    publishResourceType(input: $input) {\n      resourceType {\n        code\n        version\n      }\n    }\n  }\n": typeof types.PublishResourceTypeFormDocument,
    "\n  mutation RotateSigningKey {\n    rotateSigningKey {\n      departmentCode\n      kid\n      retiredKids\n    }\n  }\n": typeof types.RotateSigningKeyDocument,
    "\n  query ResourceTypeVersions($code: ID!) {\n    resourceTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      resourceType {\n        ...ResourceTypeFacts\n      }\n    }\n  }\n": typeof types.ResourceTypeVersionsDocument,
    "\n  query CertificateTypeVersions($code: ID!) {\n    certificateTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      certificateType {\n        ...CertificateTypeFacts\n      }\n    }\n  }\n": typeof types.CertificateTypeVersionsDocument,
    "\n  fragment CatalogFieldFacts on CatalogField {\n    name\n    nameZh\n    type\n    sharing\n    required\n    description\n    enumValues\n  }\n": typeof types.CatalogFieldFactsFragmentDoc,
    "\n  fragment ResourceTypeFacts on ResourceType {\n    code\n    nameZh\n    nameEn\n    providerCode\n    subjectKind\n    description\n    version\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n": typeof types.ResourceTypeFactsFragmentDoc,
    "\n  fragment CertificateTypeFacts on CertificateType {\n    code\n    nameZh\n    nameEn\n    issuerCode\n    identifierCode\n    holderKind\n    defaultValidityDays\n    version\n    description\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n": typeof types.CertificateTypeFactsFragmentDoc,
    "\n  query CorrectionReports($side: AccessSide!, $first: Int, $after: String) {\n    correctionReports(side: $side, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          subjectId\n          field\n          comment\n          status\n          recordVersion\n          correctedVersion\n          reportedAt\n          reportedBy\n          reporterCode\n          resolution\n          resolvedAt\n          resolvedBy\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CorrectionReportsDocument,
    "\n  mutation ResolveDataError($input: ResolveDataErrorInput!) {\n    resolveDataError(input: $input) {\n      correctionReport {\n        id\n        status\n        correctedVersion\n      }\n    }\n  }\n": typeof types.ResolveDataErrorDocument,
    "\n  mutation ReportDataError($input: ReportDataErrorInput!) {\n    reportDataError(input: $input) {\n      correctionReport {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReportDataErrorDocument,
    "\n  query ServiceItemCoverage($departmentCode: String) {\n    serviceItemCoverage(departmentCode: $departmentCode) {\n      departmentCode\n      resolvable\n      total\n      items {\n        resolvable\n        total\n        serviceItem {\n          code\n          name\n          nameEn\n          materials {\n            key\n            typeCode\n          }\n        }\n        needing {\n          key\n          name\n          reason\n          missingFields\n        }\n      }\n    }\n  }\n": typeof types.ServiceItemCoverageDocument,
    "\n  query Grants($side: AccessSide!, $resourceType: String, $first: Int, $after: String) {\n    grants(side: $side, resourceType: $resourceType, first: $first, after: $after) {\n      edges {\n        node {\n          ...GrantFacts\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n  fragment GrantFacts on Grant {\n    id\n    version\n    resourceType\n    consumerCode\n    providerCode\n    clientId\n    purposes\n    validFrom\n    validUntil\n    state\n    statusReason\n    accessRequestId\n    changedAt\n    ...GrantTerms\n  }\n": typeof types.GrantsDocument,
    "\n  query GrantHistory($grantId: ID!) {\n    grantHistory(grantId: $grantId) {\n      ...GrantFacts\n    }\n  }\n": typeof types.GrantHistoryDocument,
    "\n  mutation SuspendGrant($grantId: ID!, $reason: String!) {\n    suspendGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": typeof types.SuspendGrantDocument,
    "\n  mutation ReinstateGrant($grantId: ID!) {\n    reinstateGrant(grantId: $grantId) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": typeof types.ReinstateGrantDocument,
    "\n  mutation RevokeGrant($grantId: ID!, $reason: String!) {\n    revokeGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": typeof types.RevokeGrantDocument,
    "\n  fragment GrantTerms on Grant {\n    rowScope {\n      field\n      values\n    }\n    rules {\n      field\n      effect\n      mask {\n        strategy\n        n\n      }\n    }\n  }\n": typeof types.GrantTermsFragmentDoc,
    "\n  query AccessRequests($side: AccessSide!, $status: AccessRequestStatus, $first: Int, $after: String) {\n    accessRequests(side: $side, status: $status, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          consumerCode\n          providerCode\n          clientId\n          fields\n          conditionalFields\n          purposes\n          justification\n          validFrom\n          validUntil\n          status\n          requestedBy\n          requestedAt\n          dueAt\n          isOverdue\n          decidedBy\n          decidedAt\n          decisionReason\n          grants {\n            id\n            state\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AccessRequestsDocument,
    "\n  mutation ApproveAccessRequest($input: ApproveAccessRequestInput!) {\n    approveAccessRequest(input: $input) {\n      accessRequest {\n        id\n        status\n      }\n      grant {\n        id\n        validUntil\n        ...GrantTerms\n      }\n    }\n  }\n": typeof types.ApproveAccessRequestDocument,
    "\n  mutation RejectAccessRequest($requestId: ID!, $reason: String!) {\n    rejectAccessRequest(requestId: $requestId, reason: $reason) {\n      accessRequest {\n        id\n        status\n        decisionReason\n      }\n    }\n  }\n": typeof types.RejectAccessRequestDocument,
    "\n  mutation RequestAccess($input: RequestAccessInput!) {\n    requestAccess(input: $input) {\n      accessRequest {\n        id\n        status\n        fields\n        conditionalFields\n        dueAt\n        grants {\n          id\n        }\n      }\n    }\n  }\n": typeof types.RequestAccessDocument,
    "\n  query AdminServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n        condition {\n          field\n          operator\n          values\n        }\n      }\n    }\n  }\n": typeof types.AdminServiceItemsDocument,
    "\n  mutation PublishServiceItem($input: PublishServiceItemInput!) {\n    publishServiceItem(input: $input) {\n      serviceItem {\n        code\n        version\n      }\n    }\n  }\n": typeof types.PublishServiceItemDocument,
    "\n  query LiveSources {\n    liveSources {\n      resourceType\n      url\n      entityTypeName\n      keyField\n      credential\n      timeoutMs\n      isFallbackToPublished\n      state\n      health\n      lastError\n      lastErrorAt\n      latencyP50\n      version\n      registeredAt\n    }\n  }\n": typeof types.LiveSourcesDocument,
    "\n  mutation RegisterLiveSource($input: RegisterLiveSourceInput!) {\n    registerLiveSource(input: $input) {\n      liveSource {\n        resourceType\n        version\n      }\n    }\n  }\n": typeof types.RegisterLiveSourceDocument,
    "\n  mutation UnregisterLiveSource($resourceType: ID!) {\n    unregisterLiveSource(resourceType: $resourceType) {\n      resourceType\n    }\n  }\n": typeof types.UnregisterLiveSourceDocument,
    "\n  query AdminViewer {\n    viewer {\n      client {\n        id\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n": typeof types.AdminViewerDocument,
    "\n  query AdminDepartments {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      issuerCode\n    }\n  }\n": typeof types.AdminDepartmentsDocument,
    "\n  query AuditChain {\n    auditChain {\n      headSeq\n      lastCheckpoint {\n        seq\n        headHash\n        createdAt\n        kid\n        jws\n      }\n      lastVerification {\n        verifiedAt\n        isIntact\n        events\n        checkpoints\n        fromSeq\n        lastCheckpointSeq\n        firstBrokenSeq\n        problem\n      }\n    }\n  }\n": typeof types.AuditChainDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          seq\n          occurredAt\n          requestId\n          principalKind\n          clientId\n          departmentCode\n          purpose\n          caseNumber\n          action\n          operationName\n          outcome\n          errorCodes\n          resourceTypes\n          subjectHashes\n          fieldsReturned\n          fieldsMasked\n          fieldsDenied\n          details\n          hash\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
};
const documents: Documents = {
    "\n  query AdminCatalog {\n    resourceTypes {\n      ...ResourceTypeFacts\n    }\n    certificateTypes {\n      ...CertificateTypeFacts\n    }\n  }\n": types.AdminCatalogDocument,
    "\n  mutation PublishCertificateTypeForm($input: PublishCertificateTypeInput!) {\n    publishCertificateType(input: $input) {\n      certificateType {\n        code\n        version\n      }\n    }\n  }\n": types.PublishCertificateTypeFormDocument,
    "\n  mutation PublishResourceTypeForm($input: PublishResourceTypeInput!) {\n    publishResourceType(input: $input) {\n      resourceType {\n        code\n        version\n      }\n    }\n  }\n": types.PublishResourceTypeFormDocument,
    "\n  mutation RotateSigningKey {\n    rotateSigningKey {\n      departmentCode\n      kid\n      retiredKids\n    }\n  }\n": types.RotateSigningKeyDocument,
    "\n  query ResourceTypeVersions($code: ID!) {\n    resourceTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      resourceType {\n        ...ResourceTypeFacts\n      }\n    }\n  }\n": types.ResourceTypeVersionsDocument,
    "\n  query CertificateTypeVersions($code: ID!) {\n    certificateTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      certificateType {\n        ...CertificateTypeFacts\n      }\n    }\n  }\n": types.CertificateTypeVersionsDocument,
    "\n  fragment CatalogFieldFacts on CatalogField {\n    name\n    nameZh\n    type\n    sharing\n    required\n    description\n    enumValues\n  }\n": types.CatalogFieldFactsFragmentDoc,
    "\n  fragment ResourceTypeFacts on ResourceType {\n    code\n    nameZh\n    nameEn\n    providerCode\n    subjectKind\n    description\n    version\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n": types.ResourceTypeFactsFragmentDoc,
    "\n  fragment CertificateTypeFacts on CertificateType {\n    code\n    nameZh\n    nameEn\n    issuerCode\n    identifierCode\n    holderKind\n    defaultValidityDays\n    version\n    description\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n": types.CertificateTypeFactsFragmentDoc,
    "\n  query CorrectionReports($side: AccessSide!, $first: Int, $after: String) {\n    correctionReports(side: $side, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          subjectId\n          field\n          comment\n          status\n          recordVersion\n          correctedVersion\n          reportedAt\n          reportedBy\n          reporterCode\n          resolution\n          resolvedAt\n          resolvedBy\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.CorrectionReportsDocument,
    "\n  mutation ResolveDataError($input: ResolveDataErrorInput!) {\n    resolveDataError(input: $input) {\n      correctionReport {\n        id\n        status\n        correctedVersion\n      }\n    }\n  }\n": types.ResolveDataErrorDocument,
    "\n  mutation ReportDataError($input: ReportDataErrorInput!) {\n    reportDataError(input: $input) {\n      correctionReport {\n        id\n        status\n      }\n    }\n  }\n": types.ReportDataErrorDocument,
    "\n  query ServiceItemCoverage($departmentCode: String) {\n    serviceItemCoverage(departmentCode: $departmentCode) {\n      departmentCode\n      resolvable\n      total\n      items {\n        resolvable\n        total\n        serviceItem {\n          code\n          name\n          nameEn\n          materials {\n            key\n            typeCode\n          }\n        }\n        needing {\n          key\n          name\n          reason\n          missingFields\n        }\n      }\n    }\n  }\n": types.ServiceItemCoverageDocument,
    "\n  query Grants($side: AccessSide!, $resourceType: String, $first: Int, $after: String) {\n    grants(side: $side, resourceType: $resourceType, first: $first, after: $after) {\n      edges {\n        node {\n          ...GrantFacts\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n  fragment GrantFacts on Grant {\n    id\n    version\n    resourceType\n    consumerCode\n    providerCode\n    clientId\n    purposes\n    validFrom\n    validUntil\n    state\n    statusReason\n    accessRequestId\n    changedAt\n    ...GrantTerms\n  }\n": types.GrantsDocument,
    "\n  query GrantHistory($grantId: ID!) {\n    grantHistory(grantId: $grantId) {\n      ...GrantFacts\n    }\n  }\n": types.GrantHistoryDocument,
    "\n  mutation SuspendGrant($grantId: ID!, $reason: String!) {\n    suspendGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": types.SuspendGrantDocument,
    "\n  mutation ReinstateGrant($grantId: ID!) {\n    reinstateGrant(grantId: $grantId) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": types.ReinstateGrantDocument,
    "\n  mutation RevokeGrant($grantId: ID!, $reason: String!) {\n    revokeGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n": types.RevokeGrantDocument,
    "\n  fragment GrantTerms on Grant {\n    rowScope {\n      field\n      values\n    }\n    rules {\n      field\n      effect\n      mask {\n        strategy\n        n\n      }\n    }\n  }\n": types.GrantTermsFragmentDoc,
    "\n  query AccessRequests($side: AccessSide!, $status: AccessRequestStatus, $first: Int, $after: String) {\n    accessRequests(side: $side, status: $status, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          consumerCode\n          providerCode\n          clientId\n          fields\n          conditionalFields\n          purposes\n          justification\n          validFrom\n          validUntil\n          status\n          requestedBy\n          requestedAt\n          dueAt\n          isOverdue\n          decidedBy\n          decidedAt\n          decisionReason\n          grants {\n            id\n            state\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AccessRequestsDocument,
    "\n  mutation ApproveAccessRequest($input: ApproveAccessRequestInput!) {\n    approveAccessRequest(input: $input) {\n      accessRequest {\n        id\n        status\n      }\n      grant {\n        id\n        validUntil\n        ...GrantTerms\n      }\n    }\n  }\n": types.ApproveAccessRequestDocument,
    "\n  mutation RejectAccessRequest($requestId: ID!, $reason: String!) {\n    rejectAccessRequest(requestId: $requestId, reason: $reason) {\n      accessRequest {\n        id\n        status\n        decisionReason\n      }\n    }\n  }\n": types.RejectAccessRequestDocument,
    "\n  mutation RequestAccess($input: RequestAccessInput!) {\n    requestAccess(input: $input) {\n      accessRequest {\n        id\n        status\n        fields\n        conditionalFields\n        dueAt\n        grants {\n          id\n        }\n      }\n    }\n  }\n": types.RequestAccessDocument,
    "\n  query AdminServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n        condition {\n          field\n          operator\n          values\n        }\n      }\n    }\n  }\n": types.AdminServiceItemsDocument,
    "\n  mutation PublishServiceItem($input: PublishServiceItemInput!) {\n    publishServiceItem(input: $input) {\n      serviceItem {\n        code\n        version\n      }\n    }\n  }\n": types.PublishServiceItemDocument,
    "\n  query LiveSources {\n    liveSources {\n      resourceType\n      url\n      entityTypeName\n      keyField\n      credential\n      timeoutMs\n      isFallbackToPublished\n      state\n      health\n      lastError\n      lastErrorAt\n      latencyP50\n      version\n      registeredAt\n    }\n  }\n": types.LiveSourcesDocument,
    "\n  mutation RegisterLiveSource($input: RegisterLiveSourceInput!) {\n    registerLiveSource(input: $input) {\n      liveSource {\n        resourceType\n        version\n      }\n    }\n  }\n": types.RegisterLiveSourceDocument,
    "\n  mutation UnregisterLiveSource($resourceType: ID!) {\n    unregisterLiveSource(resourceType: $resourceType) {\n      resourceType\n    }\n  }\n": types.UnregisterLiveSourceDocument,
    "\n  query AdminViewer {\n    viewer {\n      client {\n        id\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n": types.AdminViewerDocument,
    "\n  query AdminDepartments {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      issuerCode\n    }\n  }\n": types.AdminDepartmentsDocument,
    "\n  query AuditChain {\n    auditChain {\n      headSeq\n      lastCheckpoint {\n        seq\n        headHash\n        createdAt\n        kid\n        jws\n      }\n      lastVerification {\n        verifiedAt\n        isIntact\n        events\n        checkpoints\n        fromSeq\n        lastCheckpointSeq\n        firstBrokenSeq\n        problem\n      }\n    }\n  }\n": types.AuditChainDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          seq\n          occurredAt\n          requestId\n          principalKind\n          clientId\n          departmentCode\n          purpose\n          caseNumber\n          action\n          operationName\n          outcome\n          errorCodes\n          resourceTypes\n          subjectHashes\n          fieldsReturned\n          fieldsMasked\n          fieldsDenied\n          details\n          hash\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCatalog {\n    resourceTypes {\n      ...ResourceTypeFacts\n    }\n    certificateTypes {\n      ...CertificateTypeFacts\n    }\n  }\n"): (typeof documents)["\n  query AdminCatalog {\n    resourceTypes {\n      ...ResourceTypeFacts\n    }\n    certificateTypes {\n      ...CertificateTypeFacts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCertificateTypeForm($input: PublishCertificateTypeInput!) {\n    publishCertificateType(input: $input) {\n      certificateType {\n        code\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCertificateTypeForm($input: PublishCertificateTypeInput!) {\n    publishCertificateType(input: $input) {\n      certificateType {\n        code\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishResourceTypeForm($input: PublishResourceTypeInput!) {\n    publishResourceType(input: $input) {\n      resourceType {\n        code\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishResourceTypeForm($input: PublishResourceTypeInput!) {\n    publishResourceType(input: $input) {\n      resourceType {\n        code\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateSigningKey {\n    rotateSigningKey {\n      departmentCode\n      kid\n      retiredKids\n    }\n  }\n"): (typeof documents)["\n  mutation RotateSigningKey {\n    rotateSigningKey {\n      departmentCode\n      kid\n      retiredKids\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceTypeVersions($code: ID!) {\n    resourceTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      resourceType {\n        ...ResourceTypeFacts\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResourceTypeVersions($code: ID!) {\n    resourceTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      resourceType {\n        ...ResourceTypeFacts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateTypeVersions($code: ID!) {\n    certificateTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      certificateType {\n        ...CertificateTypeFacts\n      }\n    }\n  }\n"): (typeof documents)["\n  query CertificateTypeVersions($code: ID!) {\n    certificateTypeVersions(code: $code) {\n      version\n      changedAt\n      changedBy\n      certificateType {\n        ...CertificateTypeFacts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogFieldFacts on CatalogField {\n    name\n    nameZh\n    type\n    sharing\n    required\n    description\n    enumValues\n  }\n"): (typeof documents)["\n  fragment CatalogFieldFacts on CatalogField {\n    name\n    nameZh\n    type\n    sharing\n    required\n    description\n    enumValues\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceTypeFacts on ResourceType {\n    code\n    nameZh\n    nameEn\n    providerCode\n    subjectKind\n    description\n    version\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceTypeFacts on ResourceType {\n    code\n    nameZh\n    nameEn\n    providerCode\n    subjectKind\n    description\n    version\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificateTypeFacts on CertificateType {\n    code\n    nameZh\n    nameEn\n    issuerCode\n    identifierCode\n    holderKind\n    defaultValidityDays\n    version\n    description\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n"): (typeof documents)["\n  fragment CertificateTypeFacts on CertificateType {\n    code\n    nameZh\n    nameEn\n    issuerCode\n    identifierCode\n    holderKind\n    defaultValidityDays\n    version\n    description\n    fields {\n      ...CatalogFieldFacts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CorrectionReports($side: AccessSide!, $first: Int, $after: String) {\n    correctionReports(side: $side, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          subjectId\n          field\n          comment\n          status\n          recordVersion\n          correctedVersion\n          reportedAt\n          reportedBy\n          reporterCode\n          resolution\n          resolvedAt\n          resolvedBy\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CorrectionReports($side: AccessSide!, $first: Int, $after: String) {\n    correctionReports(side: $side, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          subjectId\n          field\n          comment\n          status\n          recordVersion\n          correctedVersion\n          reportedAt\n          reportedBy\n          reporterCode\n          resolution\n          resolvedAt\n          resolvedBy\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDataError($input: ResolveDataErrorInput!) {\n    resolveDataError(input: $input) {\n      correctionReport {\n        id\n        status\n        correctedVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveDataError($input: ResolveDataErrorInput!) {\n    resolveDataError(input: $input) {\n      correctionReport {\n        id\n        status\n        correctedVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportDataError($input: ReportDataErrorInput!) {\n    reportDataError(input: $input) {\n      correctionReport {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReportDataError($input: ReportDataErrorInput!) {\n    reportDataError(input: $input) {\n      correctionReport {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceItemCoverage($departmentCode: String) {\n    serviceItemCoverage(departmentCode: $departmentCode) {\n      departmentCode\n      resolvable\n      total\n      items {\n        resolvable\n        total\n        serviceItem {\n          code\n          name\n          nameEn\n          materials {\n            key\n            typeCode\n          }\n        }\n        needing {\n          key\n          name\n          reason\n          missingFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceItemCoverage($departmentCode: String) {\n    serviceItemCoverage(departmentCode: $departmentCode) {\n      departmentCode\n      resolvable\n      total\n      items {\n        resolvable\n        total\n        serviceItem {\n          code\n          name\n          nameEn\n          materials {\n            key\n            typeCode\n          }\n        }\n        needing {\n          key\n          name\n          reason\n          missingFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Grants($side: AccessSide!, $resourceType: String, $first: Int, $after: String) {\n    grants(side: $side, resourceType: $resourceType, first: $first, after: $after) {\n      edges {\n        node {\n          ...GrantFacts\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n  fragment GrantFacts on Grant {\n    id\n    version\n    resourceType\n    consumerCode\n    providerCode\n    clientId\n    purposes\n    validFrom\n    validUntil\n    state\n    statusReason\n    accessRequestId\n    changedAt\n    ...GrantTerms\n  }\n"): (typeof documents)["\n  query Grants($side: AccessSide!, $resourceType: String, $first: Int, $after: String) {\n    grants(side: $side, resourceType: $resourceType, first: $first, after: $after) {\n      edges {\n        node {\n          ...GrantFacts\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n  fragment GrantFacts on Grant {\n    id\n    version\n    resourceType\n    consumerCode\n    providerCode\n    clientId\n    purposes\n    validFrom\n    validUntil\n    state\n    statusReason\n    accessRequestId\n    changedAt\n    ...GrantTerms\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrantHistory($grantId: ID!) {\n    grantHistory(grantId: $grantId) {\n      ...GrantFacts\n    }\n  }\n"): (typeof documents)["\n  query GrantHistory($grantId: ID!) {\n    grantHistory(grantId: $grantId) {\n      ...GrantFacts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendGrant($grantId: ID!, $reason: String!) {\n    suspendGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendGrant($grantId: ID!, $reason: String!) {\n    suspendGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReinstateGrant($grantId: ID!) {\n    reinstateGrant(grantId: $grantId) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReinstateGrant($grantId: ID!) {\n    reinstateGrant(grantId: $grantId) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeGrant($grantId: ID!, $reason: String!) {\n    revokeGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeGrant($grantId: ID!, $reason: String!) {\n    revokeGrant(grantId: $grantId, reason: $reason) {\n      grant {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GrantTerms on Grant {\n    rowScope {\n      field\n      values\n    }\n    rules {\n      field\n      effect\n      mask {\n        strategy\n        n\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment GrantTerms on Grant {\n    rowScope {\n      field\n      values\n    }\n    rules {\n      field\n      effect\n      mask {\n        strategy\n        n\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessRequests($side: AccessSide!, $status: AccessRequestStatus, $first: Int, $after: String) {\n    accessRequests(side: $side, status: $status, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          consumerCode\n          providerCode\n          clientId\n          fields\n          conditionalFields\n          purposes\n          justification\n          validFrom\n          validUntil\n          status\n          requestedBy\n          requestedAt\n          dueAt\n          isOverdue\n          decidedBy\n          decidedAt\n          decisionReason\n          grants {\n            id\n            state\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessRequests($side: AccessSide!, $status: AccessRequestStatus, $first: Int, $after: String) {\n    accessRequests(side: $side, status: $status, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          resourceType\n          consumerCode\n          providerCode\n          clientId\n          fields\n          conditionalFields\n          purposes\n          justification\n          validFrom\n          validUntil\n          status\n          requestedBy\n          requestedAt\n          dueAt\n          isOverdue\n          decidedBy\n          decidedAt\n          decisionReason\n          grants {\n            id\n            state\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAccessRequest($input: ApproveAccessRequestInput!) {\n    approveAccessRequest(input: $input) {\n      accessRequest {\n        id\n        status\n      }\n      grant {\n        id\n        validUntil\n        ...GrantTerms\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveAccessRequest($input: ApproveAccessRequestInput!) {\n    approveAccessRequest(input: $input) {\n      accessRequest {\n        id\n        status\n      }\n      grant {\n        id\n        validUntil\n        ...GrantTerms\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectAccessRequest($requestId: ID!, $reason: String!) {\n    rejectAccessRequest(requestId: $requestId, reason: $reason) {\n      accessRequest {\n        id\n        status\n        decisionReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectAccessRequest($requestId: ID!, $reason: String!) {\n    rejectAccessRequest(requestId: $requestId, reason: $reason) {\n      accessRequest {\n        id\n        status\n        decisionReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAccess($input: RequestAccessInput!) {\n    requestAccess(input: $input) {\n      accessRequest {\n        id\n        status\n        fields\n        conditionalFields\n        dueAt\n        grants {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestAccess($input: RequestAccessInput!) {\n    requestAccess(input: $input) {\n      accessRequest {\n        id\n        status\n        fields\n        conditionalFields\n        dueAt\n        grants {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n        condition {\n          field\n          operator\n          values\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n        condition {\n          field\n          operator\n          values\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishServiceItem($input: PublishServiceItemInput!) {\n    publishServiceItem(input: $input) {\n      serviceItem {\n        code\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishServiceItem($input: PublishServiceItemInput!) {\n    publishServiceItem(input: $input) {\n      serviceItem {\n        code\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveSources {\n    liveSources {\n      resourceType\n      url\n      entityTypeName\n      keyField\n      credential\n      timeoutMs\n      isFallbackToPublished\n      state\n      health\n      lastError\n      lastErrorAt\n      latencyP50\n      version\n      registeredAt\n    }\n  }\n"): (typeof documents)["\n  query LiveSources {\n    liveSources {\n      resourceType\n      url\n      entityTypeName\n      keyField\n      credential\n      timeoutMs\n      isFallbackToPublished\n      state\n      health\n      lastError\n      lastErrorAt\n      latencyP50\n      version\n      registeredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterLiveSource($input: RegisterLiveSourceInput!) {\n    registerLiveSource(input: $input) {\n      liveSource {\n        resourceType\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterLiveSource($input: RegisterLiveSourceInput!) {\n    registerLiveSource(input: $input) {\n      liveSource {\n        resourceType\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnregisterLiveSource($resourceType: ID!) {\n    unregisterLiveSource(resourceType: $resourceType) {\n      resourceType\n    }\n  }\n"): (typeof documents)["\n  mutation UnregisterLiveSource($resourceType: ID!) {\n    unregisterLiveSource(resourceType: $resourceType) {\n      resourceType\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminViewer {\n    viewer {\n      client {\n        id\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n"): (typeof documents)["\n  query AdminViewer {\n    viewer {\n      client {\n        id\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDepartments {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      issuerCode\n    }\n  }\n"): (typeof documents)["\n  query AdminDepartments {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      issuerCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChain {\n    auditChain {\n      headSeq\n      lastCheckpoint {\n        seq\n        headHash\n        createdAt\n        kid\n        jws\n      }\n      lastVerification {\n        verifiedAt\n        isIntact\n        events\n        checkpoints\n        fromSeq\n        lastCheckpointSeq\n        firstBrokenSeq\n        problem\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditChain {\n    auditChain {\n      headSeq\n      lastCheckpoint {\n        seq\n        headHash\n        createdAt\n        kid\n        jws\n      }\n      lastVerification {\n        verifiedAt\n        isIntact\n        events\n        checkpoints\n        fromSeq\n        lastCheckpointSeq\n        firstBrokenSeq\n        problem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          seq\n          occurredAt\n          requestId\n          principalKind\n          clientId\n          departmentCode\n          purpose\n          caseNumber\n          action\n          operationName\n          outcome\n          errorCodes\n          resourceTypes\n          subjectHashes\n          fieldsReturned\n          fieldsMasked\n          fieldsDenied\n          details\n          hash\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          seq\n          occurredAt\n          requestId\n          principalKind\n          clientId\n          departmentCode\n          purpose\n          caseNumber\n          action\n          operationName\n          outcome\n          errorCodes\n          resourceTypes\n          subjectHashes\n          fieldsReturned\n          fieldsMasked\n          fieldsDenied\n          details\n          hash\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;