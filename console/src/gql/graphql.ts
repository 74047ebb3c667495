/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Where a certificate stands at the time of the query: its status, or EXPIRED / NOT_YET_VALID by its validity. */
export type CertificateState =
  /** Ended (注销): on the holder’s request or replaced by a renewal; final. */
  | 'CANCELLED'
  /** Past the end of its validity. */
  | 'EXPIRED'
  /** Its validity has not begun. */
  | 'NOT_YET_VALID'
  /** Withdrawn by the issuer (吊销); final. */
  | 'REVOKED'
  /** Paused by the issuer; it may be reinstated. */
  | 'SUSPENDED'
  /** Issued, not withdrawn, and within its validity now. */
  | 'VALID';

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

/** How a certificate’s holder is identified. */
export type HolderIdType =
  /** Unified social credit code (GB 32100), for organizations. */
  | 'CREDIT_CODE'
  /** Resident ID number (GB 11643), for persons. */
  | 'RESIDENT_ID';

/** Whether a material came from shared data. */
export type MaterialOutcome =
  /** Still needed from the applicant; `reason` says why. */
  | 'NEEDED'
  /** Resolved from shared data: no paper needed. */
  | 'SATISFIED';

/** Where a material comes from. */
export type MaterialSource =
  /** A valid certificate of a type held by the applicant. */
  | 'CERTIFICATE'
  /** Fields of the applicant's record in a resource type. */
  | 'RECORD';

/** Why a material could not come from shared data. */
export type NeededReason =
  /** The certificate is suspended, revoked, cancelled or expired. */
  | 'CERTIFICATE_NOT_VALID'
  /** The data does not meet the material's condition. */
  | 'CONDITION_NOT_MET'
  /** The applicant has not approved the use yet (giveConsent). */
  | 'CONSENT_REQUIRED'
  /** Nothing in the catalog provides it. */
  | 'NO_CATALOG_ENTRY'
  /** The window has no grant for it; `missingGrant` names the access request that would remove the paper. */
  | 'NO_GRANT'
  /** The provider holds no record or certificate for the applicant. */
  | 'NO_RECORD'
  /** The provider's live source is down. */
  | 'SOURCE_UNAVAILABLE';

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

/** The answer of a verification about a certificate’s standing at the time of the check. */
export type VerificationStatus =
  /** Ended (注销): on the holder’s request or replaced by a renewal; final. */
  | 'CANCELLED'
  /** Past the end of its validity. */
  | 'EXPIRED'
  /** No certificate has this identifier. */
  | 'NOT_FOUND'
  /** Its validity has not begun. */
  | 'NOT_YET_VALID'
  /** Withdrawn by the issuer (吊销); final. */
  | 'REVOKED'
  /** A credential whose status lists could not be fetched or did not verify: nothing says it still stands (never VALID). */
  | 'STATUS_UNKNOWN'
  /** Paused by the issuer; it may be reinstated. */
  | 'SUSPENDED'
  /** Issued, not withdrawn, and within its validity now. */
  | 'VALID';

export type MyDataAccessQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDataAccessQuery = { myDataAccess: { edges: Array<{ node: { at: string, caseNumber: string | null, clientId: string | null, fieldsMasked: Array<string>, fieldsReturned: Array<string>, outcome: AuditOutcome, purpose: string | null, resourceTypes: Array<string>, department: { code: string, name: string, nameEn: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MyCertificatesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCertificatesQuery = { myCertificates: { edges: Array<{ node: { identifier: string, certificateType: string, issuerCode: string, state: CertificateState, validFrom: string, validUntil: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, certificateTypes: Array<{ code: string, nameZh: string, nameEn: string }> };

export type PresentCertificateMutationVariables = Exact<{
  identifier: string;
}>;


export type PresentCertificateMutation = { presentCertificate: { identifier: string, token: string, qrCode: string, presentedAt: string, expiresAt: string } };

export type GiveConsentMutationVariables = Exact<{
  caseNumber: string;
}>;


export type GiveConsentMutation = { giveConsent: { caseNumber: string, consentGivenAt: string } };

export type MyPendingConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPendingConsentsQuery = { myPendingConsents: Array<{ caseNumber: string, requestedAt: string, department: { code: string, name: string, nameEn: string } | null, serviceItem: { code: string, name: string, nameEn: string }, materials: Array<{ key: string, name: string, source: MaterialSource, typeCode: string, fields: Array<string> }> }> };

export type CertificateTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type CertificateTypesQuery = { certificateTypes: Array<{ code: string, nameZh: string, nameEn: string, faceType: string, identifierCode: string, issuerCode: string, fields: Array<{ name: string, nameZh: string, description: string, type: FieldType, required: boolean }> }> };

export type ResourceTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ResourceTypesQuery = { resourceTypes: Array<{ code: string, nameZh: string, nameEn: string, providerCode: string, fields: Array<{ name: string, nameZh: string, description: string, type: FieldType }> }> };

export type ServiceItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceItemsQuery = { serviceItems: Array<{ code: string, name: string, nameEn: string, departmentCode: string, version: number, materials: Array<{ key: string, name: string, source: MaterialSource, typeCode: string, fields: Array<string>, isConsentRequired: boolean, isSatisfiedWhenAbsent: boolean }> }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { roles: Array<Role>, client: { id: string, name: string } | null, department: { code: string, name: string, nameEn: string } | null } };

export type PrepareApplicationMutationVariables = Exact<{
  serviceItemCode: string;
  applicantId: string;
  caseNumber: string;
}>;


export type PrepareApplicationMutation = { prepareApplication: { caseNumber: string, preparedAt: string, satisfiedCount: number, receipt: string, serviceItem: { code: string, name: string, nameEn: string, version: number }, materials: Array<{ key: string, name: string, source: MaterialSource, typeCode: string, outcome: MaterialOutcome, reason: NeededReason | null, explanation: string, recordVersion: number | null, certificateIdentifier: string | null, values: Record<string, unknown> | null, missingGrant: { typeCode: string, fields: Array<string>, purpose: string, providerCode: string | null } | null }> } };

export type VerifyReceiptQueryVariables = Exact<{
  receipt: string;
}>;


export type VerifyReceiptQuery = { verifyReceipt: { isValid: boolean, problem: string | null, content: Record<string, unknown> | null } };

export type VerificationEnvelopeFragment = { identifier: string, authentic: boolean, status: VerificationStatus, checkedAt: string, validFrom: string | null, validUntil: string | null, predecessor: string | null, successor: string | null, certificateType: { code: string, nameZh: string, nameEn: string } | null, issuer: { code: string, name: string } | null, holder: { idType: HolderIdType, idNumber: string, name: string, isNameMasked: boolean, isIdNumberMasked: boolean } | null, presentation: { presentedAt: string, expiresAt: string } | null };

export const VerificationEnvelopeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VerificationEnvelope"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateVerification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"authentic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"predecessor"}},{"kind":"Field","name":{"kind":"Name","value":"successor"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isNameMasked"}},{"kind":"Field","name":{"kind":"Name","value":"isIdNumberMasked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"presentation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<VerificationEnvelopeFragment, unknown>;
export const MyDataAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDataAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myDataAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fieldsMasked"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsReturned"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"resourceTypes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyDataAccessQuery, MyDataAccessQueryVariables>;
export const MyCertificatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCertificates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCertificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificateTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<MyCertificatesQuery, MyCertificatesQueryVariables>;
export const PresentCertificateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PresentCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identifier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"qrCode"}},{"kind":"Field","name":{"kind":"Name","value":"presentedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PresentCertificateMutation, PresentCertificateMutationVariables>;
export const GiveConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"consentGivenAt"}}]}}]}}]} as unknown as DocumentNode<GiveConsentMutation, GiveConsentMutationVariables>;
export const MyPendingConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPendingConsents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPendingConsents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]} as unknown as DocumentNode<MyPendingConsentsQuery, MyPendingConsentsQueryVariables>;
export const CertificateTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificateTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"faceType"}},{"kind":"Field","name":{"kind":"Name","value":"identifierCode"}},{"kind":"Field","name":{"kind":"Name","value":"issuerCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]}}]}}]} as unknown as DocumentNode<CertificateTypesQuery, CertificateTypesQueryVariables>;
export const ResourceTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]} as unknown as DocumentNode<ResourceTypesQuery, ResourceTypesQueryVariables>;
export const ServiceItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"isConsentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"isSatisfiedWhenAbsent"}}]}}]}}]}}]} as unknown as DocumentNode<ServiceItemsQuery, ServiceItemsQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const PrepareApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrepareApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceItemCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prepareApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceItemCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceItemCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"preparedAt"}},{"kind":"Field","name":{"kind":"Name","value":"satisfiedCount"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"recordVersion"}},{"kind":"Field","name":{"kind":"Name","value":"certificateIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"missingGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"typeCode"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PrepareApplicationMutation, PrepareApplicationMutationVariables>;
export const VerifyReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"receipt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"receipt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"receipt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<VerifyReceiptQuery, VerifyReceiptQueryVariables>;