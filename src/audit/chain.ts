// The audit chain: each event's link is an HMAC over the previous link and the event's canonical JSON
// (RFC 8785), so no event can be altered, removed, inserted or moved without breaking every later link.
import { createHmac, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEventInput } from './event.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The chain key: derived from the master key, so a database administrator cannot forge links. */
export function chainKeyOf(masterKey: Uint8Array): Buffer {
  return createHmac('sha256', masterKey).update('sharehub:audit-chain').digest();
}

/** Exactly the fields that are hashed, in their JSON form; the same whether built before insert or read back. */
export function canonicalEvent(e: AuditEventInput): string {
  return canonicalize({
    occurredAt: e.occurredAt.toISOString(),
    requestId: e.requestId,
    principalKind: e.principalKind,
    clientId: e.clientId,
    departmentCode: e.departmentCode,
    holderHash: e.holderHash,
    purpose: e.purpose,
    caseNumber: e.caseNumber,
    action: e.action,
    operationName: e.operationName,
    operationHash: e.operationHash,
    outcome: e.outcome,
    errorCodes: e.errorCodes,
    resourceTypes: e.resourceTypes,
    subjectHashes: e.subjectHashes,
    fieldsReturned: e.fieldsReturned,
    fieldsMasked: e.fieldsMasked,
    fieldsDenied: e.fieldsDenied,
    details: e.details,
  })!;
}

export function linkHash(chainKey: Uint8Array | KeyObject, prevHash: string, e: AuditEventInput): string {
  return createHmac('sha256', chainKey).update(prevHash).update('\n').update(canonicalEvent(e)).digest('hex');
}

/** An audit_event row as pg returns it, back to the input form. */
export interface AuditEventRow {
  seq: string;
  occurred_at: Date;
  request_id: string;
  principal_kind: AuditEventInput['principalKind'];
  client_id: string | null;
  department_code: string | null;
  holder_hash: string | null;
  purpose: string | null;
  case_number: string | null;
  action: string;
  operation_name: string | null;
  operation_hash: string | null;
  outcome: AuditEventInput['outcome'];
  error_codes: string[];
  resource_types: string[];
  subject_hashes: string[];
  fields_returned: string[];
  fields_masked: string[];
  fields_denied: string[];
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

export function eventOfRow(r: AuditEventRow): AuditEventInput {
  return {
    occurredAt: new Date(r.occurred_at),
    requestId: r.request_id,
    principalKind: r.principal_kind,
    clientId: r.client_id,
    departmentCode: r.department_code,
    holderHash: r.holder_hash,
    purpose: r.purpose,
    caseNumber: r.case_number,
    action: r.action,
    operationName: r.operation_name,
    operationHash: r.operation_hash,
    outcome: r.outcome,
    errorCodes: r.error_codes,
    resourceTypes: r.resource_types,
    subjectHashes: r.subject_hashes,
    fieldsReturned: r.fields_returned,
    fieldsMasked: r.fields_masked,
    fieldsDenied: r.fields_denied,
    details: r.details,
  };
}

/**
 * One exported event (CLI `audit export`, HTTP /audit/export), named as the API names it (`auditEvents`), times in
 * ISO 8601: everything the chain hashes, with its sequence and both links, so that an export can be checked on its own.
 */
export function exportLineOf(row: AuditEventRow): string {
  return JSON.stringify({ seq: row.seq, ...eventOfRow(row), prevHash: row.prev_hash, hash: row.hash });
}
