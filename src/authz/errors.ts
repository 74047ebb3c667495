// Errors of the access plan: a denied field, a subject outside the grant's scope, a read without a purpose.
import { HubError } from '../errors.js';

export class FieldForbiddenError extends HubError {
  constructor(field: string) {
    super('FIELD_FORBIDDEN', `No grant allows reading ${field} for this purpose.`, { field });
  }
}

export class SubjectOutOfScopeError extends HubError {
  constructor(resourceType: string) {
    super('SUBJECT_OUT_OF_SCOPE', `This subject is outside the scope your grants give for ${resourceType}.`);
  }
}

export class PurposeRequiredError extends HubError {
  constructor() {
    super('PURPOSE_REQUIRED', 'Reading shared data needs a purpose: send the header x-sharehub-purpose (a service item code or a legal basis).', {
      http: { status: 400 },
    });
  }
}
