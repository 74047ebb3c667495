// A holder's presentation of a certificate: a JWT signed by the hub's presentation key, valid five minutes and for one
// purpose only (verifying that certificate), and its check, which names each way a token can fail.
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, errors, jwtVerify, SignJWT, type JWK } from 'jose';
import type { ActiveKey } from '../keys/keyStore.js';

export const PRESENTATION_KEY_OWNER = 'hub:presentations';
export const PRESENTATION_TYP = 'sharehub-presentation+jwt';
export const PRESENTATION_ISSUER = 'urn:sharehub:hub';
/** The one purpose a presentation token serves. */
export const PRESENTATION_AUDIENCE = 'urn:sharehub:certificate-verification';
export const PRESENTATION_TTL_SECONDS = 300;

export interface Presentation {
  token: string;
  identifier: string;
  presentedAt: Date;
  expiresAt: Date;
}

export async function signPresentation(key: ActiveKey, identifier: string, now: Date): Promise<Presentation> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + PRESENTATION_TTL_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: PRESENTATION_TYP })
    .setIssuer(PRESENTATION_ISSUER)
    .setAudience(PRESENTATION_AUDIENCE)
    .setSubject(identifier)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(key.privateKey);
  return { token, identifier, presentedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) };
}

/** Why a token is refused: each has its own answer at the window. */
export type PresentationProblem = 'EXPIRED' | 'UNKNOWN_KEY' | 'SIGNATURE_MISMATCH' | 'WRONG_PURPOSE' | 'MALFORMED';

export type PresentationCheck = { presentation: Omit<Presentation, 'token'>; problem: null } | { presentation: null; problem: PresentationProblem };

function problemOf(error: unknown): PresentationProblem {
  if (error instanceof errors.JWTExpired) return 'EXPIRED';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'UNKNOWN_KEY';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'SIGNATURE_MISMATCH';
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JOSEAlgNotAllowed) return 'WRONG_PURPOSE';
  return 'MALFORMED';
}

/** Checks a token against the hub's presentation keys (the signature first, then expiry, issuer, audience and typ). */
export async function checkPresentation(token: string, keys: JWK[], now: Date): Promise<PresentationCheck> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys }), {
      issuer: PRESENTATION_ISSUER,
      audience: PRESENTATION_AUDIENCE,
      typ: PRESENTATION_TYP,
      algorithms: ['ES256'],
      currentDate: now,
      requiredClaims: ['iat', 'exp', 'sub', 'jti'],
    });
    return { presentation: { identifier: payload.sub!, presentedAt: new Date(payload.iat! * 1000), expiresAt: new Date(payload.exp! * 1000) }, problem: null };
  } catch (error) {
    return { presentation: null, problem: problemOf(error) };
  }
}
