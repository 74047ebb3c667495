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

/** The hashed fields in RFC 8785 order (UTF-16 code units, as canonicalize sorts them). */
const HASHED_KEYS = [
  'occurredAt', 'requestId', 'principalKind', 'clientId', 'departmentCode', 'holderHash', 'purpose', 'caseNumber', 'action', 'operationName',
  'operationHash', 'outcome', 'errorCodes', 'resourceTypes', 'subjectHashes', 'fieldsReturned', 'fieldsMasked', 'fieldsDenied', 'details',
].sort();
const KEY_PREFIXES = HASHED_KEYS.map((k, i) => `${i === 0 ? '{' : ','}${JSON.stringify(k)}:`);

/** No lone surrogate (canonicalize refuses one). ES2024's String.prototype.isWellFormed, typed here: our lib is older. */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * A plain JSON value's RFC 8785 form (well-formed strings, finite numbers, booleans, null, arrays and plain objects
 * of those, keys in UTF-16 order); undefined for anything else (undefined members, toJSON, a lone surrogate, a cycle's
 * depth), which canonicalize then answers itself.
 */
function plainCanonical(value: unknown, depth = 0): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return isWellFormed(value) ? JSON.stringify(value) : undefined;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (depth > 32) return undefined;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item = plainCanonical(value[i], depth + 1);
      if (item === undefined) return undefined;
      out += i === 0 ? item : `,${item}`;
    }
    return `${out}]`;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const object = value as Record<string, unknown>;
  let out = '{';
  let isFirst = true;
  for (const key of Object.keys(object).sort()) {
    const item = plainCanonical(object[key], depth + 1);
    if (item === undefined || !isWellFormed(key)) return undefined;
    out += `${isFirst ? '' : ','}${JSON.stringify(key)}:${item}`;
    isFirst = false;
  }
  return `${out}}`;
}

/**
 * Exactly the fields that are hashed, in their JSON form; the same whether built before insert or read back. Written
 * out field by field (the form canonicalize gives, which is what anything unusual falls back to): canonicalizing the
 * whole event was most of the audit's CPU on a request.
 */
export function canonicalEvent(e: AuditEventInput): string {
  const fields = e as unknown as Record<string, unknown>;
  let out = '';
  for (let i = 0; i < HASHED_KEYS.length; i += 1) {
    const key = HASHED_KEYS[i]!;
    const value = key === 'occurredAt' ? e.occurredAt.toISOString() : fields[key];
    const text = plainCanonical(value);
    if (text === undefined) return canonicalEventSlowly(e);
    out += KEY_PREFIXES[i]! + text;
  }
  return `${out}}`;
}

/** The whole event through canonicalize: the reference form. */
export function canonicalEventSlowly(e: AuditEventInput): string {
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
