// Test data for certificates: a fresh certificate type per test file (unique code and identifier code), and the
// GraphQL operations the certificate tests share.
import { faceTypeNameOf } from '../../src/catalog/certificateType.js';
import type { GraphQLClient } from './client.js';
import { uniqueCode } from './catalog.js';

let counter = 0;

/** A unique identifier code (2-8 of A-Z 0-9), so test files never share serials. */
export function uniqueIdentifierCode(): string {
  counter += 1;
  return `T${((process.pid % 1296) * 1_000_000 + (Date.now() % 1_000_000) * 10 + counter).toString(36).toUpperCase()}`.slice(0, 8);
}

/** A permit-like certificate type held by persons, with face fields in all three sharing classes. */
export function permitLike(code = uniqueCode('t_permit'), identifierCode = uniqueIdentifierCode()) {
  return {
    code,
    identifierCode,
    nameZh: '测试许可证',
    nameEn: 'Test permit',
    holderKind: 'PERSON',
    description: 'A certificate type made by a test.',
    defaultValidityDays: 365,
    fields: [
      { name: 'title', nameZh: '许可事项', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'What is permitted.' },
      { name: 'category', nameZh: '类别', type: 'ENUM', enumValues: ['A', 'B', 'C'], sharing: 'UNCONDITIONAL', required: true, description: 'Category.' },
      { name: 'grantedOn', nameZh: '批准日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of approval.' },
      { name: 'capacity', nameZh: '核定人数', type: 'INT', sharing: 'CONDITIONAL', required: false, description: 'Approved capacity.' },
      { name: 'address', nameZh: '地址', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Address.' },
      { name: 'inspectorNote', nameZh: '检查备注', type: 'STRING', sharing: 'NOT_SHARED', required: false, description: 'Internal note.' },
    ],
  };
}

export const PUBLISH_CERTIFICATE_TYPE = `mutation P($input: PublishCertificateTypeInput!) {
  publishCertificateType(input: $input) { certificateType { code identifierCode faceType version issuerCode holderFields { name } } } }`;

export async function publishCertificateType(admin: GraphQLClient, input: unknown): Promise<{ code: string; faceType: string; identifierCode: string }> {
  const res = await admin.query(PUBLISH_CERTIFICATE_TYPE, { input });
  if (res.errors) throw new Error(`publishCertificateType failed: ${JSON.stringify(res.errors)}`);
  return res.data!.publishCertificateType.certificateType;
}

export function faceSelection(typeCode: string, fields = 'title category grantedOn capacity address inspectorNote'): string {
  return `face { certificateType ... on ${faceTypeNameOf(typeCode)} { ${fields} } }`;
}

export const CERTIFICATE_FIELDS = `identifier certificateType issuerCode status state statusReason version kid signedDocument predecessor successor validFrom validUntil
  holder { idType idNumber name isNameMasked isIdNumberMasked }`;

export const ISSUE = `mutation I($input: IssueCertificateInput!, $key: String!) {
  issueCertificate(input: $input, idempotencyKey: $key) { isReplay certificate { ${CERTIFICATE_FIELDS} } } }`;

export function verifyQuery(typeCode: string, fields?: string): string {
  return `query V($id: String, $token: String) { verifyCertificate(identifier: $id, qrToken: $token) {
    identifier authentic status checkedAt validFrom validUntil predecessor successor
    certificateType { code } issuer { code name } holder { idType idNumber name isNameMasked isIdNumberMasked }
    presentation { presentedAt expiresAt } ${faceSelection(typeCode, fields)} } }`;
}

export const CHANGE = {
  suspend: `mutation S($id: String!, $reason: String!) { suspendCertificate(identifier: $id, reason: $reason) { certificate { identifier status state version } } }`,
  reinstate: `mutation R($id: String!) { reinstateCertificate(identifier: $id) { certificate { identifier status state version } } }`,
  revoke: `mutation V($id: String!, $reason: String!) { revokeCertificate(identifier: $id, reason: $reason) { certificate { identifier status state version } } }`,
  cancel: `mutation C($id: String!, $reason: String!) { cancelCertificate(identifier: $id, reason: $reason) { certificate { identifier status state version } } }`,
};

/** Issue input for `typeCode` held by a person. */
export function issueInput(typeCode: string, holder: { idNumber: string; name: string }, face: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    certificateType: typeCode,
    holder: { idType: 'RESIDENT_ID', idNumber: holder.idNumber, name: holder.name },
    face: { title: '食品经营', category: 'A', grantedOn: '2026-01-15', capacity: 12, address: '杭州市西湖区文三路1号', inspectorNote: '复查合格', ...face },
    ...extra,
  };
}
