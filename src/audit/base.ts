// The fields every audit event of a request shares: when, which request, who, for which purpose.
import { AuditOutcome, PrincipalKind } from '../../entities/AuditEvent.js';
import type { Principal } from '../auth/principal.js';
import type { AuditEventInput } from './event.js';
import type { SubjectHasher } from './subjectHash.js';

export interface AuditSource {
  requestId: string;
  now: Date;
  principal: Principal | null;
  purpose: string | null;
  caseNumber: string | null;
}

export function baseAuditEvent(source: AuditSource, hashSubject: SubjectHasher): AuditEventInput {
  const p = source.principal;
  return {
    occurredAt: source.now,
    requestId: source.requestId,
    principalKind: !p ? PrincipalKind.ANONYMOUS : p.kind === 'CLIENT' ? PrincipalKind.CLIENT : PrincipalKind.HOLDER,
    clientId: p?.kind === 'CLIENT' ? p.clientId : null,
    departmentCode: p?.kind === 'CLIENT' ? p.department.code : null,
    holderHash: p?.kind === 'HOLDER' ? hashSubject(p.subjectId) : null,
    purpose: source.purpose,
    caseNumber: source.caseNumber,
    action: 'request',
    operationName: null,
    operationHash: null,
    outcome: AuditOutcome.SUCCESS,
    errorCodes: [],
    resourceTypes: [],
    subjectHashes: [],
    fieldsReturned: [],
    fieldsMasked: [],
    fieldsDenied: [],
    details: null,
  };
}
