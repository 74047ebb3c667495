// The shape of an audit event before it is written (plain data, one per operation or refusal).
import type { AuditOutcome, PrincipalKind } from '../../entities/AuditEvent.js';

export interface AuditEventInput {
  occurredAt: Date;
  requestId: string;
  principalKind: PrincipalKind;
  clientId: string | null;
  departmentCode: string | null;
  holderHash: string | null;
  purpose: string | null;
  caseNumber: string | null;
  action: string;
  operationName: string | null;
  operationHash: string | null;
  outcome: AuditOutcome;
  errorCodes: string[];
  resourceTypes: string[];
  subjectHashes: string[];
  fieldsReturned: string[];
  fieldsMasked: string[];
  fieldsDenied: string[];
  details: Record<string, unknown> | null;
}
