// Where the hub publishes what a verifier of its credentials resolves: the issuers (a department's keys), the status
// lists and the certificate types' JSON-LD contexts. Every URL is under the hub's public URL, so a credential of
// another hub is told apart by its issuer alone.
import { StatusPurpose } from '../../entities/StatusList.js';

export const ISSUERS_PATH = '/.well-known/issuers/';
export const STATUS_LISTS_PATH = '/credentials/status/';
export const CONTEXTS_PATH = '/credentials/contexts/';

const CODE = '[0-9A-HJ-NP-RTUW-Y]{18}';
const ISSUER = new RegExp(`^${ISSUERS_PATH}(${CODE})$`);
const STATUS_LIST = new RegExp(`^${STATUS_LISTS_PATH}(${CODE})/(revocation|suspension)/([1-9][0-9]{0,8})$`);
const CONTEXT = new RegExp(`^${CONTEXTS_PATH}([a-z][a-z0-9_]{0,62})/v([1-9][0-9]{0,8})$`);

export interface StatusListAddress {
  issuerCode: string;
  purpose: StatusPurpose;
  number: number;
}

export class CredentialUrls {
  /** `base`: the hub's public URL, without a trailing slash. */
  constructor(private readonly base: () => string) {}

  get origin(): string {
    return this.base();
  }

  /** The issuer of a department's credentials: GET yields its public keys (a JWKS with `issuer` and `name`). */
  issuer(code: string): string {
    return `${this.base()}${ISSUERS_PATH}${code}`;
  }

  statusList(a: StatusListAddress): string {
    return `${this.base()}${STATUS_LISTS_PATH}${a.issuerCode}/${a.purpose}/${a.number}`;
  }

  context(typeCode: string, version: number): string {
    return `${this.base()}${CONTEXTS_PATH}${typeCode}/v${version}`;
  }

  /** The department code of an issuer URL of this hub; null for anything else (another hub's issuer included). */
  issuerCodeOf(url: unknown): string | null {
    const path = this.pathOf(url);
    return path === null ? null : (ISSUER.exec(path)?.[1] ?? null);
  }

  statusListOf(url: unknown): StatusListAddress | null {
    const path = this.pathOf(url);
    return path === null ? null : parseStatusListPath(path);
  }

  private pathOf(url: unknown): string | null {
    if (typeof url !== 'string' || !url.startsWith(`${this.base()}/`)) return null;
    return url.slice(this.base().length);
  }
}

export function parseIssuerPath(path: string): string | null {
  return ISSUER.exec(path)?.[1] ?? null;
}

export function parseStatusListPath(path: string): StatusListAddress | null {
  const m = STATUS_LIST.exec(path);
  return m ? { issuerCode: m[1]!, purpose: m[2] as StatusPurpose, number: Number(m[3]) } : null;
}

export function parseContextPath(path: string): { typeCode: string; version: number } | null {
  const m = CONTEXT.exec(path);
  return m ? { typeCode: m[1]!, version: Number(m[2]) } : null;
}
