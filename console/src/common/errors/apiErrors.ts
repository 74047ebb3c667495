// What the API answered wrong, in the reader's language: every error code the hub can answer maps to one dictionary sentence.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { TFunction } from 'i18next';

/** Every `extensions.code` the hub answers (src/errors.ts and Apollo's own request errors), plus the console's own. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FIELD_FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'PURPOSE_REQUIRED',
  'AUDIT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'STATEMENT_TIMEOUT',
  'DATABASE_BUSY',
  'OVERLOADED',
  'RATE_LIMITED',
  'TRUSTED_DOCUMENT_REQUIRED',
  'TRUSTED_DOCUMENTS_OFF',
  'DOCUMENT_NOT_FOUND',
  'SOURCE_UNAVAILABLE',
  'PRESENTATION_EXPIRED',
  'PRESENTATION_INVALID',
  'CREDENTIAL_INVALID',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_TOKENS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'NETWORK_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiProblem {
  code: string;
  /** The sentence to show. */
  text: string;
  /** The hub's own message (English), shown as detail. */
  detail: string;
  path: ReadonlyArray<string | number> | undefined;
}

export function errorSentence(t: TFunction, code: string): string {
  return (ERROR_CODES as readonly string[]).includes(code) ? t(`errors.${code}`) : t('errors.UNKNOWN', { code });
}

/** The problems in an Apollo error, one per GraphQL error (or one for the transport). */
export function apiProblems(t: TFunction, error: unknown): ApiProblem[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const code = String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      return { code, text: errorSentence(t, code), detail: e.message, path: e.path };
    });
  }
  if (ServerError.is(error)) {
    let code = error.statusCode === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR';
    try {
      code = String((JSON.parse(error.bodyText) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code ?? code);
    } catch {
      // not JSON: keep the status's code
    }
    return [{ code, text: errorSentence(t, code), detail: error.message, path: undefined }];
  }
  return [{ code: 'NETWORK_ERROR', text: errorSentence(t, 'NETWORK_ERROR'), detail: error instanceof Error ? error.message : String(error), path: undefined }];
}

/** The field paths the hub withheld for want of a grant (FIELD_FORBIDDEN), as dotted strings. */
export function withheldPaths(error: unknown): Set<string> {
  const out = new Set<string>();
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) if (e.extensions?.code === 'FIELD_FORBIDDEN' && e.path) out.add(e.path.join('.'));
  }
  return out;
}

/** The problems other than withheld fields: those are shown in place, not as errors. */
export function otherProblems(t: TFunction, error: unknown): ApiProblem[] {
  return apiProblems(t, error).filter((p) => p.code !== 'FIELD_FORBIDDEN');
}
