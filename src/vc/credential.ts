// A certificate as a W3C Verifiable Credential 2.0 secured with VC-JOSE-COSE: the credential itself is the JWS
// payload (no `vc` claim), signed ES256 by the issuing department's key, `typ` vc+jwt and `cty` vc (VC-JOSE-COSE,
// securing credentials with JOSE). Also the BitstringStatusListCredential (Bitstring Status List v1.0) in the same
// form. Pure but for the signing.
import { CompactSign, type CryptoKey } from 'jose';
import { HolderIdType } from '../../entities/Certificate.js';
import { StatusPurpose } from '../../entities/StatusList.js';
import type { RecordValues } from '../catalog/definition.js';
import { credentialTypeNameOf, VC_V2_CONTEXT } from './context.js';

/** VC-JOSE-COSE: the media type of a credential secured with JOSE, as `typ`; `cty` names what is secured. */
export const VC_JWT_TYP = 'vc+jwt';
export const VC_JWT_CTY = 'vc';
export const VC_ALG = 'ES256';
/** The credential's `id`: this URN and the certificate identifier. */
export const CERTIFICATE_URN = 'urn:sharehub:certificate:';
/** The holder's `id` (credentialSubject.id): the resident ID number or credit code under this URN. */
export const HOLDER_URN: Record<HolderIdType, string> = { [HolderIdType.RESIDENT_ID]: 'urn:sharehub:resident-id:', [HolderIdType.CREDIT_CODE]: 'urn:sharehub:credit-code:' };

export interface StatusEntry {
  purpose: StatusPurpose;
  listUrl: string;
  index: number;
}

export interface CredentialInput {
  identifier: string;
  typeCode: string;
  typeNameZh: string;
  contextUrl: string;
  issuerUrl: string;
  holder: { idType: HolderIdType; idNumber: string; name: string };
  validFrom: Date;
  validUntil: Date | null;
  face: RecordValues;
  status: readonly StatusEntry[];
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

export interface CertificateCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: Record<string, string | number | boolean | null>;
  credentialStatus: BitstringStatusListEntry[];
}

/** VC Data Model 2.0 §4.9: validity as XML Schema dateTimeStamp (UTC, whole seconds). */
export function dateTimeStamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function statusEntryOf(e: StatusEntry): BitstringStatusListEntry {
  return { id: `${e.listUrl}#${e.index}`, type: 'BitstringStatusListEntry', statusPurpose: e.purpose, statusListIndex: String(e.index), statusListCredential: e.listUrl };
}

export function credentialOf(c: CredentialInput): CertificateCredential {
  const credential: CertificateCredential = {
    '@context': [VC_V2_CONTEXT, c.contextUrl],
    id: `${CERTIFICATE_URN}${c.identifier}`,
    type: ['VerifiableCredential', credentialTypeNameOf(c.typeCode)],
    name: c.typeNameZh,
    issuer: c.issuerUrl,
    validFrom: dateTimeStamp(c.validFrom),
    credentialSubject: {
      // The face first: the holder's terms below always win (a face field may not take their names).
      ...c.face,
      id: `${HOLDER_URN[c.holder.idType]}${c.holder.idNumber}`,
      certificateIdentifier: c.identifier,
      certificateType: c.typeCode,
      holderName: c.holder.name,
      holderIdType: c.holder.idType,
      holderIdNumber: c.holder.idNumber,
    },
    credentialStatus: c.status.map(statusEntryOf),
  };
  if (c.validUntil) credential.validUntil = dateTimeStamp(c.validUntil);
  return credential;
}

export interface SigningKeyRef {
  kid: string;
  privateKey: CryptoKey;
}

/** The credential as a compact JWS, `application/vc+jwt`. */
export function signCredential(credential: object, key: SigningKeyRef): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential))).setProtectedHeader({ alg: VC_ALG, kid: key.kid, typ: VC_JWT_TYP, cty: VC_JWT_CTY }).sign(key.privateKey);
}

// ---- the status list credential ----

/** How long a signed status list may be relied on (its validUntil), and how long verifiers should cache it (ttl). */
export const STATUS_LIST_VALIDITY_MS = 24 * 3600_000;
export const STATUS_LIST_TTL_MS = 300_000;

export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: StatusPurpose; encodedList: string; ttl: number };
}

export function statusListCredentialOf(listUrl: string, issuerUrl: string, purpose: StatusPurpose, encodedList: string, signedAt: Date): StatusListCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrl,
    validFrom: dateTimeStamp(signedAt),
    validUntil: dateTimeStamp(new Date(signedAt.getTime() + STATUS_LIST_VALIDITY_MS)),
    credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList, ttl: STATUS_LIST_TTL_MS },
  };
}
