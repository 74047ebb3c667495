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
  it('the graphql-http server audit has no failing audit', async () => {
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
    if (warned.length) process.stderr.write(`graphql-http audit warnings:\n  ${warned.join('\n  ')}\n`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});
