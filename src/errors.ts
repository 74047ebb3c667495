// The hub's error classes: each carries a stable `extensions.code`; formatError passes only these through.
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'FIELD_FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PURPOSE_REQUIRED'
  | 'AUDIT_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'STATEMENT_TIMEOUT'
  | 'DATABASE_BUSY'
  | 'OVERLOADED'
  | 'RATE_LIMITED'
  | 'SOURCE_UNAVAILABLE'
  | 'PRESENTATION_EXPIRED'
  | 'PRESENTATION_INVALID'
  | 'CREDENTIAL_INVALID'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_TOKENS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BAD_REQUEST'
  | 'TRUSTED_DOCUMENT_REQUIRED'
  | 'TRUSTED_DOCUMENTS_OFF'
  | 'DOCUMENT_NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR';

/** Base of every error a user can cause. The message is safe to show; `details` go to extensions. */
export class HubError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'HubError';
  }
}

export class UnauthenticatedError extends HubError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends HubError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class BadUserInputError extends HubError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, details);
  }
}

export class NotFoundError extends HubError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends HubError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class AuditUnavailableError extends HubError {
  constructor() {
    super('AUDIT_UNAVAILABLE', 'The audit log cannot be written now; no data was returned. Try again later.');
  }
}

/** A query refused by a limit rule before execution. */
export class LimitError extends HubError {
  constructor(code: 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COMPLEX' | 'TOO_MANY_TOKENS', message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** A statement ran longer than SHAREHUB_STATEMENT_TIMEOUT_MS (or waited that long for a lock) and was cancelled. */
export class StatementTimeoutError extends HubError {
  constructor() {
    super('STATEMENT_TIMEOUT', 'The database took too long to answer and the statement was cancelled; nothing of it was written. Try again later.');
  }
}

/** No pooled database connection became free within SHAREHUB_POOL_WAIT_TIMEOUT_MS. */
export class DatabaseBusyError extends HubError {
  constructor() {
    super('DATABASE_BUSY', 'The database is busy; the request was not served. Try again shortly.');
  }
}
