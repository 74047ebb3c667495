// Errors of live sources: what a consumer sees (SOURCE_UNAVAILABLE, naming the source) and what the hub keeps (a failure category).
import { HubError } from '../errors.js';

/**
 * Why a call to a live source failed, as a short category: shown to administrators (`lastError`) and in the
 * audit log. Never the provider's own error text, which may carry internal detail or personal data.
 */
export type FailureCategory =
  | 'TIMEOUT'
  | 'UNREACHABLE'
  | `HTTP_${number}`
  | 'GRAPHQL_ERRORS'
  | 'INVALID_RESPONSE'
  | 'TOKEN_UNAVAILABLE'
  | 'BREAKER_OPEN';

/** A failed call to a live source (or to its token endpoint). Internal: consumers get SourceUnavailableError. */
export class SourceFailure extends Error {
  constructor(readonly category: FailureCategory) {
    super(`live source call failed: ${category}`);
    this.name = 'SourceFailure';
  }
}

/** A record of a live resource type could not be read because its source failed; the rest of the response is served. */
export class SourceUnavailableError extends HubError {
  constructor(resourceType: string, providerCode: string) {
    super('SOURCE_UNAVAILABLE', `The live source of ${resourceType} (provided by department ${providerCode}) is unavailable now; try again later.`, {
      resourceType,
      provider: providerCode,
    });
  }
}
