// Verifies bearer tokens with jose against the configured trusted issuers and resolves them to a Principal.
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { IssuerConfig } from '../config.js';
import { UnauthenticatedError } from '../errors.js';
import type { Principal } from './principal.js';
import { clientIdOf } from './principalClaim.js';
import { isValidCreditCode, isValidResidentId, normalizeSubjectId } from '../certs/identifiers.js';
import { traceTokenVerification } from '../tracing/spans.js';

/** Clock skew tolerated between the issuer and the hub. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Looks up a registered client by id; null when unknown or disabled. */
export type ClientDirectory = (clientId: string) => Promise<Omit<Extract<Principal, { kind: 'CLIENT' }>, 'issuer'> | null>;

/** Why a token was refused: recorded in the audit log, never returned to the caller in detail. */
export class TokenRefusedError extends UnauthenticatedError {
  constructor(readonly reason: string) {
    super();
  }
}

interface TrustedIssuer {
  config: IssuerConfig;
  keys: JWTVerifyGetKey;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} invalid`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no matching key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JOSEError) return error.code;
  return 'token malformed';
}

export class TokenVerifier {
  private readonly issuers = new Map<string, TrustedIssuer>();

  constructor(
    issuers: IssuerConfig[],
    private readonly clients: ClientDirectory,
  ) {
    for (const config of issuers) {
      const keys = config.jwksUri
        ? createRemoteJWKSet(new URL(config.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
        : createLocalJWKSet(config.jwks as Parameters<typeof createLocalJWKSet>[0]);
      this.issuers.set(config.issuer, { config, keys });
    }
  }

  /** The Principal for an `Authorization` header value; throws TokenRefusedError for anything else. */
  authenticate(authorization: string | undefined): Promise<Principal> {
    return traceTokenVerification(() => this.verify(authorization), (error) => (error instanceof TokenRefusedError ? error.reason : null));
  }

  private async verify(authorization: string | undefined): Promise<Principal> {
    // The scheme is case-insensitive (RFC 7235 §2.1): `bearer x` and `BEARER x` are the same credentials.
    const token = /^Bearer +([A-Za-z0-9_\-.]+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new TokenRefusedError(authorization ? 'authorization header is not a bearer token' : 'no bearer token');
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new TokenRefusedError('token malformed');
    }
    const trusted = typeof unverified.iss === 'string' ? this.issuers.get(unverified.iss) : undefined;
    if (!trusted) throw new TokenRefusedError('issuer not trusted');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.config.issuer,
        audience: trusted.config.audience,
        algorithms: trusted.config.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud', 'sub'],
      }));
    } catch (error) {
      throw new TokenRefusedError(reasonOf(error));
    }
    return trusted.config.kind === 'HOLDER' ? this.holderOf(payload, trusted.config) : this.clientOf(payload, trusted.config);
  }

  private async clientOf(payload: JWTPayload, config: IssuerConfig): Promise<Principal> {
    const named = clientIdOf(payload, config.principalClaim);
    if ('refused' in named) throw new TokenRefusedError(named.refused);
    const client = await this.clients(named.clientId);
    if (!client) throw new TokenRefusedError('client not registered');
    return { ...client, issuer: config.issuer };
  }

  private holderOf(payload: JWTPayload, config: IssuerConfig): Principal {
    const subjectId = normalizeSubjectId(String(payload.sub));
    if (!isValidResidentId(subjectId) && !isValidCreditCode(subjectId)) throw new TokenRefusedError('holder subject is not a valid identifier');
    return { kind: 'HOLDER', subjectId, issuer: config.issuer };
  }
}
