// Apollo plugin: turns the request's audit collector into events and writes them durably before the
// response is sent. If they cannot be written, the response carries no data: only AUDIT_UNAVAILABLE.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { AuditOutcome } from '../../../entities/AuditEvent.js';
import { AuditUnavailableError } from '../../errors.js';
import type { AuditEventInput } from '../../audit/event.js';
import type { AuditWriter } from '../../audit/writer.js';
import { baseAuditEvent } from '../../audit/base.js';
import type { SubjectHasher } from '../../audit/subjectHash.js';
import type { RequestContext } from '../context.js';
import { redactSubjectIdentifiers } from '../../certs/identifiers.js';

function redactName(name: string | null): string | null {
  return name === null ? null : redactSubjectIdentifiers(name);
}

/** Codes that mean the request was refused before it ran. */
const REFUSAL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_TOKENS',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const DENIAL_CODES = new Set(['FORBIDDEN', 'FIELD_FORBIDDEN', 'UNAUTHENTICATED', 'PURPOSE_REQUIRED', 'PRESENTATION_EXPIRED', 'PRESENTATION_INVALID', 'CREDENTIAL_INVALID']);

export function outcomeOf(hasData: boolean, errors: readonly GraphQLFormattedError[]): AuditOutcome {
  if (errors.length === 0) return AuditOutcome.SUCCESS;
  const codes = errors.map((e) => String(e.extensions?.code ?? ''));
  if (hasData) return AuditOutcome.PARTIAL;
  if (codes.some((c) => REFUSAL_CODES.has(c))) return AuditOutcome.REFUSED;
  if (codes.some((c) => DENIAL_CODES.has(c))) return AuditOutcome.DENIED;
  return AuditOutcome.ERROR;
}

/** What the audit event of an answered operation is made from (Apollo's request context, or the prepared path's). */
export interface AnsweredOperation {
  contextValue: RequestContext;
  /** query, mutation, or undefined when the operation was never resolved. */
  operationType: string | undefined;
  /** The resolved operation's name. */
  operationName: string | null | undefined;
  /** The operation name the caller sent. */
  requestOperationName: string | null | undefined;
  queryHash: string | null | undefined;
  result: { data?: unknown; errors?: readonly GraphQLFormattedError[] };
}

function answeredOf(rc: GraphQLRequestContextWillSendResponse<RequestContext>): AnsweredOperation {
  const body = rc.response.body;
  return {
    contextValue: rc.contextValue,
    operationType: rc.operation?.operation,
    operationName: rc.operationName,
    requestOperationName: rc.request.operationName,
    queryHash: rc.queryHash,
    result: body.kind === 'single' ? body.singleResult : body.initialResult,
  };
}

export function eventsOf(rc: AnsweredOperation, hashSubject: SubjectHasher): AuditEventInput[] {
  const ctx = rc.contextValue;
  const result = rc.result;
  const errors = result.errors ?? [];
  const hasData = result.data !== undefined && result.data !== null;
  const base = baseAuditEvent(ctx, hashSubject);
  const audit = ctx.audit;
  // An event that read several types says whose subjects were read in which, so that a provider's data
  // administrator is shown its own part only (with one type, every subject is of that type).
  const details = audit.resourceTypes.size > 1 ? { ...audit.details, subjectsByType: Object.fromEntries([...audit.subjectHashesByType].map(([type, hashes]) => [type, [...hashes]])) } : audit.details;
  const main: AuditEventInput = {
    ...base,
    action: `graphql.${rc.operationType ?? 'unresolved'}`,
    // The caller names its operation: a name that holds an ID number is kept without it.
    operationName: redactName(rc.operationName ?? rc.requestOperationName ?? null),
    operationHash: rc.queryHash ?? null,
    outcome: outcomeOf(hasData, errors),
    errorCodes: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
    resourceTypes: [...audit.resourceTypes],
    subjectHashes: [...audit.subjectHashes],
    fieldsReturned: [...audit.fieldsReturned],
    fieldsMasked: [...audit.fieldsMasked],
    fieldsDenied: [...audit.fieldsDenied],
    details: Object.keys(details).length ? details : null,
  };
  const changes = audit.changes.map((c) => ({ ...main, resourceTypes: [], subjectHashes: [], fieldsReturned: [], fieldsMasked: [], fieldsDenied: [], details: null, outcome: AuditOutcome.SUCCESS, errorCodes: [], ...c }));
  return [main, ...changes];
}

/** Told of every request's main audit event once it is durable (or refused), and how long the request took. */
export type RequestObserver = (event: AuditEventInput, seconds: number) => void;

export function auditFlushPlugin(writer: AuditWriter, hashSubject: SubjectHasher, observe?: RequestObserver): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didResolveOperation(rc) {
          // Before execution: the events a change puts into the outbox name the operation too.
          rc.contextValue.audit.operationName = redactName(rc.operationName ?? rc.request.operationName ?? null);
          rc.contextValue.audit.operationHash = rc.queryHash ?? null;
        },
        async willSendResponse(rc) {
          // Planned on grants that changed: nothing was fetched, nothing leaves, and the edge executes the request
          // again on fresh grants; that execution's event is the request's.
          if (rc.contextValue.grantState.isStale) {
            rc.contextValue.audit.isWritten = true;
            return;
          }
          const events = eventsOf(answeredOf(rc), hashSubject);
          try {
            // The request's changes committed their events to the outbox: linked into the chain first, in the same batch.
            await writer.write(events, { withOutbox: rc.contextValue.audit.hasOutboxEvents });
            rc.contextValue.audit.isWritten = true;
            observe?.(events[0]!, (performance.now() - started) / 1000);
          } catch {
            observe?.({ ...events[0]!, outcome: AuditOutcome.ERROR, errorCodes: ['AUDIT_UNAVAILABLE'] }, (performance.now() - started) / 1000);
            const error = new AuditUnavailableError();
            rc.response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions: { code: error.code } }] } };
            rc.response.http.status = 503;
            rc.response.http.headers.set('retry-after', '5');
            // Refused, and the refusal could not be recorded either: marked so the edge does not try again.
            rc.contextValue.audit.isWritten = true;
          }
        },
      };
    },
  };
}
