// The one error formatter: hub errors keep their code and message; anything unknown becomes
// INTERNAL_SERVER_ERROR with no detail (the real error is logged with the request id by the errorLog plugin).
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseFailureOf } from '../db/failures.js';
import { DatabaseBusyError, HubError, StatementTimeoutError } from '../errors.js';

/** Codes Apollo itself assigns to request errors; their messages describe the request, not the server. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

// graphql-js 16 spells it "more that"; accept both spellings.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

function hubErrorOf(error: unknown): HubError | null {
  let e: unknown = unwrapResolverError(error);
  for (let i = 0; i < 3 && e; i += 1) {
    if (e instanceof HubError) return e;
    e = e instanceof GraphQLError ? e.originalError : undefined;
  }
  // The database being too slow or too busy is not an internal error: it has its own code.
  const failure = databaseFailureOf(unwrapResolverError(error));
  if (failure === 'STATEMENT_TIMEOUT') return new StatementTimeoutError();
  if (failure === 'DATABASE_BUSY') return new DatabaseBusyError();
  return null;
}

export function isInternalError(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === 'INTERNAL_SERVER_ERROR';
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { locations, path } = formatted;
  const hub = hubErrorOf(error);
  if (hub) {
    const { http: _http, ...extensions } = hub.extensions as Record<string, unknown>;
    return { message: hub.message, locations, path, extensions: { ...extensions, code: hub.code } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    return { message: 'The document has too many tokens.', locations, extensions: { code: 'TOO_MANY_TOKENS' } };
  }
  if (REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations, path, extensions: { code } };
  }
  return { message: 'Internal server error', locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
