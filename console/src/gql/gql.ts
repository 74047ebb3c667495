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
    "\n  query MyDataAccess($first: Int, $after: String) {\n    myDataAccess(first: $first, after: $after) {\n      edges {\n        node {\n          at\n          caseNumber\n          clientId\n          department {\n            code\n            name\n            nameEn\n          }\n          fieldsMasked\n          fieldsReturned\n          outcome\n          purpose\n          resourceTypes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MyDataAccessDocument,
    "\n  query MyCertificates($first: Int, $after: String) {\n    myCertificates(first: $first, after: $after) {\n      edges {\n        node {\n          identifier\n          certificateType\n          issuerCode\n          state\n          validFrom\n          validUntil\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n    }\n  }\n": typeof types.MyCertificatesDocument,
    "\n  mutation PresentCertificate($identifier: String!) {\n    presentCertificate(identifier: $identifier) {\n      identifier\n      token\n      qrCode\n      presentedAt\n      expiresAt\n    }\n  }\n": typeof types.PresentCertificateDocument,
    "\n  mutation GiveConsent($caseNumber: String!) {\n    giveConsent(caseNumber: $caseNumber) {\n      caseNumber\n      consentGivenAt\n    }\n  }\n": typeof types.GiveConsentDocument,
    "\n  query MyPendingConsents {\n    myPendingConsents {\n      caseNumber\n      department {\n        code\n        name\n        nameEn\n      }\n      serviceItem {\n        code\n        name\n        nameEn\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n      }\n      requestedAt\n    }\n  }\n": typeof types.MyPendingConsentsDocument,
    "\n  query CertificateTypes {\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      faceType\n      identifierCode\n      issuerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n        required\n      }\n    }\n  }\n": typeof types.CertificateTypesDocument,
    "\n  query ResourceTypes {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n      }\n    }\n  }\n": typeof types.ResourceTypesDocument,
    "\n  query ServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n      }\n    }\n  }\n": typeof types.ServiceItemsDocument,
    "\n  query Viewer {\n    viewer {\n      client {\n        id\n        name\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation PrepareApplication($serviceItemCode: String!, $applicantId: String!, $caseNumber: String!) {\n    prepareApplication(serviceItemCode: $serviceItemCode, applicantId: $applicantId, caseNumber: $caseNumber) {\n      caseNumber\n      preparedAt\n      satisfiedCount\n      receipt\n      serviceItem {\n        code\n        name\n        nameEn\n        version\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        outcome\n        reason\n        explanation\n        recordVersion\n        certificateIdentifier\n        values\n        missingGrant {\n          typeCode\n          fields\n          purpose\n          providerCode\n        }\n      }\n    }\n  }\n": typeof types.PrepareApplicationDocument,
    "\n  query VerifyReceipt($receipt: String!) {\n    verifyReceipt(receipt: $receipt) {\n      isValid\n      problem\n      content\n    }\n  }\n": typeof types.VerifyReceiptDocument,
    "\n  fragment VerificationEnvelope on CertificateVerification {\n    identifier\n    authentic\n    status\n    checkedAt\n    validFrom\n    validUntil\n    predecessor\n    successor\n    certificateType {\n      code\n      nameZh\n      nameEn\n    }\n    issuer {\n      code\n      name\n    }\n    holder {\n      idType\n      idNumber\n      name\n      isNameMasked\n      isIdNumberMasked\n    }\n    presentation {\n      presentedAt\n      expiresAt\n    }\n  }\n": typeof types.VerificationEnvelopeFragmentDoc,
};
const documents: Documents = {
    "\n  query MyDataAccess($first: Int, $after: String) {\n    myDataAccess(first: $first, after: $after) {\n      edges {\n        node {\n          at\n          caseNumber\n          clientId\n          department {\n            code\n            name\n            nameEn\n          }\n          fieldsMasked\n          fieldsReturned\n          outcome\n          purpose\n          resourceTypes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.MyDataAccessDocument,
    "\n  query MyCertificates($first: Int, $after: String) {\n    myCertificates(first: $first, after: $after) {\n      edges {\n        node {\n          identifier\n          certificateType\n          issuerCode\n          state\n          validFrom\n          validUntil\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n    }\n  }\n": types.MyCertificatesDocument,
    "\n  mutation PresentCertificate($identifier: String!) {\n    presentCertificate(identifier: $identifier) {\n      identifier\n      token\n      qrCode\n      presentedAt\n      expiresAt\n    }\n  }\n": types.PresentCertificateDocument,
    "\n  mutation GiveConsent($caseNumber: String!) {\n    giveConsent(caseNumber: $caseNumber) {\n      caseNumber\n      consentGivenAt\n    }\n  }\n": types.GiveConsentDocument,
    "\n  query MyPendingConsents {\n    myPendingConsents {\n      caseNumber\n      department {\n        code\n        name\n        nameEn\n      }\n      serviceItem {\n        code\n        name\n        nameEn\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n      }\n      requestedAt\n    }\n  }\n": types.MyPendingConsentsDocument,
    "\n  query CertificateTypes {\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      faceType\n      identifierCode\n      issuerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n        required\n      }\n    }\n  }\n": types.CertificateTypesDocument,
    "\n  query ResourceTypes {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n      }\n    }\n  }\n": types.ResourceTypesDocument,
    "\n  query ServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n      }\n    }\n  }\n": types.ServiceItemsDocument,
    "\n  query Viewer {\n    viewer {\n      client {\n        id\n        name\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation PrepareApplication($serviceItemCode: String!, $applicantId: String!, $caseNumber: String!) {\n    prepareApplication(serviceItemCode: $serviceItemCode, applicantId: $applicantId, caseNumber: $caseNumber) {\n      caseNumber\n      preparedAt\n      satisfiedCount\n      receipt\n      serviceItem {\n        code\n        name\n        nameEn\n        version\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        outcome\n        reason\n        explanation\n        recordVersion\n        certificateIdentifier\n        values\n        missingGrant {\n          typeCode\n          fields\n          purpose\n          providerCode\n        }\n      }\n    }\n  }\n": types.PrepareApplicationDocument,
    "\n  query VerifyReceipt($receipt: String!) {\n    verifyReceipt(receipt: $receipt) {\n      isValid\n      problem\n      content\n    }\n  }\n": types.VerifyReceiptDocument,
    "\n  fragment VerificationEnvelope on CertificateVerification {\n    identifier\n    authentic\n    status\n    checkedAt\n    validFrom\n    validUntil\n    predecessor\n    successor\n    certificateType {\n      code\n      nameZh\n      nameEn\n    }\n    issuer {\n      code\n      name\n    }\n    holder {\n      idType\n      idNumber\n      name\n      isNameMasked\n      isIdNumberMasked\n    }\n    presentation {\n      presentedAt\n      expiresAt\n    }\n  }\n": types.VerificationEnvelopeFragmentDoc,
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
export function graphql(source: "\n  query MyDataAccess($first: Int, $after: String) {\n    myDataAccess(first: $first, after: $after) {\n      edges {\n        node {\n          at\n          caseNumber\n          clientId\n          department {\n            code\n            name\n            nameEn\n          }\n          fieldsMasked\n          fieldsReturned\n          outcome\n          purpose\n          resourceTypes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyDataAccess($first: Int, $after: String) {\n    myDataAccess(first: $first, after: $after) {\n      edges {\n        node {\n          at\n          caseNumber\n          clientId\n          department {\n            code\n            name\n            nameEn\n          }\n          fieldsMasked\n          fieldsReturned\n          outcome\n          purpose\n          resourceTypes\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCertificates($first: Int, $after: String) {\n    myCertificates(first: $first, after: $after) {\n      edges {\n        node {\n          identifier\n          certificateType\n          issuerCode\n          state\n          validFrom\n          validUntil\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query MyCertificates($first: Int, $after: String) {\n    myCertificates(first: $first, after: $after) {\n      edges {\n        node {\n          identifier\n          certificateType\n          issuerCode\n          state\n          validFrom\n          validUntil\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PresentCertificate($identifier: String!) {\n    presentCertificate(identifier: $identifier) {\n      identifier\n      token\n      qrCode\n      presentedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation PresentCertificate($identifier: String!) {\n    presentCertificate(identifier: $identifier) {\n      identifier\n      token\n      qrCode\n      presentedAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveConsent($caseNumber: String!) {\n    giveConsent(caseNumber: $caseNumber) {\n      caseNumber\n      consentGivenAt\n    }\n  }\n"): (typeof documents)["\n  mutation GiveConsent($caseNumber: String!) {\n    giveConsent(caseNumber: $caseNumber) {\n      caseNumber\n      consentGivenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPendingConsents {\n    myPendingConsents {\n      caseNumber\n      department {\n        code\n        name\n        nameEn\n      }\n      serviceItem {\n        code\n        name\n        nameEn\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n      }\n      requestedAt\n    }\n  }\n"): (typeof documents)["\n  query MyPendingConsents {\n    myPendingConsents {\n      caseNumber\n      department {\n        code\n        name\n        nameEn\n      }\n      serviceItem {\n        code\n        name\n        nameEn\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n      }\n      requestedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateTypes {\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      faceType\n      identifierCode\n      issuerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query CertificateTypes {\n    certificateTypes {\n      code\n      nameZh\n      nameEn\n      faceType\n      identifierCode\n      issuerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResourceTypes {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResourceTypes {\n    resourceTypes {\n      code\n      nameZh\n      nameEn\n      providerCode\n      fields {\n        name\n        nameZh\n        description\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceItems {\n    serviceItems {\n      code\n      name\n      nameEn\n      departmentCode\n      version\n      materials {\n        key\n        name\n        source\n        typeCode\n        fields\n        isConsentRequired\n        isSatisfiedWhenAbsent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      client {\n        id\n        name\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      client {\n        id\n        name\n      }\n      department {\n        code\n        name\n        nameEn\n      }\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrepareApplication($serviceItemCode: String!, $applicantId: String!, $caseNumber: String!) {\n    prepareApplication(serviceItemCode: $serviceItemCode, applicantId: $applicantId, caseNumber: $caseNumber) {\n      caseNumber\n      preparedAt\n      satisfiedCount\n      receipt\n      serviceItem {\n        code\n        name\n        nameEn\n        version\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        outcome\n        reason\n        explanation\n        recordVersion\n        certificateIdentifier\n        values\n        missingGrant {\n          typeCode\n          fields\n          purpose\n          providerCode\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PrepareApplication($serviceItemCode: String!, $applicantId: String!, $caseNumber: String!) {\n    prepareApplication(serviceItemCode: $serviceItemCode, applicantId: $applicantId, caseNumber: $caseNumber) {\n      caseNumber\n      preparedAt\n      satisfiedCount\n      receipt\n      serviceItem {\n        code\n        name\n        nameEn\n        version\n      }\n      materials {\n        key\n        name\n        source\n        typeCode\n        outcome\n        reason\n        explanation\n        recordVersion\n        certificateIdentifier\n        values\n        missingGrant {\n          typeCode\n          fields\n          purpose\n          providerCode\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyReceipt($receipt: String!) {\n    verifyReceipt(receipt: $receipt) {\n      isValid\n      problem\n      content\n    }\n  }\n"): (typeof documents)["\n  query VerifyReceipt($receipt: String!) {\n    verifyReceipt(receipt: $receipt) {\n      isValid\n      problem\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VerificationEnvelope on CertificateVerification {\n    identifier\n    authentic\n    status\n    checkedAt\n    validFrom\n    validUntil\n    predecessor\n    successor\n    certificateType {\n      code\n      nameZh\n      nameEn\n    }\n    issuer {\n      code\n      name\n    }\n    holder {\n      idType\n      idNumber\n      name\n      isNameMasked\n      isIdNumberMasked\n    }\n    presentation {\n      presentedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  fragment VerificationEnvelope on CertificateVerification {\n    identifier\n    authentic\n    status\n    checkedAt\n    validFrom\n    validUntil\n    predecessor\n    successor\n    certificateType {\n      code\n      nameZh\n      nameEn\n    }\n    issuer {\n      code\n      name\n    }\n    holder {\n      idType\n      idNumber\n      name\n      isNameMasked\n      isIdNumberMasked\n    }\n    presentation {\n      presentedAt\n      expiresAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;