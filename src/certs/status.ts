// The certificate status lifecycle as a table, and the state at the time of a check (EXPIRED and NOT_YET_VALID
// follow from the validity; a withdrawn certificate says so whatever its dates). Pure functions.
import { CertificateStatus } from '../../entities/Certificate.js';

export type CertificateChange = 'SUSPEND' | 'REINSTATE' | 'REVOKE' | 'CANCEL';

export interface Transition {
  from: readonly CertificateStatus[];
  to: CertificateStatus;
  isReasonRequired: boolean;
  /** As in "cannot be <done>". */
  done: string;
}

/** REVOKED and CANCELLED are final: no change leads out of them, so a revoked certificate never becomes valid again. */
export const TRANSITIONS: Record<CertificateChange, Transition> = {
  SUSPEND: { from: [CertificateStatus.VALID], to: CertificateStatus.SUSPENDED, isReasonRequired: true, done: 'suspended' },
  REINSTATE: { from: [CertificateStatus.SUSPENDED], to: CertificateStatus.VALID, isReasonRequired: false, done: 'reinstated' },
  REVOKE: { from: [CertificateStatus.VALID, CertificateStatus.SUSPENDED], to: CertificateStatus.REVOKED, isReasonRequired: true, done: 'revoked' },
  CANCEL: { from: [CertificateStatus.VALID, CertificateStatus.SUSPENDED], to: CertificateStatus.CANCELLED, isReasonRequired: true, done: 'cancelled' },
};

/** Only a VALID certificate is renewed; the predecessor becomes CANCELLED, pointing at its successor. */
export const RENEWABLE: readonly CertificateStatus[] = [CertificateStatus.VALID];

export type CertificateState = CertificateStatus | 'EXPIRED' | 'NOT_YET_VALID';

export interface Validity {
  status: CertificateStatus;
  validFrom: Date;
  validUntil: Date | null;
}

export function stateAt(c: Validity, now: Date): CertificateState {
  if (c.status !== CertificateStatus.VALID) return c.status;
  if (c.validUntil && c.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (c.validFrom.getTime() > now.getTime()) return 'NOT_YET_VALID';
  return CertificateStatus.VALID;
}
