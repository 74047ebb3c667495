// Demo mode only: a development token issuer whose ES256 key lives in the data directory.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { IssuerConfig } from '../config.js';

export const DEV_ISSUER = 'urn:sharehub:dev-issuer';
export const DEV_HOLDER_ISSUER = 'urn:sharehub:dev-citizen-issuer';
export const HUB_AUDIENCE = 'sharehub';
const ALG = 'ES256';

export interface DevIssuer {
  /** Trusted-issuer entries for the client issuer and the citizen (holder) issuer. */
  issuers: IssuerConfig[];
  signClientToken(clientId: string, ttlSeconds: number): Promise<string>;
  signHolderToken(subjectId: string, ttlSeconds: number): Promise<string>;
}

async function readOrCreateKey(file: string): Promise<JWK> {
  if (existsSync(file)) return JSON.parse(await fs.readFile(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const full: JWK = { ...jwk, alg: ALG, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(full), { mode: 0o600 });
  return full;
}

function publicPart(jwk: JWK): JWK {
  const { d: _private, ...rest } = jwk;
  return rest;
}

/** Where a data directory keeps the development issuer's key. */
export function devIssuerKeyFile(dataDir: string): string {
  return path.join(dataDir, 'dev-issuer-key.json');
}

export async function loadDevIssuer(dataDir: string): Promise<DevIssuer> {
  const jwk = await readOrCreateKey(devIssuerKeyFile(dataDir));
  const key = await importJWK(jwk, ALG);
  const jwks = { keys: [publicPart(jwk) as Record<string, unknown>] };
  const sign = (issuer: string, sub: string, claims: Record<string, unknown>, ttlSeconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: jwk.kid!, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(sub)
      .setAudience(HUB_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .setJti(crypto.randomUUID())
      .sign(key);
  return {
    issuers: [
      { issuer: DEV_ISSUER, jwks, audience: HUB_AUDIENCE, algorithms: [ALG], kind: 'CLIENT' },
      { issuer: DEV_HOLDER_ISSUER, jwks, audience: HUB_AUDIENCE, algorithms: [ALG], kind: 'HOLDER' },
    ],
    signClientToken: (clientId, ttl) => sign(DEV_ISSUER, clientId, { client_id: clientId }, ttl),
    signHolderToken: (subjectId, ttl) => sign(DEV_HOLDER_ISSUER, subjectId, { roles: ['HOLDER'] }, ttl),
  };
}
