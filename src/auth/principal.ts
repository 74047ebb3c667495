// Principal: who is calling, as established by a verified token. Plain data, safe to pass anywhere.
import type { Role } from '../../entities/Client.js';
import type { DocumentMode } from '../../entities/TrustedDocument.js';

export interface ClientPrincipal {
  kind: 'CLIENT';
  clientId: string;
  clientName: string;
  department: { code: string; shortCode: string; name: string; nameEn: string };
  roles: Role[];
  /** How this client may send operations (trusted documents); null or absent: the configured default. */
  documentMode?: DocumentMode | null;
  /** The issuer that vouched for this token. */
  issuer: string;
}

/** A citizen or business signed in through a trusted citizen identity issuer. */
export interface HolderPrincipal {
  kind: 'HOLDER';
  /** The holder's resident ID number or unified social credit code (never logged). */
  subjectId: string;
  issuer: string;
}

export type Principal = ClientPrincipal | HolderPrincipal;

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.kind === 'CLIENT' && principal.roles.includes(role);
}
