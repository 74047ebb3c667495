// The hub serves the built web console: /console/ with a strict CSP, hashed assets cached for good, the SPA fallback,
// browsers sent there from / and /graphql; the demo sign-in endpoints exist in demo mode only.
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let demo: TestHub;
let production: TestHub;

beforeAll(async () => {
  demo = await startTestHub();
  // Outside demo mode, with the run's own secrets (the audit chain of the shared database stays one chain).
  const secrets = await resolveSecrets(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir') }));
  const { publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'outside-idp' };
  production = await startTestHub({
    SHAREHUB_DEMO: '0',
    SHAREHUB_ISSUERS: JSON.stringify([{ issuer: 'https://idp.example.gov', jwks: { keys: [jwk] }, audience: 'sharehub', algorithms: ['ES256'] }]),
    SHAREHUB_SUBJECT_HASH_KEY: secrets.subjectHashKey,
    SHAREHUB_MASTER_KEY: Buffer.from(secrets.masterKey).toString('base64url'),
  });
});
afterAll(async () => {
  await demo?.close();
  await production?.close();
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the console at /console/', () => {
  it('serves index.html with a Content-Security-Policy that allows no inline script', async () => {
    const res = await fetch(`${demo.url}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const body = await res.text();
    expect(body).toContain('<div id="root">');
    // Every script is a file of the console's own origin: no inline code.
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves hashed assets as immutable, and an unknown asset is a 404', async () => {
    const index = await (await fetch(`${demo.url}/console/`)).text();
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    const res = await fetch(`${demo.url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${demo.url}/console/assets/nothing-here.js`)).status).toBe(404);
  });

  it('sends the files gzipped to a browser that accepts gzip, and as they are to one that does not', async () => {
    const index = await (await fetch(`${demo.url}/console/`)).text();
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    const zipped = await fetch(`${demo.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('accept-encoding');
    const plain = await fetch(`${demo.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await zipped.text()).toBe(await plain.text());
  });

  it('answers every route of the app with index.html (SPA fallback), never a file outside the folder', async () => {
    for (const route of ['/console/window/verify', '/console/citizen/access?x=1', '/console/..%2f..%2fpackage.json', '/console/assets%2f..%2f..%2f..%2fpackage.json']) {
      const res = await fetch(`${demo.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('sends a browser opening / or GET /graphql to /console/; systems still get JSON', async () => {
    for (const p of ['/', '/graphql']) {
      const res = await fetch(`${demo.url}${p}`, { headers: html, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/console/');
    }
    expect((await fetch(`${demo.url}/`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${demo.url}/graphql`)).status).toBe(401);
  });
});

describe('demo sign-in', () => {
  it('lists the demo clients with their roles and a few demo holders', async () => {
    const res = await fetch(`${demo.url}/demo/identities`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { clients: Array<{ id: string; roles: string[] }>; holders: Array<{ id: string; name: string }> };
    expect(body.clients).toContainEqual(expect.objectContaining({ id: 'window-clerk', roles: ['WINDOW_CLERK'] }));
    expect(body.clients.map((c) => c.id)).toEqual(expect.arrayContaining(['auditor', 'psb-admin', 'psb-system']));
    expect(body.holders[0]).toMatchObject({ id: '330102197512316137', name: '唐翔' });
  });

  it('signs a token the hub accepts, for a client and for a holder', async () => {
    const client = (await (await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'window-clerk' }) })).json()) as {
      accessToken: string;
      expiresAt: string;
    };
    expect(Date.parse(client.expiresAt)).toBeGreaterThan(Date.now());
    const viewer = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` },
      body: JSON.stringify({ query: '{ viewer { client { id } roles } }' }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { client: { id: 'window-clerk' }, roles: ['WINDOW_CLERK'] } } });

    const holder = (await (await fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ holderId: '330102197512316137' }) })).json()) as { accessToken: string };
    const mine = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${holder.accessToken}` },
      body: JSON.stringify({ query: '{ myCertificates(first: 1) { edges { node { identifier } } } }' }),
    });
    expect(((await mine.json()) as { data: { myCertificates: { edges: unknown[] } } }).data.myCertificates.edges).toHaveLength(1);
  });

  it('refuses an unknown client, a bad ID number, a wrong media type and a wrong method with clear errors', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${demo.url}/demo/token`, { method: 'POST', headers: { 'content-type': type }, body });
    const unknown = await post(JSON.stringify({ clientId: 'nobody' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ message: 'No enabled client "nobody" is registered.', extensions: { code: 'BAD_REQUEST' } }] });
    expect((await post(JSON.stringify({ holderId: '330102197512316130' }))).status).toBe(400);
    expect((await post(JSON.stringify({ clientId: 'window-clerk', extra: 1 }))).status).toBe(400);
    expect((await post('clientId=window-clerk', 'application/x-www-form-urlencoded')).status).toBe(415);
    const get = await fetch(`${demo.url}/demo/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('does not exist outside demo mode', async () => {
    expect((await fetch(`${production.url}/demo/identities`)).status).toBe(404);
    const token = await fetch(`${production.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'window-clerk' }) });
    expect(token.status).toBe(404);
    // The console itself is served all the same.
    expect((await fetch(`${production.url}/console/`)).status).toBe(200);
  });
});

describe('the build', () => {
  it('puts the console into the build output', () => {
    expect(fs.existsSync(path.join(process.cwd(), 'dist', 'console', 'index.html'))).toBe(true);
  });
});
