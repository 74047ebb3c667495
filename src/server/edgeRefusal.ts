// A refusal at the HTTP edge, before GraphQL runs: an HTTP status and a stable code, answered as `errors`.
import type { ErrorCode } from '../errors.js';

export class EdgeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
