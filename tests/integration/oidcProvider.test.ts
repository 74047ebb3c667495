// Production sites bring their own identity provider: a token from a real, separately running OAuth 2.0
// server (oidc-provider, client-credentials grant) is accepted by a hub that trusts that issuer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidcProvider.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let idp: TestIdentityProvider;
let t: TestHub;
beforeAll(async () => {
  idp = await startIdentityProvider([
    { clientId: 'civil-affairs-system', secret: 'civil-affairs-secret-0123456789' },
    { clientId: 'unregistered-system', secret: 'unregistered-secret-0123456789' },
  ]);
  t = await startTestHub({
    SHAREHUB_ISSUERS: JSON.stringify([{ issuer: idp.issuer, jwksUri: idp.jwksUri, audience: idp.audience, algorithms: ['ES256'] }]),
  });
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

async function viewer(token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { client { id } department { shortCode } roles } }' }),
  });
  return { status: res.status, body: (await res.json()) as { data?: { viewer: unknown }; errors?: Array<{ extensions: { code: string } }> } };
}

describe('an external OAuth 2.0 server', () => {
  it('issues a client-credentials JWT that the hub accepts for the registered client', async () => {
    const token = await idp.token('civil-affairs-system', 'civil-affairs-secret-0123456789');
    const { status, body } = await viewer(token);
    expect(status).toBe(200);
    expect(body.data?.viewer).toEqual({ client: { id: 'civil-affairs-system' }, department: { shortCode: 'civil-affairs' }, roles: ['SYSTEM'] });
  });

  it('a valid token for a client the hub does not know is still refused', async () => {
    const token = await idp.token('unregistered-system', 'unregistered-secret-0123456789');
    const { status, body } = await viewer(token);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a token from that server with a tampered payload is refused', async () => {
    const token = await idp.token('civil-affairs-system', 'civil-affairs-secret-0123456789');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, client_id: 'psb-system', sub: 'psb-system' })).toString('base64url')}.${s}`;
    expect((await viewer(forged)).status).toBe(401);
  });
});
