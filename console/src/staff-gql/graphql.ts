/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where an access request stands. */
export type AccessRequestStatus =
  /** Granted. */
  | 'APPROVED'
  /** Waiting for the provider. */
  | 'PENDING'
  /** Refused by the provider, with a reason. */
  | 'REJECTED';

/** Which side of the exchange the viewer's department is on. */
export type AccessSide =
  /** It reads the data. */
  | 'CONSUMER'
  /** It provides the data. */
  | 'PROVIDER';

/** Approve a pending access request, possibly narrower than asked. */
export type ApproveAccessRequestInput = {
  /** Fields granted and how; default: every CONDITIONAL field asked for, in the clear. */
  fields?: Array<FieldDecisionInput> | null | undefined;
  /** A note for the consumer. */
  reason?: string | null | undefined;
  /** The request. */
  requestId: string | number;
  /** Restrict the grant to some subjects. */
  rowScope?: RowScopeInput | null | undefined;
  /** A shorter validity than asked. */
  validUntil?: string | null | undefined;
};

/** How an approved field may be read. */
export type ApprovedEffect =
  /** In the clear. */
  | 'ALLOW'
  /** Masked. */
  | 'MASK';

/** Narrow an audit search; every given condition must hold. */
export type AuditEventFilter = {
  /** Certificate type read or changed. */
  certificateType?: string | null | undefined;
  /** The acting client id. */
  client?: string | null | undefined;
  /** The acting client's department (credit code). */
  department?: string | null | undefined;
  /** From this time (inclusive). */
  from?: string | null | undefined;
  /** GraphQL operation name or action. */
  operation?: string | null | undefined;
  /** Outcome. */
  outcome?: AuditOutcome | null | undefined;
  /** Stated purpose. */
  purpose?: string | null | undefined;
  /** Resource type read or changed. */
  resourceType?: string | null | undefined;
  /** A subject (matched through its keyed hash; the identifier is not stored). */
  subjectId?: string | number | null | undefined;
  /** Until this time (exclusive). */
  to?: string | null | undefined;
};

/** How an audited operation ended. */
export type AuditOutcome =
  /** Authorization refused it. */
  | 'DENIED'
  /** Failed with an error. */
  | 'ERROR'
  /** Some fields were denied or failed; the rest was returned. */
  | 'PARTIAL'
  /** Refused before execution (bad token, bad request, limits). */
  | 'REFUSED'
  /** Completed; returned what it was allowed to. */
  | 'SUCCESS';

/** State of a live source's circuit breaker on the hub instance that answers. */
export type BreakerState =
  /** Calls go to the source. */
  | 'CLOSED'
  /** The reset time has passed: the next call is a trial; success closes the breaker, failure opens it again. */
  | 'HALF_OPEN'
  /** The source failed too often: calls are refused without reaching it (SOURCE_UNAVAILABLE, or the published copy when it falls back) until the reset time has passed. */
  | 'OPEN';

/** One field of a resource type being published. */
export type CatalogFieldInput = {
  /** What the field means (becomes its GraphQL description). */
  description: string;
  /** For ENUM: the allowed values, UPPER_SNAKE. */
  enumValues?: Array<string> | null | undefined;
  /** camelCase name. */
  name: string;
  /** Chinese label. */
  nameZh: string;
  /** Whether every record must carry a value. */
  required: boolean;
  /** Sharing class. */
  sharing: SharingClass;
  /** Value type. */
  type: FieldType;
};

/** How a material condition compares a field with its values. */
export type ConditionOperator =
  | 'AT_LEAST'
  | 'AT_MOST'
  | 'EQUALS'
  | 'IN'
  | 'NOT_EQUALS';

/** The provider's answer to a data correction report. */
export type CorrectionOutcome =
  /** Correct the record: a new version with the given values. */
  | 'CORRECTED'
  /** Leave the record as it is, with a reason. */
  | 'REJECTED';

/** Where a data correction report stands. */
export type CorrectionStatus =
  /** The provider corrected the record; correctedVersion carries the correction. */
  | 'CORRECTED'
  /** Waiting for the provider. */
  | 'OPEN'
  /** The provider found the data right, and said why. */
  | 'REJECTED';

/** Why a material still needs paper. */
export type CoverageGap =
  /** Not in the catalog. */
  | 'NO_CATALOG_ENTRY'
  /** No grant for the item. */
  | 'NO_GRANT'
  /** Its live source is down. */
  | 'SOURCE_DOWN';

/** How one approved field may be read. */
export type FieldDecisionInput = {
  /** ALLOW or MASK. */
  effect: ApprovedEffect;
  /** A CONDITIONAL field of the request. */
  field: string;
  /** The mask, for MASK. */
  mask?: MaskRuleInput | null | undefined;
};

/** What a grant says about a field. */
export type FieldEffect =
  /** Readable in the clear. */
  | 'ALLOW'
  /** Not readable, whatever other grants say. */
  | 'DENY'
  /** Readable masked. */
  | 'MASK';

/** The type of a catalog field. */
export type FieldType =
  /** True or false. */
  | 'BOOLEAN'
  /** A calendar date, YYYY-MM-DD. */
  | 'DATE'
  /** A point in time, ISO 8601 with a time zone. */
  | 'DATETIME'
  /** An exact decimal number, served as a string such as "1234.56". */
  | 'DECIMAL'
  /** One of a fixed list of values. */
  | 'ENUM'
  /** A 32-bit integer. */
  | 'INT'
  /** Text. */
  | 'STRING';

/** State of a grant at the time of the query. */
export type GrantState =
  /** In force. */
  | 'ACTIVE'
  /** Past its validity. */
  | 'EXPIRED'
  /** Ended by the provider; final. */
  | 'REVOKED'
  /** Paused by the provider; may be reinstated. */
  | 'SUSPENDED';

/** How the hub authenticates to a live source. */
export type LiveSourceCredential =
  /** An OAuth 2.0 client-credentials token from the given token endpoint, cached until it expires. */
  | 'CLIENT_CREDENTIALS'
  /** No credentials (a source inside a closed network). */
  | 'NONE'
  /** A static bearer secret, stored encrypted. */
  | 'STATIC_BEARER';

/** A masking strategy with its parameter. */
export type MaskRuleInput = {
  /** For KEEP_FIRST and KEEP_LAST: visible characters (1-32). */
  n?: number | null | undefined;
  /** The strategy. */
  strategy: MaskStrategy;
};

/** How a masked field is shown. */
export type MaskStrategy =
  /** Only the year of a date. */
  | 'DATE_YEAR_ONLY'
  /** A keyed hash (HMAC-SHA-256) with the consumer department's own key: joinable within one consumer, not across. */
  | 'HASH'
  /** The first n characters, the rest as *. */
  | 'KEEP_FIRST'
  /** The last n characters, the rest as *. */
  | 'KEEP_LAST'
  /** A fixed mask, "***", whatever the value. */
  | 'REDACT';

/** A condition on the material's data. */
export type MaterialConditionInput = {
  /** Field of the resource type. */
  field: string;
  /** Comparison. */
  operator: ConditionOperator;
  /** Values compared with. */
  values: Array<string>;
};

/** A required material of a service item. */
export type MaterialInput = {
  /** A condition the data must meet. */
  condition?: MaterialConditionInput | null | undefined;
  /** For a record: the fields it needs. */
  fields?: Array<string> | null | undefined;
  /** The applicant approves the use before it is resolved. */
  isConsentRequired?: boolean | null | undefined;
  /** Satisfied when the applicant has no such record. */
  isSatisfiedWhenAbsent?: boolean | null | undefined;
  /** Stable key within the item, snake_case. */
  key: string;
  /** Name. */
  name: string;
  /** Certificate or record. */
  source: MaterialSource;
  /** Certificate type or resource type code. */
  typeCode: string;
};

/** Where a material comes from. */
export type MaterialSource =
  /** A valid certificate of a type held by the applicant. */
  | 'CERTIFICATE'
  /** Fields of the applicant's record in a resource type. */
  | 'RECORD';

/** Who acted. */
export type PrincipalKind =
  /** Not authenticated. */
  | 'ANONYMOUS'
  /** A department client. */
  | 'CLIENT'
  /** A citizen or business. */
  | 'HOLDER';

/** Publish a certificate type your department issues, or a new version of one. */
export type PublishCertificateTypeInput = {
  /** snake_case code, unique among resource and certificate types. */
  code: string;
  /** Validity in days when the issuer names no end; omit for no end. */
  defaultValidityDays?: number | null | undefined;
  /** What the certificate proves. */
  description: string;
  /** The face fields, in order, defined like catalog fields. */
  fields: Array<CatalogFieldInput>;
  /** Who holds it. Cannot change once published. */
  holderKind: SubjectKind;
  /** The type’s mark in identifiers: 2-8 characters A-Z and 0-9, e.g. YYZZ. Cannot change once published. */
  identifierCode: string;
  /** Name in English. */
  nameEn: string;
  /** Name in Chinese. */
  nameZh: string;
};

/** Publish a new resource type, or a new version of one of your department's. */
export type PublishResourceTypeInput = {
  /** snake_case code. */
  code: string;
  /** What the data set holds. */
  description: string;
  /** The fields, in order. */
  fields: Array<CatalogFieldInput>;
  /** Name in English. */
  nameEn: string;
  /** Name in Chinese. */
  nameZh: string;
  /** Whom its records are about. */
  subjectKind: SubjectKind;
};

/** Publish a service item, or a new version of one of your department's. */
export type PublishServiceItemInput = {
  /** snake_case code; also the purpose its reads state. */
  code: string;
  /** Required materials. */
  materials: Array<MaterialInput>;
  /** Name in Chinese. */
  name: string;
  /** Name in English. */
  nameEn: string;
};

/** Register (or register anew) the live source of a resource type your department provides. */
export type RegisterLiveSourceInput = {
  /** STATIC_BEARER: the bearer secret (stored encrypted, never shown). */
  bearerToken?: string | null | undefined;
  /** CLIENT_CREDENTIALS: the client id. */
  clientId?: string | null | undefined;
  /** CLIENT_CREDENTIALS: the client secret (stored encrypted, never shown). */
  clientSecret?: string | null | undefined;
  /** How the hub authenticates to the source. */
  credential?: LiveSourceCredential;
  /** The entity type in its SDL that carries the records, e.g. SocialInsurance. */
  entityTypeName: string;
  /** Serve the published copy when the source is down (and say so in extensions.sharehub.fallbacks). */
  isFallbackToPublished?: boolean;
  /** Its @key field, holding the subject id. */
  keyField?: string;
  /** Resource type code. */
  resourceType: string;
  /** How long the hub waits for one call, in milliseconds (50 to 30,000; 3,000 when omitted). */
  timeoutMs?: number | null | undefined;
  /** CLIENT_CREDENTIALS: the token endpoint. */
  tokenEndpoint?: string | null | undefined;
  /** The subgraph's GraphQL endpoint (http or https); it must answer `_service { sdl }` and `_entities`. */
  url: string;
};

/** Report that a field of a record of another department is wrong. */
export type ReportDataErrorInput = {
  /** What is wrong, and what the right value is if known (at most 2,000 characters). */
  comment: string;
  /** The wrong field: one your department can read (allowed or masked by a grant). */
  field: string;
  /** Resource type code. */
  resourceType: string;
  /** The subject: resident ID number or unified social credit code (check character verified). */
  subjectId: string | number;
};

/** Ask for access to fields of a resource type. */
export type RequestAccessInput = {
  /** Limit the grant to one client of your department. */
  clientId?: string | null | undefined;
  /** Fields wanted. NOT_SHARED fields are refused. */
  fields: Array<string>;
  /** Why the data is needed. */
  justification: string;
  /** Purposes: service item codes or declared legal bases. */
  purposes: Array<string>;
  /** Resource type code. */
  resourceType: string;
  /** Start of validity; default now. */
  validFrom?: string | null | undefined;
  /** End of validity (at most five years). */
  validUntil: string;
};

/** Answer an OPEN data correction report about your department's data. */
export type ResolveDataErrorInput = {
  /** For CORRECTED: corrected values keyed by catalog field name, merged over the record's current values and validated like upsertRecords; the record gets a new version. Omit for REJECTED. */
  fields?: Record<string, unknown> | null | undefined;
  /** CORRECTED or REJECTED. */
  outcome: CorrectionOutcome;
  /** For the reporter: what was corrected, or why the report is rejected (at most 2,000 characters). */
  reason: string;
  /** The report. */
  reportId: string | number;
};

/** What a client may do at the hub. */
export type Role =
  /** Searches and verifies the audit log. */
  | 'AUDITOR'
  /** Manages its department's catalog entries, access requests and grants. */
  | 'DATA_ADMIN'
  /** A department system: reads shared data for a stated purpose, publishes its own. */
  | 'SYSTEM'
  /** A service window: verifies certificates and prepares applications. */
  | 'WINDOW_CLERK';

/** Restrict a grant to subjects whose value of `field` is one of `values`. */
export type RowScopeInput = {
  /** Catalog field, e.g. districtCode. */
  field: string;
  /** Allowed values. */
  values: Array<string>;
};

/** How a field may be shared (政务信息资源共享分类). */
export type SharingClass =
  /** 有条件共享: the consumer applies, the provider approves. */
  | 'CONDITIONAL'
  /** 不予共享: never leaves the provider. */
  | 'NOT_SHARED'
  /** 无条件共享: granted at once on request. */
  | 'UNCONDITIONAL';

/** A live source's health in plain words, on the hub instance that answers. */
export type SourceHealth =
  /** It failed in the last minute, or it is being tried again after an outage. */
  | 'DEGRADED'
  /** Calls succeed (no failure in the last minute). */
  | 'HEALTHY'
  /** It failed too often: calls are not sent to it for now (its records are SOURCE_UNAVAILABLE, or the published copy serves them). */
  | 'UNAVAILABLE';

/** Whom records are about. */
export type SubjectKind =
  /** An organization, by unified social credit code. */
  | 'ORGANIZATION'
  /** A person, by resident ID number. */
  | 'PERSON';

export type AdminCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminCatalogQuery = { resourceTypes: Array<{ code: string, nameZh: string, nameEn: string, providerCode: string, subjectKind: SubjectKind, description: string, version: number, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> }>, certificateTypes: Array<{ code: string, nameZh: string, nameEn: string, issuerCode: string, identifierCode: string, holderKind: SubjectKind, defaultValidityDays: number | null, version: number, description: string, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> }> };

export type PublishCertificateTypeFormMutationVariables = Exact<{
  input: PublishCertificateTypeInput;
}>;


export type PublishCertificateTypeFormMutation = { publishCertificateType: { certificateType: { code: string, version: number } } };

export type PublishResourceTypeFormMutationVariables = Exact<{
  input: PublishResourceTypeInput;
}>;


export type PublishResourceTypeFormMutation = { publishResourceType: { resourceType: { code: string, version: number } } };

export type RotateSigningKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateSigningKeyMutation = { rotateSigningKey: { departmentCode: string, kid: string, retiredKids: Array<string> } };

export type ResourceTypeVersionsQueryVariables = Exact<{
  code: string | number;
}>;


export type ResourceTypeVersionsQuery = { resourceTypeVersions: Array<{ version: number, changedAt: string, changedBy: string, resourceType: { code: string, nameZh: string, nameEn: string, providerCode: string, subjectKind: SubjectKind, description: string, version: number, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> } }> };

export type CertificateTypeVersionsQueryVariables = Exact<{
  code: string | number;
}>;


export type CertificateTypeVersionsQuery = { certificateTypeVersions: Array<{ version: number, changedAt: string, changedBy: string, certificateType: { code: string, nameZh: string, nameEn: string, issuerCode: string, identifierCode: string, holderKind: SubjectKind, defaultValidityDays: number | null, version: number, description: string, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> } }> };

export type CatalogFieldFactsFragment = { name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null };

export type ResourceTypeFactsFragment = { code: string, nameZh: string, nameEn: string, providerCode: string, subjectKind: SubjectKind, description: string, version: number, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> };

export type CertificateTypeFactsFragment = { code: string, nameZh: string, nameEn: string, issuerCode: string, identifierCode: string, holderKind: SubjectKind, defaultValidityDays: number | null, version: number, description: string, fields: Array<{ name: string, nameZh: string, type: FieldType, sharing: SharingClass, required: boolean, description: string, enumValues: Array<string> | null }> };

export type CorrectionReportsQueryVariables = Exact<{
  side: AccessSide;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CorrectionReportsQuery = { correctionReports: { edges: Array<{ node: { id: string, resourceType: string, subjectId: string, field: string, comment: string, status: CorrectionStatus, recordVersion: number, correctedVersion: number | null, reportedAt: string, reportedBy: string, reporterCode: string, resolution: string | null, resolvedAt: string | null, resolvedBy: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ResolveDataErrorMutationVariables = Exact<{
  input: ResolveDataErrorInput;
}>;


export type ResolveDataErrorMutation = { resolveDataError: { correctionReport: { id: string, status: CorrectionStatus, correctedVersion: number | null } } };

export type ReportDataErrorMutationVariables = Exact<{
  input: ReportDataErrorInput;
}>;


export type ReportDataErrorMutation = { reportDataError: { correctionReport: { id: string, status: CorrectionStatus } } };

export type ServiceItemCoverageQueryVariables = Exact<{
  departmentCode?: string | null | undefined;
}>;


export type ServiceItemCoverageQuery = { serviceItemCoverage: { departmentCode: string, resolvable: number, total: number, items: Array<{ resolvable: number, total: number, serviceItem: { code: string, name: string, nameEn: string, materials: Array<{ key: string, typeCode: string }> }, needing: Array<{ key: string, name: string, reason: CoverageGap, missingFields: Array<string> }> }> } };

export type GrantsQueryVariables = Exact<{
  side: AccessSide;
  resourceType?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GrantsQuery = { grants: { edges: Array<{ node: { id: string, version: number, resourceType: string, consumerCode: string, providerCode: string, clientId: string | null, purposes: Array<string>, validFrom: string, validUntil: string, state: GrantState, statusReason: string | null, accessRequestId: string | null, changedAt: string, rowScope: { field: string, values: Array<string> } | null, rules: Array<{ field: string, effect: FieldEffect, mask: { strategy: MaskStrategy, n: number | null } | null }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type GrantFactsFragment = { id: string, version: number, resourceType: string, consumerCode: string, providerCode: string, clientId: string | null, purposes: Array<string>, validFrom: string, validUntil: string, state: GrantState, statusReason: string | null, accessRequestId: string | null, changedAt: string, rowScope: { field: string, values: Array<string> } | null, rules: Array<{ field: string, effect: FieldEffect, mask: { strategy: MaskStrategy, n: number | null } | null }> };

export type GrantHistoryQueryVariables = Exact<{
  grantId: string | number;
}>;


export type GrantHistoryQuery = { grantHistory: Array<{ id: string, version: number, resourceType: string, consumerCode: string, providerCode: string, clientId: string | null, purposes: Array<string>, validFrom: string, validUntil: string, state: GrantState, statusReason: string | null, accessRequestId: string | null, changedAt: string, rowScope: { field: string, values: Array<string> } | null, rules: Array<{ field: string, effect: FieldEffect, mask: { strategy: MaskStrategy, n: number | null } | null }> }> };

export type SuspendGrantMutationVariables = Exact<{
  grantId: string | number;
  reason: string;
}>;


export type SuspendGrantMutation = { suspendGrant: { grant: { id: string, state: GrantState } } };

export type ReinstateGrantMutationVariables = Exact<{
  grantId: string | number;
}>;


export type ReinstateGrantMutation = { reinstateGrant: { grant: { id: string, state: GrantState } } };

export type RevokeGrantMutationVariables = Exact<{
  grantId: string | number;
  reason: string;
}>;


export type RevokeGrantMutation = { revokeGrant: { grant: { id: string, state: GrantState } } };

export type GrantTermsFragment = { rowScope: { field: string, values: Array<string> } | null, rules: Array<{ field: string, effect: FieldEffect, mask: { strategy: MaskStrategy, n: number | null } | null }> };

export type AccessRequestsQueryVariables = Exact<{
  side: AccessSide;
  status?: AccessRequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessRequestsQuery = { accessRequests: { edges: Array<{ node: { id: string, resourceType: string, consumerCode: string, providerCode: string, clientId: string | null, fields: Array<string>, conditionalFields: Array<string>, purposes: Array<string>, justification: string, validFrom: string, validUntil: string, status: AccessRequestStatus, requestedBy: string, requestedAt: string, dueAt: string, isOverdue: boolean, decidedBy: string | null, decidedAt: string | null, decisionReason: string | null, grants: Array<{ id: string, state: GrantState }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ApproveAccessRequestMutationVariables = Exact<{
  input: ApproveAccessRequestInput;
}>;


export type ApproveAccessRequestMutation = { approveAccessRequest: { accessRequest: { id: string, status: AccessRequestStatus }, grant: { id: string, validUntil: string, rowScope: { field: string, values: Array<string> } | null, rules: Array<{ field: string, effect: FieldEffect, mask: { strategy: MaskStrategy, n: number | null } | null }> } } };

export type RejectAccessRequestMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;


export type RejectAccessRequestMutation = { rejectAccessRequest: { accessRequest: { id: string, status: AccessRequestStatus, decisionReason: string | null } } };

export type RequestAccessMutationVariables = Exact<{
  input: RequestAccessInput;
}>;


export type RequestAccessMutation = { requestAccess: { accessRequest: { id: string, status: AccessRequestStatus, fields: Array<string>, conditionalFields: Array<string>, dueAt: string, grants: Array<{ id: string }> } } };

export type AdminServiceItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminServiceItemsQuery = { serviceItems: Array<{ code: string, name: string, nameEn: string, departmentCode: string, version: number, materials: Array<{ key: string, name: string, source: MaterialSource, typeCode: string, fields: Array<string>, isConsentRequired: boolean, isSatisfiedWhenAbsent: boolean, condition: { field: string, operator: ConditionOperator, values: Array<string> } | null }> }> };

export type PublishServiceItemMutationVariables = Exact<{
  input: PublishServiceItemInput;
}>;


export type PublishServiceItemMutation = { publishServiceItem: { serviceItem: { code: string, version: number } } };

export type LiveSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveSourcesQuery = { liveSources: Array<{ resourceType: string, url: string, entityTypeName: string, keyField: string, credential: LiveSourceCredential, timeoutMs: number, isFallbackToPublished: boolean, state: BreakerState, health: SourceHealth, lastError: string | null, lastErrorAt: string | null, latencyP50: number | null, version: number, registeredAt: string }> };

export type RegisterLiveSourceMutationVariables = Exact<{
  input: RegisterLiveSourceInput;
}>;


export type RegisterLiveSourceMutation = { registerLiveSource: { liveSource: { resourceType: string, version: number } } };

export type UnregisterLiveSourceMutationVariables = Exact<{
  resourceType: string | number;
}>;


export type UnregisterLiveSourceMutation = { unregisterLiveSource: { resourceType: string } };

export type AdminViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminViewerQuery = { viewer: { roles: Array<Role>, client: { id: string } | null, department: { code: string, name: string, nameEn: string } | null } };

export type AdminDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminDepartmentsQuery = { resourceTypes: Array<{ code: string, nameZh: string, nameEn: string, providerCode: string }>, certificateTypes: Array<{ code: string, nameZh: string, nameEn: string, issuerCode: string }> };

export type AuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainQuery = { auditChain: { headSeq: string | null, lastCheckpoint: { seq: string, headHash: string, createdAt: string, kid: string, jws: string } | null, lastVerification: { verifiedAt: string, isIntact: boolean, events: number, checkpoints: number, fromSeq: string, lastCheckpointSeq: string | null, firstBrokenSeq: string | null, problem: string | null } | null } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { edges: Array<{ node: { seq: string, occurredAt: string, requestId: string, principalKind: PrincipalKind, clientId: string | null, departmentCode: string | null, purpose: string | null, caseNumber: string | null, action: string, operationName: string | null, outcome: AuditOutcome, errorCodes: Array<string>, resourceTypes: Array<string>, subjectHashes: Array<string>, fieldsReturned: Array<string>, fieldsMasked: Array<string>, fieldsDenied: Array<string>, details: Record<string, unknown> | null, hash: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export const CatalogFieldFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}}]} as unknown as DocumentNode<CatalogFieldFactsFragment, unknown>;
export const ResourceTypeFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}}]} as unknown as DocumentNode<ResourceTypeFactsFragment, unknown>;
export const CertificateTypeFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}},{"kind":"Field","name":{"kind":"Name","value":"identifierCode"}},{"kind":"Field","name":{"kind":"Name","value":"holderKind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}}]} as unknown as DocumentNode<CertificateTypeFactsFragment, unknown>;
export const GrantTermsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"mask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"n"}}]}}]}}]}}]} as unknown as DocumentNode<GrantTermsFragment, unknown>;
export const GrantFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"consumerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"accessRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantTerms"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"mask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"n"}}]}}]}}]}}]} as unknown as DocumentNode<GrantFactsFragment, unknown>;
export const AdminCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCatalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceTypeFacts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificateTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateTypeFacts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}},{"kind":"Field","name":{"kind":"Name","value":"identifierCode"}},{"kind":"Field","name":{"kind":"Name","value":"holderKind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}}]} as unknown as DocumentNode<AdminCatalogQuery, AdminCatalogQueryVariables>;
export const PublishCertificateTypeFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCertificateTypeForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishCertificateTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishCertificateType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PublishCertificateTypeFormMutation, PublishCertificateTypeFormMutationVariables>;
export const PublishResourceTypeFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishResourceTypeForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishResourceTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishResourceType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PublishResourceTypeFormMutation, PublishResourceTypeFormMutationVariables>;
export const RotateSigningKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateSigningKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateSigningKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"kid"}},{"kind":"Field","name":{"kind":"Name","value":"retiredKids"}}]}}]}}]} as unknown as DocumentNode<RotateSigningKeyMutation, RotateSigningKeyMutationVariables>;
export const ResourceTypeVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceTypeVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceTypeVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceTypeFacts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}}]} as unknown as DocumentNode<ResourceTypeVersionsQuery, ResourceTypeVersionsQueryVariables>;
export const CertificateTypeVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificateTypeVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateTypeVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateTypeFacts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogFieldFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sharing"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enumValues"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateTypeFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}},{"kind":"Field","name":{"kind":"Name","value":"identifierCode"}},{"kind":"Field","name":{"kind":"Name","value":"holderKind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogFieldFacts"}}]}}]}}]} as unknown as DocumentNode<CertificateTypeVersionsQuery, CertificateTypeVersionsQueryVariables>;
export const CorrectionReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CorrectionReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"side"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSide"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctionReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"side"},"value":{"kind":"Variable","name":{"kind":"Name","value":"side"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordVersion"}},{"kind":"Field","name":{"kind":"Name","value":"correctedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reporterCode"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionReportsQuery, CorrectionReportsQueryVariables>;
export const ResolveDataErrorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveDataError"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveDataErrorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveDataError"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctionReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"correctedVersion"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveDataErrorMutation, ResolveDataErrorMutationVariables>;
export const ReportDataErrorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportDataError"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportDataErrorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportDataError"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctionReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ReportDataErrorMutation, ReportDataErrorMutationVariables>;
export const ServiceItemCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceItemCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceItemCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"resolvable"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolvable"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"serviceItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"needing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ServiceItemCoverageQuery, ServiceItemCoverageQueryVariables>;
export const GrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Grants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"side"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSide"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"side"},"value":{"kind":"Variable","name":{"kind":"Name","value":"side"}}},{"kind":"Argument","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceType"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantFacts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"mask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"n"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"consumerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"accessRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantTerms"}}]}}]} as unknown as DocumentNode<GrantsQuery, GrantsQueryVariables>;
export const GrantHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantFacts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"mask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"n"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"consumerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"accessRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantTerms"}}]}}]} as unknown as DocumentNode<GrantHistoryQuery, GrantHistoryQueryVariables>;
export const SuspendGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<SuspendGrantMutation, SuspendGrantMutationVariables>;
export const ReinstateGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReinstateGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<ReinstateGrantMutation, ReinstateGrantMutationVariables>;
export const RevokeGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeGrantMutation, RevokeGrantMutationVariables>;
export const AccessRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"side"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSide"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRequestStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"side"},"value":{"kind":"Variable","name":{"kind":"Name","value":"side"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"consumerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"conditionalFields"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AccessRequestsQuery, AccessRequestsQueryVariables>;
export const ApproveAccessRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveAccessRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantTerms"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"mask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"n"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveAccessRequestMutation, ApproveAccessRequestMutationVariables>;
export const RejectAccessRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}}]}}]}}]}}]} as unknown as DocumentNode<RejectAccessRequestMutation, RejectAccessRequestMutationVariables>;
export const RequestAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"conditionalFields"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestAccessMutation, RequestAccessMutationVariables>;
export const AdminServiceItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminServiceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"isConsentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"isSatisfiedWhenAbsent"}},{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminServiceItemsQuery, AdminServiceItemsQueryVariables>;
export const PublishServiceItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishServiceItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishServiceItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishServiceItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PublishServiceItemMutation, PublishServiceItemMutationVariables>;
export const LiveSourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liveSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"entityTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"keyField"}},{"kind":"Field","name":{"kind":"Name","value":"credential"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"isFallbackToPublished"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"latencyP50"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}}]}}]} as unknown as DocumentNode<LiveSourcesQuery, LiveSourcesQueryVariables>;
export const RegisterLiveSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterLiveSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterLiveSourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerLiveSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liveSource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterLiveSourceMutation, RegisterLiveSourceMutationVariables>;
export const UnregisterLiveSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnregisterLiveSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceType"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unregisterLiveSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}}]}}]}}]} as unknown as DocumentNode<UnregisterLiveSourceMutation, UnregisterLiveSourceMutationVariables>;
export const AdminViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AdminViewerQuery, AdminViewerQueryVariables>;
export const AdminDepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificateTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}}]}}]}}]} as unknown as DocumentNode<AdminDepartmentsQuery, AdminDepartmentsQueryVariables>;
export const AuditChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headSeq"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"headHash"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"kid"}},{"kind":"Field","name":{"kind":"Name","value":"jws"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isIntact"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"}},{"kind":"Field","name":{"kind":"Name","value":"fromSeq"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckpointSeq"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenSeq"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}}]}}]}}]}}]} as unknown as DocumentNode<AuditChainQuery, AuditChainQueryVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"principalKind"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCodes"}},{"kind":"Field","name":{"kind":"Name","value":"resourceTypes"}},{"kind":"Field","name":{"kind":"Name","value":"subjectHashes"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsReturned"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsMasked"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsDenied"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;