// Errors of certificate presentations: an expired token, and a token the hub did not sign as it stands.
import { HubError } from '../errors.js';
import type { PresentationProblem } from './presentation.js';

export class PresentationExpiredError extends HubError {
  constructor() {
    super('PRESENTATION_EXPIRED', 'This presentation has expired (they are valid for 5 minutes); ask the holder to present the certificate again.');
  }
}

const INVALID: Record<Exclude<PresentationProblem, 'EXPIRED'>, string> = {
  UNKNOWN_KEY: 'This presentation was not signed by a key of this hub.',
  SIGNATURE_MISMATCH: 'This presentation was altered after it was signed.',
  WRONG_PURPOSE: 'This token is not a certificate presentation of this hub.',
  MALFORMED: 'This is not a presentation token.',
};

export class PresentationInvalidError extends HubError {
  constructor(reason: Exclude<PresentationProblem, 'EXPIRED'>) {
    super('PRESENTATION_INVALID', INVALID[reason], { reason });
  }
}
