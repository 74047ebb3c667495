// Errors of the access plan: a denied field, a read without a purpose. (A subject outside every grant's row scope
// is answered as one without a record: it has no error of its own.)
import { HubError } from '../errors.js';

export class FieldForbiddenError extends HubError {
  constructor(field: string) {
    super('FIELD_FORBIDDEN', `No grant allows reading ${field} for this purpose.`, { field });
  }
}

export class PurposeRequiredError extends HubError {
  constructor() {
    super('PURPOSE_REQUIRED', 'Reading shared data needs a purpose: send the header x-sharehub-purpose (a service item code or a legal basis).', {
      http: { status: 400 },
    });
  }
}
