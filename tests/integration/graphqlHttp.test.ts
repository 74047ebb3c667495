// The graphql-http package's GraphQL-over-HTTP server audit, run against the hub with a valid token.
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

describe('GraphQL over HTTP conformance', () => {
  it('the graphql-http server audit has no failing audit and no warning', async () => {
    const token = await t.token('psb-system');
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn });
    const label = (r: (typeof results)[number]) => `${r.id} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`;
    const failed = results.filter((r) => r.status === 'error').map(label);
    const warned = results.filter((r) => r.status === 'warn').map(label);
    expect(failed).toEqual([]);
    expect(warned).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});

describe('request errors: 200 under application/json, 4xx under application/graphql-response+json', () => {
  async function post(accept: string, body: Record<string, unknown>) {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${await t.token('psb-system')}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    return { status: res.status, contentType: res.headers.get('content-type'), data: json.data, codes: (json.errors ?? []).map((e) => e.extensions?.code) };
  }

  const failures: Array<[string, Record<string, unknown>, string]> = [
    ['a syntax error', { query: '{ viewer { roles ' }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ viewer { password } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', { query: 'query T($name: String!) { __type(name: $name) { name } }', variables: { name: 42 } }, 'BAD_USER_INPUT'],
    ['an unknown operation name', { query: 'query A { viewer { roles } }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
  ];

  for (const [what, body, code] of failures) {
    it(`${what} is 200 with ${code} and no data under application/json`, async () => {
      for (const accept of ['application/json', '*/*', 'application/json, application/graphql-response+json;q=0.9']) {
        const r = await post(accept, body);
        expect({ accept, status: r.status, codes: r.codes, data: r.data }).toEqual({ accept, status: 200, codes: [code], data: undefined });
        expect(r.contentType).toMatch(/^application\/json/);
      }
    });

    it(`${what} is 400 with ${code} under application/graphql-response+json`, async () => {
      for (const accept of ['application/graphql-response+json', 'application/graphql-response+json, application/json']) {
        const r = await post(accept, body);
        expect({ accept, status: r.status, codes: r.codes }).toEqual({ accept, status: 400, codes: [code] });
        expect(r.contentType).toMatch(/^application\/graphql-response\+json/);
      }
    });
  }

  it("the hub's own limit refusals stay 400 under application/json", async () => {
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r = await post('application/json', { query: aliases });
    expect(r.status).toBe(400);
    expect(r.codes).toContain('TOO_MANY_ALIASES');
  });
});
