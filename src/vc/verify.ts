// Verifying a credential of this hub (VC-JOSE-COSE with JOSE, VC Data Model 2.0 §4.3-4.10, Bitstring Status List
// v1.0 validate algorithm): the issuer must be one of this hub's departments, the signature must verify under the
// key `kid` that the issuer publishes, and each status entry is read from its status list credential, itself verified
// the same way. Each way to fail has its own answer; a status list that cannot be had or trusted is never "clear".
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, errors, type JWK } from 'jose';
import { StatusPurpose } from '../../entities/StatusList.js';
import { decodeBitstring, isBitSet, STATUS_LIST_LENGTH } from './bitstring.js';
import { VC_V2_CONTEXT } from './context.js';
import { CERTIFICATE_URN, VC_ALG, VC_JWT_TYP, type StatusListCredential } from './credential.js';
import type { CredentialUrls } from './urls.js';

/** Why a credential is refused outright. */
export type CredentialProblem = 'MALFORMED' | 'FOREIGN_ISSUER' | 'UNKNOWN_KEY' | 'SIGNATURE_MISMATCH';

/** What a status list check found: the bit, or why there is none. */
export type StatusCheck = { isSet: boolean; problem: null } | { isSet: null; problem: 'UNAVAILABLE' | 'INVALID' | 'STALE' };

export interface CheckedCredential {
  identifier: string;
  issuerCode: string;
  kid: string;
  validFrom: Date;
  validUntil: Date | null;
  subject: Record<string, unknown>;
  /** Per purpose the credential names. */
  status: Partial<Record<StatusPurpose, StatusCheck>>;
}

export type CredentialCheck = { credential: CheckedCredential; problem: null } | { credential: null; problem: CredentialProblem };

export interface CredentialResolvers {
  /** The public keys an issuer of this hub publishes (active and retired). */
  keysOf(issuerCode: string): Promise<JWK[]>;
  /** The status list credential (vc+jwt) at a URL of this hub; throws when it cannot be had. */
  statusList(url: string): Promise<string>;
}

/** Far more than any certificate's credential (a face is a few kilobytes): longer text is not one. */
const MAX_CREDENTIAL_LENGTH = 100_000;

const refuse = (problem: CredentialProblem): CredentialCheck => ({ credential: null, problem });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asDate = (v: unknown): Date | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/** The JWS's payload as JSON, once its signature verified under one of `keys`; or the problem. */
async function verifiedPayload(jws: string, keys: JWK[]): Promise<{ payload: Record<string, unknown>; kid: string } | { problem: 'UNKNOWN_KEY' | 'SIGNATURE_MISMATCH' | 'MALFORMED' }> {
  try {
    const header = decodeProtectedHeader(jws);
    if (header.typ !== VC_JWT_TYP || header.alg !== VC_ALG || typeof header.kid !== 'string') return { problem: 'MALFORMED' };
    const { payload } = await compactVerify(jws, createLocalJWKSet({ keys }), { algorithms: [VC_ALG] });
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
    return isObject(parsed) ? { payload: parsed, kid: header.kid } : { problem: 'MALFORMED' };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { problem: 'UNKNOWN_KEY' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { problem: 'SIGNATURE_MISMATCH' };
    return { problem: 'MALFORMED' };
  }
}

/** The issuer named by the (not yet verified) payload: only to find the keys to verify it with. */
function claimedIssuer(jws: string): unknown {
  try {
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return isObject(payload) ? payload.issuer : undefined;
  } catch {
    return undefined;
  }
}

async function checkStatus(entry: Record<string, unknown>, issuerUrl: string, keys: JWK[], resolvers: CredentialResolvers, urls: CredentialUrls, now: Date): Promise<StatusCheck> {
  const listUrl = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (typeof listUrl !== 'string' || !urls.statusListOf(listUrl) || !Number.isInteger(index) || index < 0) return { isSet: null, problem: 'INVALID' };
  let jws: string;
  try {
    jws = await resolvers.statusList(listUrl);
  } catch {
    return { isSet: null, problem: 'UNAVAILABLE' };
  }
  const verified = await verifiedPayload(jws, keys);
  if ('problem' in verified) return { isSet: null, problem: 'INVALID' };
  const list = verified.payload as unknown as StatusListCredential;
  const subject = list.credentialSubject as unknown;
  if (list.id !== listUrl || list.issuer !== issuerUrl || !isObject(subject) || subject.type !== 'BitstringStatusList' || subject.statusPurpose !== entry.statusPurpose) return { isSet: null, problem: 'INVALID' };
  const validUntil = asDate(list.validUntil);
  if (!validUntil || validUntil.getTime() <= now.getTime()) return { isSet: null, problem: 'STALE' };
  try {
    const bits = decodeBitstring(subject.encodedList as string);
    // Validate algorithm: a list shorter than the minimum is an error, and so is an index past its end.
    if (bits.length * 8 < STATUS_LIST_LENGTH || index >= bits.length * 8) return { isSet: null, problem: 'INVALID' };
    return { isSet: isBitSet(bits, index), problem: null };
  } catch {
    return { isSet: null, problem: 'INVALID' };
  }
}

/** Checks a vc+jwt credential of this hub; dates are not judged here (the caller compares them with its `now`). */
export async function checkCredential(jws: string, urls: CredentialUrls, resolvers: CredentialResolvers, now: Date): Promise<CredentialCheck> {
  if (typeof jws !== 'string' || jws.length > MAX_CREDENTIAL_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws)) return refuse('MALFORMED');
  const issuerUrl = claimedIssuer(jws);
  if (issuerUrl === undefined) return refuse('MALFORMED');
  const issuerCode = urls.issuerCodeOf(issuerUrl);
  if (!issuerCode) return refuse('FOREIGN_ISSUER');
  const keys = await resolvers.keysOf(issuerCode);
  // A department of this hub's form that has no key (or is no department): nothing it could have signed.
  if (keys.length === 0) return refuse('UNKNOWN_KEY');
  const verified = await verifiedPayload(jws, keys);
  if ('problem' in verified) return refuse(verified.problem);
  const vc = verified.payload;
  // VC Data Model 2.0 §4.3 (contexts), §4.5 (types), §4.4 (id), §4.8 (credentialSubject), §4.9 (validity).
  const contexts = vc['@context'];
  const types = vc.type;
  const subject = vc.credentialSubject;
  const validFrom = asDate(vc.validFrom);
  const validUntil = vc.validUntil === undefined ? null : asDate(vc.validUntil);
  if (
    !Array.isArray(contexts) ||
    contexts[0] !== VC_V2_CONTEXT ||
    !Array.isArray(types) ||
    !types.includes('VerifiableCredential') ||
    typeof vc.id !== 'string' ||
    !vc.id.startsWith(CERTIFICATE_URN) ||
    !isObject(subject) ||
    !validFrom ||
    (vc.validUntil !== undefined && !validUntil)
  ) {
    return refuse('MALFORMED');
  }
  const status: CheckedCredential['status'] = {};
  const entries = Array.isArray(vc.credentialStatus) ? vc.credentialStatus : [vc.credentialStatus];
  for (const entry of entries) {
    if (!isObject(entry) || entry.type !== 'BitstringStatusListEntry') continue;
    const purpose = entry.statusPurpose as StatusPurpose;
    if (purpose !== StatusPurpose.REVOCATION && purpose !== StatusPurpose.SUSPENSION) continue;
    status[purpose] = await checkStatus(entry, issuerUrl as string, keys, resolvers, urls, now);
  }
  return {
    credential: { identifier: vc.id.slice(CERTIFICATE_URN.length), issuerCode, kid: verified.kid, validFrom, validUntil, subject, status },
    problem: null,
  };
}
