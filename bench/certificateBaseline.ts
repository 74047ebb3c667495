// The verifyCertificate bench's baseline: a plain node:http server doing the least any verifier must do (jose verify
// of the caller's JWT, the same SELECT of the certificate with its issuer's key, the jose check of its signature).
import type http from 'node:http';
import canonicalize from 'canonicalize';
import { compactVerify, createLocalJWKSet, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import pg from 'pg';
import { DEV_ISSUER, HUB_AUDIENCE } from '../src/auth/devIssuer.js';
import type { BenchDatabase } from './setup.js';
import { Refusal, readBody, serveBaseline } from './baselineHttp.js';

const SQL = `SELECT c.identifier, c.type_code, c.issuer_code, c.holder_id_type, c.holder_id, c.holder_name, c.valid_from, c.valid_until, c.face,
  c.status, c.kid, c.signature, k.public_jwk
FROM certificate c JOIN department d ON d.code = c.issuer_code LEFT JOIN signing_key k ON k.kid = c.kid AND k.owner = c.issuer_code
WHERE c.identifier = $1`;

interface Row {
  identifier: string;
  type_code: string;
  issuer_code: string;
  holder_id_type: string;
  holder_id: string;
  holder_name: string;
  valid_from: Date;
  valid_until: Date | null;
  face: Record<string, unknown>;
  status: string;
  kid: string;
  signature: string;
  public_jwk: JWK | null;
}

export interface CertificateBaseline {
  url: string;
  close(): Promise<void>;
}

/** Starts the baseline on 127.0.0.1 (port 0). It answers `verifyCertificate` in the hub's shape for `faceFields`. */
export async function startCertificateBaseline(database: BenchDatabase, poolMax: number, faceFields: readonly string[]): Promise<CertificateBaseline> {
  const devIssuer = database.issuer.issuers.find((i) => i.kind === 'CLIENT');
  if (!devIssuer) throw new Error('certificate baseline: the development issuer has no client issuer entry');
  const keys = createLocalJWKSet(devIssuer.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const pool = new pg.Pool({ connectionString: database.url, max: poolMax });
  pool.on('error', () => undefined);
  // Public keys imported once, as the hub does.
  const imported = new Map<string, Promise<CryptoKey>>();
  const publicKey = (jwk: JWK) => {
    const id = `${jwk.kid}|${jwk.x}|${jwk.y}`;
    let key = imported.get(id);
    if (!key) imported.set(id, (key = importJWK(jwk, 'ES256') as Promise<CryptoKey>));
    return key;
  };

  async function isAuthentic(r: Row): Promise<boolean> {
    if (!r.public_jwk) return false;
    const content = {
      identifier: r.identifier,
      type: r.type_code,
      issuer: r.issuer_code,
      holder: { idType: r.holder_id_type, idNumber: r.holder_id, name: r.holder_name },
      validity: { from: r.valid_from.toISOString(), until: r.valid_until ? r.valid_until.toISOString() : null },
      face: r.face,
    };
    const [header, , signature] = r.signature.split('.');
    try {
      await compactVerify(`${header}.${Buffer.from(canonicalize(content)!).toString('base64url')}.${signature}`, await publicKey(r.public_jwk), { algorithms: ['ES256'] });
      return true;
    } catch {
      return false;
    }
  }

  async function answer(req: http.IncomingMessage): Promise<unknown> {
    if (req.method !== 'POST' || req.url !== '/graphql') throw new Refusal(404);
    const token = /^Bearer +([A-Za-z0-9_\-.]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new Refusal(401);
    if (!req.headers['x-sharehub-purpose']) throw new Refusal(400);
    const body = JSON.parse(await readBody(req)) as { variables?: { id?: unknown } };
    await jwtVerify(token, keys, { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, algorithms: ['ES256'], clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud', 'sub'] }).catch(() => {
      throw new Refusal(401);
    });
    const id = body.variables?.id;
    if (typeof id !== 'string') throw new Refusal(400);
    const { rows } = await pool.query<Row>(SQL, [id]);
    const row = rows[0];
    if (!row) return { data: { verifyCertificate: { identifier: id, authentic: false, status: 'NOT_FOUND', face: null } } };
    const now = Date.now();
    const status = row.status !== 'VALID' ? row.status : row.valid_until && row.valid_until.getTime() <= now ? 'EXPIRED' : row.valid_from.getTime() > now ? 'NOT_YET_VALID' : 'VALID';
    const face: Record<string, unknown> = {};
    for (const f of faceFields) face[f] = row.face[f] ?? null;
    return { data: { verifyCertificate: { identifier: row.identifier, authentic: await isAuthentic(row), status, face } } };
  }

  return serveBaseline(answer, pool);
}
