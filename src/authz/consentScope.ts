// Whose pending consents a principal may see: a holder, only the applications prepared about themselves; nobody else
// any. Pure: the applications are found by the keyed hash of the holder's own identifier, never by an argument.
import type { Principal } from '../auth/principal.js';
import { ForbiddenError } from '../errors.js';

export interface PendingConsentScope {
  /** The keyed hash of the applicant: only applications with this hash are in scope. */
  applicantHash: string;
}

export function pendingConsentScope(principal: Principal, hashSubject: (subjectId: string) => string): PendingConsentScope {
  if (principal.kind !== 'HOLDER') throw new ForbiddenError('Pending consents are for the applicant, signed in as a holder (citizen or business).');
  return { applicantHash: hashSubject(principal.subjectId) };
}
