// Token verification at the edge: every bad token is a 401 with UNAUTHENTICATED and WWW-Authenticate, and is audited.
import { generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ISSUER, HUB_AUDIENCE } from '../../src/auth/devIssuer.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let devKey: JWK;
beforeAll(async () => {
  t = await startTestHub();
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const { inject } = await import('vitest');
  devKey = JSON.parse(await fs.readFile(path.join(inject('dataDir'), 'dev-issuer-key.json'), 'utf8')) as JWK;
});
afterAll(async () => {
  await t?.close();
});

async function post(authorization: string | null, requestId = `auth-${Math.random()}`) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId };
  if (authorization !== null) headers.authorization = authorization;
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ viewer { roles } }' }) });
  return { res, body: (await res.json()) as { errors: Array<{ extensions: { code: string }; message: string }>; data?: unknown } };
}

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

async function signWith(alg: 'ES256', claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { privateKey } = await generateKeyPair(alg);
  return new SignJWT(claims).setProtectedHeader({ alg, ...header }).sign(privateKey);
}

const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({ iss: DEV_ISSUER, aud: HUB_AUDIENCE, sub: 'psb-system', client_id: 'psb-system', iat: now(), exp: now() + 300 });

async function signWithDevKey(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { importJWK } = await import('jose');
  const key = await importJWK(devKey, 'ES256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: devKey.kid!, ...header }).sign(key);
}

async function expectRefused(authorization: string | null) {
  const requestId = `refused-${Math.random().toString(36).slice(2)}`;
  const { res, body } = await post(authorization, requestId);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  expect(body.data).toBeUndefined();
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  const rows = await pool.query(`SELECT action, outcome, details FROM audit_event WHERE request_id = $1`, [requestId]);
  expect(rows.rows).toEqual([expect.objectContaining({ action: 'auth.refused', outcome: 'REFUSED' })]);
  return rows.rows[0].details.reason as string;
}

describe('a request is refused with 401 UNAUTHENTICATED', () => {
  it('without an Authorization header', async () => {
    expect(await expectRefused(null)).toBe('no bearer token');
  });

  it('with an empty Authorization header', async () => {
    expect(await expectRefused('')).toBe('no bearer token');
  });

  it('with a non-bearer scheme', async () => {
    await expectRefused('Basic dXNlcjpwYXNz');
  });

  it('with a token that is not a JWT', async () => {
    expect(await expectRefused('Bearer not-a-jwt')).toBe('token malformed');
  });

  it('with an expired token (beyond the 60 s tolerance)', async () => {
    const token = await signWithDevKey({ ...goodClaims(), iat: now() - 600, exp: now() - 120 });
    expect(await expectRefused(`Bearer ${token}`)).toBe('token expired');
  });

  it('but accepts a token expired within the 60 s clock tolerance', async () => {
    const token = await signWithDevKey({ ...goodClaims(), iat: now() - 600, exp: now() - 20 });
    const { res } = await post(`Bearer ${token}`);
    expect(res.status).toBe(200);
  });

  it('with a forged signature (a foreign key under the right kid)', async () => {
    const token = await signWith('ES256', goodClaims(), { kid: devKey.kid });
    expect(await expectRefused(`Bearer ${token}`)).toBe('signature invalid');
  });

  it('with a tampered payload', async () => {
    const token = await signWithDevKey(goodClaims());
    const [h, , s] = token.split('.');
    const tampered = `${h}.${b64({ ...goodClaims(), client_id: 'auditor', sub: 'auditor' })}.${s}`;
    expect(await expectRefused(`Bearer ${tampered}`)).toBe('signature invalid');
  });

  it('with the wrong audience', async () => {
    const token = await signWithDevKey({ ...goodClaims(), aud: 'another-hub' });
    expect(await expectRefused(`Bearer ${token}`)).toBe('claim aud invalid');
  });

  it('from an issuer that is not trusted', async () => {
    const token = await signWithDevKey({ ...goodClaims(), iss: 'https://idp.example.invalid' });
    expect(await expectRefused(`Bearer ${token}`)).toBe('issuer not trusted');
  });

  it('with alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(goodClaims())}.`;
    await expectRefused(`Bearer ${token}`);
  });

  it('with an HS256 token (symmetric algorithms are never accepted)', async () => {
    const secret = new TextEncoder().encode('x'.repeat(32));
    const token = await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'HS256', kid: devKey.kid! }).sign(secret);
    expect(await expectRefused(`Bearer ${token}`)).toBe('algorithm not allowed');
  });

  it('with an HS256 token keyed by the issuer public key (key confusion)', async () => {
    const { d: _d, ...pub } = devKey;
    const secret = new TextEncoder().encode(JSON.stringify(pub));
    const token = await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    await expectRefused(`Bearer ${token}`);
  });

  it('with a kid the issuer does not publish', async () => {
    const token = await signWithDevKey(goodClaims(), { kid: 'unknown-kid' });
    expect(await expectRefused(`Bearer ${token}`)).toBe('no matching key');
  });

  it('for a client that is not registered', async () => {
    const token = await signWithDevKey({ ...goodClaims(), sub: 'ghost-system', client_id: 'ghost-system' });
    expect(await expectRefused(`Bearer ${token}`)).toBe('client not registered');
  });

  it('a person’s token obtained through a registered client (sub ≠ client_id) is refused, not read as that client', async () => {
    const token = await signWithDevKey({ ...goodClaims(), sub: 'somebody', client_id: 'psb-system' });
    expect(await expectRefused(`Bearer ${token}`)).toMatch(/names a subject other than its client/);
    const viaAzp = await signWithDevKey({ ...goodClaims(), client_id: undefined, sub: 'window-clerk', azp: 'psb-system' });
    expect(await expectRefused(`Bearer ${viaAzp}`)).toMatch(/names a subject other than its client/);
  });

  it('without the required sub claim', async () => {
    const { sub: _sub, ...claims } = goodClaims();
    const token = await signWithDevKey(claims);
    await expectRefused(`Bearer ${token}`);
  });

  it('never answers 500 and never reveals why beyond the code', async () => {
    const { res, body } = await post('Bearer a.b.c');
    expect(res.status).toBe(401);
    expect(JSON.stringify(body)).not.toMatch(/stack|signature|jose|ERR_/i);
  });
});

describe('the Authorization scheme', () => {
  it('is matched case-insensitively (RFC 7235): bearer, BEARER and BeArEr are accepted', async () => {
    const token = await signWithDevKey(goodClaims());
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const { res, body } = await post(`${scheme} ${token}`);
      expect(res.status).toBe(200);
      expect(body.data).toEqual({ viewer: { roles: ['SYSTEM'] } });
    }
  });

  it('still refuses another scheme, whatever its case', async () => {
    const token = await signWithDevKey(goodClaims());
    expect(await expectRefused(`bearerx ${token}`)).toBe('authorization header is not a bearer token');
    expect(await expectRefused(`basic ${token}`)).toBe('authorization header is not a bearer token');
  });
});

describe('the audit event of a refused token', () => {
  it('keeps the path only: an ID number in the query string never reaches the audit log', async () => {
    const idNumber = '330102197512316137';
    const requestId = `refused-query-${Math.random().toString(36).slice(2)}`;
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ householdRegistration(subjectId: "${idNumber}") { name } }`)}&subjectId=${idNumber}`, {
      headers: { 'x-request-id': requestId, authorization: 'Bearer not-a-jwt' },
    });
    expect(res.status).toBe(401);
    const pool = await t.db.orm.em.getConnection().getNativeClient();
    const { rows } = await pool.query(`SELECT row_to_json(e)::text AS line, details FROM audit_event e WHERE request_id = $1`, [requestId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toEqual({ reason: 'token malformed', path: '/graphql' });
    expect(rows[0].line).not.toContain(idNumber);
  });
});

describe('exempt routes', () => {
  it('/healthz, /readyz and /.well-known/jwks.json answer without a token', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const jwks = await fetch(`${t.url}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(Array.isArray(((await jwks.json()) as { keys: unknown[] }).keys)).toBe(true);
  });
});
