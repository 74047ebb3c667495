// The signed content of a certificate and its signature: a JWS (ES256) over the RFC 8785 canonical JSON of the
// identifier, type, issuer, holder, validity and face, stored detached (RFC 7515 appendix F) and checked against
// the stored data, so that a change to any signed column makes the certificate verify as not authentic.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type CryptoKey, type JWK } from 'jose';
import type { HolderIdType } from '../../entities/Certificate.js';
import type { RecordValues } from '../catalog/definition.js';
import type { ActiveKey } from '../keys/keyStore.js';

/** The JWS `typ` of a certificate's signed document. */
export const CERTIFICATE_TYP = 'sharehub-certificate+jws';
const ALGORITHMS = ['ES256'];

/** Exactly what the issuer signs (and what a third party reads from the signed document). */
export interface SignedContent {
  identifier: string;
  /** Certificate type code. */
  type: string;
  /** Credit code of the issuing department. */
  issuer: string;
  holder: { idType: HolderIdType; idNumber: string; name: string };
  /** ISO 8601 instants; `until` is exclusive, null for no end. */
  validity: { from: string; until: string | null };
  face: RecordValues;
}

/** The signed columns of a stored certificate. */
export interface SignedColumns {
  identifier: string;
  typeCode: string;
  issuerCode: string;
  holderIdType: HolderIdType;
  holderId: string;
  holderName: string;
  validFrom: Date;
  validUntil: Date | null;
  face: RecordValues;
}

export function signedContentOf(c: SignedColumns): SignedContent {
  return {
    identifier: c.identifier,
    type: c.typeCode,
    issuer: c.issuerCode,
    holder: { idType: c.holderIdType, idNumber: c.holderId, name: c.holderName },
    validity: { from: c.validFrom.toISOString(), until: c.validUntil ? c.validUntil.toISOString() : null },
    face: c.face,
  };
}

function canonicalBytes(content: SignedContent): Uint8Array {
  return new TextEncoder().encode(canonicalize(content)!);
}

/** Signs the content with the issuer's active key; returns the detached JWS (`header..signature`). */
export async function signCertificate(content: SignedContent, key: ActiveKey): Promise<string> {
  const jws = await new CompactSign(canonicalBytes(content)).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CERTIFICATE_TYP }).sign(key.privateKey);
  const [header, , signature] = jws.split('.');
  return `${header}..${signature}`;
}

/** The signed document a third party verifies with the JWKS alone: the detached JWS with its payload put back. */
export function signedDocumentOf(detached: string, content: SignedContent): string {
  const [header, , signature] = detached.split('.');
  return `${header}.${Buffer.from(canonicalBytes(content)).toString('base64url')}.${signature}`;
}

/**
 * Public keys imported once. Keyed by kid and the key's coordinates together, so an entry can never stand for another
 * key; keys are immutable, so nothing ever needs invalidating (the map is only bounded).
 */
const importedKeys = new Map<string, Promise<CryptoKey>>();
const MAX_IMPORTED_KEYS = 1_000;

function publicKeyOf(jwk: JWK): Promise<CryptoKey> {
  const id = `${jwk.kid}|${jwk.crv}|${jwk.x}|${jwk.y}`;
  let key = importedKeys.get(id);
  if (!key) {
    if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.clear();
    key = importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256') as Promise<CryptoKey>;
    importedKeys.set(id, key);
    key.catch(() => importedKeys.delete(id));
  }
  return key;
}

/**
 * Signatures found valid, by a SHA-256 of exactly what was checked: the key's coordinates, the signature and the
 * canonical content. Any change to any of them is another entry, so a hit can only repeat a verification that
 * already succeeded on the same bytes (a window verifies the same certificates again and again); bounded, never stale.
 */
const validSignatures = new Set<string>();
const MAX_VALID_SIGNATURES = 100_000;

/**
 * Whether the stored signature, made with the key `kid` of the issuer (its published JWK), covers exactly this content.
 * False for any mismatch: altered data, altered signature, another key, a missing key.
 */
export async function isSignatureValid(detached: string, content: SignedContent, kid: string, jwk: JWK | null): Promise<boolean> {
  if (!jwk || jwk.kid !== kid) return false;
  const payload = canonicalBytes(content);
  const checked = createHash('sha256').update(`${jwk.kid}|${jwk.crv}|${jwk.x}|${jwk.y}|${detached}|`).update(payload).digest('base64url');
  if (validSignatures.has(checked)) return true;
  try {
    const header = decodeProtectedHeader(detached);
    if (header.kid !== kid || header.typ !== CERTIFICATE_TYP) return false;
    const [protectedHeader, , signature] = detached.split('.');
    await compactVerify(`${protectedHeader}.${Buffer.from(payload).toString('base64url')}.${signature}`, await publicKeyOf(jwk), { algorithms: ALGORITHMS });
  } catch {
    return false;
  }
  if (validSignatures.size >= MAX_VALID_SIGNATURES) validSignatures.clear();
  validSignatures.add(checked);
  return true;
}
